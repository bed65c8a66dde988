// The headline: one sentence and a few big numbers built from the current results (no UI code).
#pragma once

#include <string>

#include "analysis.h"

namespace cp::shell {

struct HeadlineNumber {
    const char* outcome;  // core series name, also the page's data-outcome attribute
    double value;
    std::string text;     // rounded for people: "12%", "2.4 years"
    const char* caption;  // what it measures, in a few words
};

struct Headline {
    std::string sentence;
    HeadlineNumber numbers[4];
};

Headline make_headline(const Scenario& scenario, const Run& run, int year);

// The levers over time in words, for readers who cannot see the figure's strips: "Your settings apply
// from 2026; the years before follow the record. Steps: Cloud denial 100% from 2028."
std::string plan_sentence(const Scenario& scenario);

// {"year":..,"sentence":..,"plan":..,"outcomes":{name:value,...},"params":{key:value,...},
//  "policy_year":..,"steps":{lever:[{"year":..,"value":..}],...},"hash":..}
// for the page's text layer (screen readers, host pages, tests).
std::string outcomes_json(const Scenario& scenario, const Params& params, const Run& run, int year,
                          const std::string& permalink);

}  // namespace cp::shell
