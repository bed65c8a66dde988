// The headline: one sentence and a few big numbers built from the current results (no UI code).
#pragma once

#include <string>
#include <vector>

#include "analysis.h"
#include "record.h"

namespace cp::shell {

struct HeadlineNumber {
    const char* outcome;  // core series name, also the page's data-outcome attribute
    double value;
    std::string text;     // rounded for people: "12%", "2.4 years"
    const char* caption;  // what it measures, in a few words (in the reader's language, as is the sentence)
};

constexpr int kHeadlineNumbers = 5;

struct Headline {
    std::string sentence;
    HeadlineNumber numbers[kHeadlineNumbers];
};

// `attribution` (of years behind, in `year`), when given, lets the sentence name the lever that
// moves the gap most.
Headline make_headline(const Scenario& scenario, const Run& run, int year, const Attribution* attribution = nullptr);

// The levers over time in words, for readers who cannot see the figure's strips: "Your settings apply
// from 2026; the years before follow the record. Steps: Cloud denial 100% from 2028."
std::string plan_sentence(const Scenario& scenario);

// {"year":..,"sentence":..,"plan":..,"outcomes":{name:value,...},"texts":{name:"3.6 × 10^25",...},
//  "labels":{name:..,...},"outcome_item":"{label}: {value}","record_item":..,"params":{key:value,...},
//  "policy_year":..,"steps":{lever:[{"year":..,"value":..}],...},"hash":..}
// for the page's text layer (screen readers, host pages, tests), which places these texts as they
// are: the app formats every number the page shows. Field names and keys are a data contract and
// stay English; the texts (sentence, plan, texts, labels, items, caption, what, label) are in the
// reader's language ("lang" names it when it is not English).
// `switch_off_years_behind` (when given) is listed among the outcomes; `record` (when given) as
// "record": [{series, what, year, value, text, label, source}].
std::string outcomes_json(const Scenario& scenario, const Params& params, const Run& run, int year,
                          const std::string& permalink, const Attribution* attribution = nullptr,
                          const double* switch_off_years_behind = nullptr,
                          const std::vector<RecordPoint>* record = nullptr);
// The same for the figure as it stands, plus the switch-off years behind (as the outcome
// "switch_off_years_behind") and the public record ("record": [{series, what, year, value, text, label, source}]).
class ExplorerState;
std::string outcomes_json(const ExplorerState& state, const std::string& permalink);

// `text` as a JSON string literal, quotes and control characters escaped (the page parses what the app hands over).
std::string json_string(const std::string& text);

}  // namespace cp::shell
