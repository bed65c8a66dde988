// What a reader can take away: the series as CSV (the scenario JSON comes from ExplorerState).
#include "exports.h"

#include <cstdio>

namespace cp::shell {

std::string series_csv(const Run& run) {
    std::string out = "year";
    for (int s = 0; s < kSeriesCount; ++s) out += std::string(",") + series_info(s).key;
    out += "\n";
    char buffer[32];
    for (int y = run.first_year; y <= run.end_year; ++y) {
        out += std::to_string(y);
        for (int s = 0; s < kSeriesCount; ++s) {
            // %.17g: a spreadsheet gets the exact double the charts drew.
            std::snprintf(buffer, sizeof buffer, ",%.17g", run.at(s, y));
            out += buffer;
        }
        out += "\n";
    }
    return out;
}

}  // namespace cp::shell
