// The desktop app's command line (cp_app --help): what main() is asked to do.
#pragma once

#include <string>

#include "app.h"

namespace cp::platform {

struct Options {
    cp::shell::AppOptions app;
    int frames = 0;      // 0 = run until quit
    double seconds = 0;  // > 0: exit after this much wall time, idling as usual, and say how much was drawn
    std::string screenshot;
    std::string save_chart;  // a chart to save as chart-NAME.png (scripts, tests)
    int width = 1280;
    int height = 800;
    float scale = 0.0f;  // 0 = whatever the display reports
};

void print_usage();
// Reads argv into `o`; false on a malformed command line. --help prints the usage and exits.
bool parse_args(int argc, char** argv, Options& o);

}  // namespace cp::platform
