// The desktop app's command line: cp_app's flags read into Options, and its usage text.
#include "options.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace cp::platform {

void print_usage() {
    // The chart names come from the charts' table, wrapped under the option's text.
    const std::string all = cp::shell::App::chart_names(",");
    std::string names;
    size_t column = 78;  // after "  --save-chart NAME   save one ... folder ("
    for (size_t at = 0; at < all.size();) {
        const size_t comma = std::min(all.find(',', at), all.size());
        const std::string name = all.substr(at, comma - at);
        at = comma + 1;
        if (!names.empty()) {
            const bool wrap = column + name.size() + 2 > 100;
            names += wrap ? ",\n" + std::string(22, ' ') : std::string(", ");
            column = wrap ? 22 : column + 2;
        }
        names += name;
        column += name.size();
    }
    std::printf(
        "usage: cp_app [--size WxH] [--scale S] [--frames N | --seconds S] [--screenshot out.png]\n"
        "              [--embed [--panels LIST]]"
        "              [--state HASH] [--save-chart NAME]\n"
        "  --size WxH          window size in logical pixels (default 1280x800)\n"
        "  --scale S           device pixel ratio to render at (window is W*S x H*S pixels)\n"
        "  --frames N          exit after N frames\n"
        "  --seconds S         exit after S seconds (idling as usual) and print how many frames were drawn\n"
        "  --screenshot FILE   write the last frame as PNG (with --frames)\n"
        "  --embed             figure only, as in a blog embed\n"
        "  --panels LIST       panels an embed shows, comma-separated (e.g. headline,chart,levers)\n"
        "  --state HASH        restore a permalink state\n"
        "  --save-chart NAME   save one chart as chart-NAME.png in the current folder (%s)\n",
        names.c_str());
}

// Returns false on a malformed command line.
bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--embed") {
            o.app.embed = true;
        } else if (arg == "--panels" && has_value) {
            o.app.panels = argv[++i];
        } else if (arg == "--state" && has_value) {
            o.app.initial_state = argv[++i];
            if (!o.app.initial_state.empty() && o.app.initial_state[0] == '#') o.app.initial_state.erase(0, 1);
        } else if (arg == "--frames" && has_value) {
            o.frames = std::atoi(argv[++i]);
        } else if (arg == "--seconds" && has_value) {
            o.seconds = std::atof(argv[++i]);
            if (!(o.seconds > 0 && o.seconds <= 86400)) return false;
        } else if (arg == "--screenshot" && has_value) {
            o.screenshot = argv[++i];
        } else if (arg == "--save-chart" && has_value) {
            o.save_chart = argv[++i];
        } else if (arg == "--size" && has_value) {
            if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2 || o.width <= 0 || o.height <= 0) {
                return false;
            }
        } else if (arg == "--scale" && has_value) {
            o.scale = static_cast<float>(std::atof(argv[++i]));
            if (!(o.scale > 0.0f && o.scale <= 8.0f)) return false;
        } else if (arg == "--help" || arg == "-h") {
            print_usage();
            std::exit(0);
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace cp::platform
