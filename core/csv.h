// A run's series as CSV: the one writer behind the CLI's --csv, the figure's "Download CSV" and the app's file menu.
#pragma once

#include <string>

#include "series.h"

namespace cp {

// "year,<series key>,..." then one row per year, each value the exact double (%.17g) the charts draw.
std::string series_csv(const Run& run);

}  // namespace cp
