// Typed changes to the state (from links and host messages): checked whole on candidates, then made as one undo step.
#include <array>
#include <string>

#include "state.h"
#include "state_internal.h"

namespace cp::shell {

std::string ExplorerState::make_changes(const Changes& changes, Scenario& scenario, Params& params) {
    // A refused value is quoted as it was written when it came as text (a link), exactly when a number.
    auto refusal = [](ParamError error, const Changes::Value& value) {
        error.given = value.text;
        return param_refusal(error);
    };
    for (const Changes::Param& p : changes.params) {
        const ParamError error = check_param(p.index, p.value.number);
        if (!error.ok()) return refusal(error, p.value);
        params[p.index] = p.value.number;
    }
    if (changes.policy_year) {
        const int year = *changes.policy_year;
        const std::string problem = policy_year_problem(cp::set_policy_year(scenario, year), year, scenario.end_year);
        if (!problem.empty()) return problem;
    }
    // Two steps for one lever in one year in one link or message: which one was meant is unknowable.
    std::array<std::array<bool, kMaxYears>, kLeverCount> seen{};
    for (const Changes::Step& step : changes.steps) {
        const std::string lever = param_info(lever_index(step.lever)).key;
        const std::string year = std::to_string(step.year);
        if (step.year < kFirstYear || step.year > scenario.end_year)
            return trf(txt::state_step_outside_run, {{"key", lever + "@" + year},
                                                     {"first", std::to_string(kFirstYear)},
                                                     {"last", std::to_string(scenario.end_year)}});
        const size_t l = static_cast<size_t>(step.lever), y = static_cast<size_t>(step.year - kFirstYear);
        if (seen[l][y]) return trf(txt::state_two_steps_in_link, {{"lever", lever}, {"year", year}});
        seen[l][y] = true;
        if (!step.value) {
            if (!scenario.steps[l].remove(step.year))
                return trf(txt::state_no_step_to_remove, {{"lever", lever}, {"year", year}});
            scenario.step_source[l][y].clear();
            continue;
        }
        const ParamError error = check_param(lever_index(step.lever), step.value->number);
        if (!error.ok()) return refusal(error, *step.value);
        scenario.steps[l].set(step.year, step.value->number);
        const std::string& text = step.value->text;
        scenario.step_source[l][y] =
            "set as " + lever + "@" + year + "=" + (text.empty() ? round_trip_number(step.value->number) : text);
    }
    return {};
}

bool ExplorerState::apply_changes(const Changes& changes) {
    finish_edit();
    Scenario candidate = scenario_;
    Params params = params_;
    const std::string problem = make_changes(changes, candidate, params);
    if (!problem.empty()) return refuse(trf(txt::state_edit_refused, {{"why", problem}}));
    clear_message();
    if (params == params_ && same_lever_plan(candidate, scenario_)) return true;
    push_undo();
    scenario_ = std::move(candidate);
    params_ = params;
    mark_dirty();
    return true;
}

}  // namespace cp::shell
