// Helpers shared by the core tests: random parameter draws and file reading.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "analysis.h"
#include "rng.h"

namespace cp::test {

// Every parameter drawn uniformly inside its range (log-uniformly for log sliders).
inline Params random_params(Rng& rng) {
    Params p = default_params();
    for (int i = 0; i < param_count(); ++i) {
        const ParamInfo& info = param_info(i);
        const double u = rng.uniform01();
        if (info.log_slider && info.min > 0)
            p[i] = info.min * std::pow(info.max / info.min, u);
        else
            p[i] = info.min + u * (info.max - info.min);
    }
    return p;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string scenario_path(const std::string& name) {
    return std::string(CP_SCENARIO_DIR) + "/" + name + ".json";
}

inline Scenario load_preset(const std::string& name) {
    LoadResult r = parse_scenario(read_text(scenario_path(name)));
    if (!r.ok) return Scenario{};
    r.scenario.id = name;
    return r.scenario;
}

}  // namespace cp::test
