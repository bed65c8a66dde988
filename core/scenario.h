// Scenarios: a named set of parameter overrides with sources and uncertainty, loaded from versioned JSON.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "params.h"
#include "series.h"

namespace cp {

// The first year of the reader's lever values when a scenario does not say (the years before are history).
constexpr int kDefaultPolicyYear = 2026;
constexpr int kMaxPolicyYear = 2035;

// One lever's value over time: steps (year, value), each holding until the next event (see lever_path).
struct LeverStep {
    int year = 0;
    double value = 0;
};
struct LeverSchedule {
    int count = 0;
    std::array<LeverStep, kMaxYears> step{};  // sorted by year, at most one per year
    // Sets the value from `year` on, replacing a step in the same year. Keeps the order.
    void set(int year, double value);
    // Removes the step in `year`; false if there is none.
    bool remove(int year);
    // Index of the step in `year`, or -1.
    int find(int year) const;
};

struct Scenario {
    std::string id;           // file stem, e.g. "today"
    std::string title;        // "Today's policy (2025)"
    std::string description;  // one or two sentences for the presets menu
    std::string restricted_name = "China";
    std::string frontier_name = "US and allies";
    int end_year = 2035;      // 2030..kMaxEndYear
    int summary_year = 2030;  // year for the headline and summary
    // Levers over time. Before policy_year each lever follows its history (the last history value
    // holds until policy_year); from policy_year on, its value in `params` (what the reader sets);
    // a step holds from its year until the next event, and wins over both in its own year.
    int policy_year = kDefaultPolicyYear;
    std::array<LeverSchedule, kLeverCount> history{};
    std::array<LeverSchedule, kLeverCount> steps{};
    // Where each history value and step comes from, by lever and year - kFirstYear.
    std::array<std::array<std::string, kMaxYears>, kLeverCount> history_source{};
    std::array<std::array<std::string, kMaxYears>, kLeverCount> step_source{};
    Params params = default_params();
    std::array<std::string, kMaxParams> source{};  // per parameter: where its value comes from
    std::array<Distribution, kMaxParams> uncertainty{};
    std::array<std::string, kMaxParams> uncertainty_source{};  // where each distribution comes from
};

// Lever `lever` (0..kLeverCount-1) in every year from kFirstYear to end_year, with the policy-year
// value `policy_value` (the reader's). Pure and allocation-free; the model reads levers only through it.
void lever_path(const Scenario& scenario, int lever, double policy_value, double (&out)[kMaxYears]);

// The built-in default scenario: every value from the parameter table, the levers' recorded history
// and the uncertainty of each parameter that has one. Scenario files override only what differs.
Scenario default_scenario();

struct LoadResult {
    bool ok = false;
    std::string error;  // names the key, the line where known, and the allowed range
    Scenario scenario;  // valid only when ok
};

// Parses scenario JSON ("schema": 2, or 1 whose levers are constant from 2022) as overrides on top of `base`.
// All-or-nothing: on any error nothing is applied and `error` says what is wrong. Never throws.
LoadResult parse_scenario(std::string_view json_text, const Scenario& base = default_scenario());

// Applies "KEY=VALUE" (a parameter; for a lever, its value from the policy year on) or
// "KEY@YEAR=VALUE" (a lever step from YEAR on) to `scenario`. Returns an empty string on success,
// otherwise a message naming the problem; the scenario is untouched then. When `error` is given it
// receives the refusal as data if it concerns the key or the value (for wording it in another
// language); it stays ok for a refusal of the step itself (not a lever, a year outside the run).
std::string apply_scenario_assignment(Scenario& scenario, std::string_view assignment, ParamError* error = nullptr);
// Moves the policy year (kFirstYear..kMaxPolicyYear, not after end_year); message on error.
std::string set_policy_year(Scenario& scenario, int year);

// Serialises a scenario (every parameter that differs from the defaults, plus metadata).
std::string scenario_to_json(const Scenario& scenario);

}  // namespace cp
