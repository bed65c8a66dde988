// What a reader can take away: the series as CSV (the scenario JSON comes from ExplorerState).
#pragma once

#include <string>

#include "series.h"

namespace cp::shell {

// One row per year, one column per series key ("restricted.compute_ratio"), full precision.
std::string series_csv(const Run& run);

}  // namespace cp::shell
