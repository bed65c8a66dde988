// A run's series as CSV, exact to the bit, so a spreadsheet holds what the charts drew.
#include "csv.h"

#include <cstdio>

namespace cp {

std::string series_csv(const Run& run) {
    std::string out = "year";
    for (int s = 0; s < kSeriesCount; ++s) out += std::string(",") + series_info(s).key;
    out += "\n";
    char buffer[32];
    for (int y = run.first_year; y <= run.end_year; ++y) {
        out += std::to_string(y);
        for (int s = 0; s < kSeriesCount; ++s) {
            std::snprintf(buffer, sizeof buffer, ",%.17g", run.at(s, y));
            out += buffer;
        }
        out += "\n";
    }
    return out;
}

}  // namespace cp
