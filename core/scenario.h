// Scenarios: a named set of parameter overrides with sources and uncertainty, loaded from versioned JSON.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "params.h"

namespace cp {

// Distribution of an uncertain parameter for Monte Carlo. Values are clipped to the parameter range
// only by construction (lo/hi inside it); the loader rejects distributions outside the range.
struct Distribution {
    enum Kind { none, uniform, triangular, log_uniform };
    Kind kind = none;
    double lo = 0, mode = 0, hi = 0;
};

struct Scenario {
    std::string id;           // file stem, e.g. "today"
    std::string title;        // "Today's policy (2025)"
    std::string description;  // one or two sentences for the presets menu
    std::string restricted_name = "China";
    std::string frontier_name = "US and allies";
    int end_year = 2035;      // 2030..kMaxEndYear
    int summary_year = 2030;  // year for the headline and summary
    Params params = default_params();
    std::array<std::string, kMaxParams> source{};  // per parameter: where its value comes from
    std::array<Distribution, kMaxParams> uncertainty{};
};

// The built-in default scenario (today's policy, every value from the parameter table).
Scenario default_scenario();

struct LoadResult {
    bool ok = false;
    std::string error;  // names the key, the line where known, and the allowed range
    Scenario scenario;  // valid only when ok
};

// Parses scenario JSON ("schema": 1) as overrides on top of `base`. All-or-nothing: on any error
// nothing is applied and `error` says what is wrong. Never throws.
LoadResult parse_scenario(std::string_view json_text, const Scenario& base = default_scenario());

// Serialises a scenario (every parameter that differs from the defaults, plus metadata).
std::string scenario_to_json(const Scenario& scenario);

}  // namespace cp
