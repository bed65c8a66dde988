// The explorable's state without UI: presets, parameters, undo/redo, cached results (its links: permalink.cpp).
#include "state.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "state_internal.h"

namespace cp::shell {
namespace {

double now_ms() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

// "100%", "12.5%": a lever's value as the reader set it, for messages.
std::string percent_text(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g%%", share * 100.0);
    return buffer;
}

}  // namespace

// Shortest decimal text that reads back as exactly `value`, so a link reproduces the state bit for bit.
std::string round_trip_number(double value) {
    char buffer[40];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

// A whole number written only with digits (no sign, no junk), or -1.
int parse_year(const std::string& text) {
    if (text.empty() || text.size() > 4) return -1;
    for (char c : text)
        if (c < '0' || c > '9') return -1;
    return std::atoi(text.c_str());
}

// The model's words are English (the command line shares them) and stay exact in English; another
// language gets the same facts from the refusal's kind, so nothing here checks the value again.
std::string param_refusal(const ParamError& error) {
    using Kind = ParamError::Kind;
    if (error.ok() || language() == Language::en) return describe(error);
    txt::Id id = txt::state_value_not_number;
    switch (error.kind) {
        case Kind::not_a_number:
        case Kind::not_finite:
            id = txt::state_value_not_number;
            break;
        case Kind::out_of_range:
            id = txt::state_value_outside_range;
            break;
        case Kind::not_integer:
            id = txt::state_value_not_whole;
            break;
        // A key or a text that is not KEY=VALUE never reaches here from the figure (links and messages
        // refuse those in their own words first); the model's words are still better than nothing.
        default:
            return describe(error);
    }
    const ParamInfo& info = param_info(error.param);
    const std::string range = "[" + round_trip_number(info.min) + ", " + round_trip_number(info.max) + "]";
    const std::string value = error.given.empty() ? round_trip_number(error.value) : error.given;
    return trf(id, {{"param", param_label(error.param)}, {"value", value.substr(0, 40)}, {"range", range}});
}

std::string policy_year_problem(const std::string& english, int year, int end_year) {
    if (english.empty() || language() == Language::en) return english;
    return trf(txt::state_policy_year_outside, {{"year", std::to_string(year)},
                                                {"first", std::to_string(kFirstYear)},
                                                {"last", std::to_string(std::min(kMaxPolicyYear, end_year))}});
}

void ExplorerState::load_record(std::string_view json_text) {
    RecordLoad loaded = parse_record(json_text);
    if (!loaded.ok) {
        load_errors_.push_back("record/record.json: " + loaded.error);
        return;
    }
    record_ = std::move(loaded.points);
}

namespace {

bool same_steps(const std::array<LeverSchedule, kLeverCount>& a, const std::array<LeverSchedule, kLeverCount>& b) {
    for (size_t l = 0; l < a.size(); ++l) {
        if (a[l].count != b[l].count) return false;
        for (int i = 0; i < a[l].count; ++i) {
            const LeverStep& x = a[l].step[static_cast<size_t>(i)];
            const LeverStep& y = b[l].step[static_cast<size_t>(i)];
            if (x.year != y.year || x.value != y.value) return false;
        }
    }
    return true;
}

}  // namespace

bool same_lever_plan(const Scenario& a, const Scenario& b) {
    return a.policy_year == b.policy_year && same_steps(a.steps, b.steps);
}

ExplorerState::LeverPlan ExplorerState::plan_of(const Scenario& scenario) {
    return {scenario.policy_year, scenario.steps, scenario.step_source};
}

void ExplorerState::init(const std::vector<std::pair<std::string, std::string>>& preset_files) {
    presets_.clear();
    load_errors_.clear();
    // The id defaults to the file stem, so the base scenario carries none.
    Scenario base = default_scenario();
    base.id.clear();
    for (const auto& [name, text] : preset_files) {
        LoadResult loaded = parse_scenario(text, base);
        if (!loaded.ok) {
            load_errors_.push_back(name + ": " + loaded.error);
            continue;
        }
        if (loaded.scenario.id.empty()) {
            // "scenarios/today.json" -> "today".
            size_t slash = name.find_last_of('/');
            std::string stem = name.substr(slash == std::string::npos ? 0 : slash + 1);
            loaded.scenario.id = stem.substr(0, stem.find('.'));
        }
        presets_.push_back(std::move(loaded.scenario));
    }
    int today = find_preset("today");
    preset_index_ = today >= 0 ? today : (presets_.empty() ? -1 : 0);
    scenario_ = preset_index_ >= 0 ? presets_[static_cast<size_t>(preset_index_)] : default_scenario();
    params_ = scenario_.params;
    start_plan_ = plan_of(scenario_);
    year_ = scenario_.summary_year;
    undo_.clear();
    redo_.clear();
    dirty_ = true;
}

int ExplorerState::find_preset(std::string_view id) const {
    for (size_t i = 0; i < presets_.size(); ++i)
        if (presets_[i].id == id) return static_cast<int>(i);
    return -1;
}

void ExplorerState::push_undo() {
    undo_.push_back({scenario_, preset_index_, editing_ ? edit_start_params_ : params_, start_plan_});
    // A drag of the policy year is one step: the snapshot holds the year it started from.
    if (editing_) undo_.back().scenario.policy_year = edit_start_policy_year_;
    redo_.clear();
    // Bound memory: a reader dragging for an hour should not grow the history without limit.
    if (undo_.size() > 200) undo_.erase(undo_.begin());
}

void ExplorerState::select_preset(int i) {
    if (i < 0 || i >= preset_count()) return;
    push_undo();
    preset_index_ = i;
    scenario_ = presets_[static_cast<size_t>(i)];
    params_ = scenario_.params;
    start_plan_ = plan_of(scenario_);
    if (year_ > scenario_.end_year) year_ = scenario_.summary_year;
    clear_message();
    mark_dirty();
}

bool ExplorerState::set_param_live(int i, double value) {
    if (i < 0 || i >= param_count()) return false;
    std::string problem = param_refusal(check_param(i, value));
    if (!problem.empty()) {
        message_ = problem;
        message_is_error_ = true;
        return false;
    }
    begin_edit(scenario_.policy_year);
    if (params_[i] != value) {
        params_[i] = value;
        mark_dirty();
    }
    return true;
}

void ExplorerState::begin_edit(int policy_year_before) {
    if (editing_) return;
    edit_start_params_ = params_;
    edit_start_policy_year_ = policy_year_before;
    editing_ = true;
}

void ExplorerState::finish_edit() {
    if (!editing_) return;
    if (edit_start_params_ != params_ || edit_start_policy_year_ != scenario_.policy_year) push_undo();
    editing_ = false;
}

bool ExplorerState::refuse(const std::string& why) {
    message_ = why;
    message_is_error_ = true;
    return false;
}

bool ExplorerState::set_policy_year_live(int year) {
    const int before = scenario_.policy_year;
    const std::string problem = policy_year_problem(cp::set_policy_year(scenario_, year), year, scenario_.end_year);
    if (!problem.empty())
        return refuse(trf(txt::state_policy_year_refused, {{"year", std::to_string(year)}, {"why", problem}}));
    begin_edit(before);
    if (before != year) mark_dirty();
    return true;
}

bool ExplorerState::set_policy_year(int year) {
    const bool ok = set_policy_year_live(year);
    finish_edit();
    return ok;
}

bool ExplorerState::add_step(int lever, int year, double value) {
    if (lever < 0 || lever >= kLeverCount) return false;
    const char* label = param_label(lever_index(lever));
    const size_t l = static_cast<size_t>(lever);
    if (year < kFirstYear || year > scenario_.end_year)
        return refuse(trf(txt::state_step_outside_run_years, {{"lever", label},
                                                              {"year", std::to_string(year)},
                                                              {"first", std::to_string(kFirstYear)},
                                                              {"last", std::to_string(scenario_.end_year)}}));
    const int existing = scenario_.steps[l].find(year);
    if (existing >= 0)
        return refuse(trf(txt::state_step_year_taken,
                          {{"lever", label},
                           {"year", std::to_string(year)},
                           {"value", percent_text(scenario_.steps[l].step[static_cast<size_t>(existing)].value)}}));
    const std::string problem = param_refusal(check_param(lever_index(lever), value));
    if (!problem.empty())
        return refuse(
            trf(txt::state_step_refused, {{"lever", label}, {"year", std::to_string(year)}, {"why", problem}}));
    finish_edit();
    push_undo();
    scenario_.steps[l].set(year, value);
    scenario_.step_source[l][static_cast<size_t>(year - kFirstYear)] = "added in the figure";
    clear_message();
    mark_dirty();
    return true;
}

bool ExplorerState::remove_step(int lever, int year) {
    if (lever < 0 || lever >= kLeverCount) return false;
    const size_t l = static_cast<size_t>(lever);
    if (scenario_.steps[l].find(year) < 0)
        return refuse(
            trf(txt::state_no_step, {{"lever", param_label(lever_index(lever))}, {"year", std::to_string(year)}}));
    finish_edit();
    push_undo();
    scenario_.steps[l].remove(year);
    if (year >= kFirstYear && year <= kMaxEndYear)
        scenario_.step_source[l][static_cast<size_t>(year - kFirstYear)].clear();
    clear_message();
    mark_dirty();
    return true;
}

bool ExplorerState::changed_from_start() const {
    return params_ != scenario_.params || scenario_.policy_year != start_plan_.policy_year ||
           !same_steps(scenario_.steps, start_plan_.steps);
}

bool ExplorerState::set_param(int i, double value) {
    bool ok = set_param_live(i, value);
    finish_edit();
    return ok;
}

void ExplorerState::reset_to_preset() {
    finish_edit();
    if (!changed_from_start()) return;
    push_undo();
    params_ = scenario_.params;
    scenario_.policy_year = start_plan_.policy_year;
    scenario_.steps = start_plan_.steps;
    scenario_.step_source = start_plan_.step_source;
    mark_dirty();
}

void ExplorerState::restore(std::vector<Snapshot>& from, std::vector<Snapshot>& to) {
    finish_edit();
    if (from.empty()) return;
    to.push_back({scenario_, preset_index_, params_, start_plan_});
    Snapshot& s = from.back();
    scenario_ = std::move(s.scenario);
    preset_index_ = s.preset_index;
    params_ = s.params;
    start_plan_ = std::move(s.start_plan);
    from.pop_back();
    mark_dirty();
}

void ExplorerState::undo() { restore(undo_, redo_); }
void ExplorerState::redo() { restore(redo_, undo_); }

bool ExplorerState::load_scenario_json(std::string_view json_text, const std::string& origin) {
    LoadResult loaded = parse_scenario(json_text);
    if (!loaded.ok) {
        message_ = trf(txt::state_load_failed, {{"file", origin}, {"why", loaded.error}});
        message_is_error_ = true;
        return false;
    }
    push_undo();
    scenario_ = std::move(loaded.scenario);
    if (scenario_.id.empty()) scenario_.id = "custom";
    preset_index_ = find_preset(scenario_.id);
    params_ = scenario_.params;
    start_plan_ = plan_of(scenario_);
    if (year_ > scenario_.end_year) year_ = scenario_.summary_year;
    message_ = trf(txt::state_loaded, {{"file", origin}});
    message_is_error_ = false;
    mark_dirty();
    return true;
}

std::string ExplorerState::scenario_json() const {
    Scenario current = scenario_;
    current.params = params_;
    return scenario_to_json(current);
}

void ExplorerState::set_year(int year) {
    if (year < kFirstYear) year = kFirstYear;
    if (year > scenario_.end_year) year = scenario_.end_year;
    if (year == year_) return;
    year_ = year;
    mark_dirty();  // attribution and tornado explain the selected year
}

void ExplorerState::set_view(const View& view) {
    if (view == view_) return;
    view_ = view;
    ++revision_;  // the link changes; the page should hear about it
}

void ExplorerState::set_language(Language language) {
    if (language == language_) return;
    language_ = language;
    ++revision_;  // the link changes (lang=zh), and every text does
}

void ExplorerState::set_notice(std::string text) {
    message_ = std::move(text);
    message_is_error_ = false;
}

void ExplorerState::set_error(std::string text) {
    message_ = std::move(text);
    message_is_error_ = true;
}

bool ExplorerState::update(bool interactive) {
    // After a drag ends, the reduced Monte Carlo must be replaced by the full one.
    if (!interactive && last_was_interactive_ && results_.draws_used < full_draws) dirty_ = true;
    if (!dirty_) return false;
    double start = now_ms();
    simulate(scenario_, params_, results_.run);
    {
        auto cut = std::make_unique<Run>();
        for (int y = results_.run.first_year; y <= results_.run.end_year; ++y) {
            simulate_switch_off(scenario_, params_, y, *cut);
            results_.switch_off_years_behind[y - results_.run.first_year] = cut->at(r_years_behind, y);
        }
    }
    results_.attribution = shapley(scenario_, params_, Metric::years_behind, year_);
    tornado(scenario_, params_, Metric::years_behind, year_, results_.tornado);
    // While dragging, keep the frame inside the budget: if the full set was too slow last time,
    // draw fewer samples now (the UI says so) and the full set on release.
    int draws = full_draws;
    if (interactive && last_full_ms_ > interactive_budget_ms) draws = interactive_draws;
    // Percentiles only for the series the charts draw bands for: most of the Monte Carlo's cost.
    static const std::array<bool, kSeriesCount> kBanded = [] {
        std::array<bool, kSeriesCount> banded{};
        for (int s : {r_largest_training_run_flop, r_years_behind, r_leverage_share, f_largest_training_run_flop})
            banded[static_cast<size_t>(s)] = true;
        return banded;
    }();
    monte_carlo(scenario_, params_, draws, seed, *results_.bands, kBanded.data());
    compare_with_commodity_view();
    results_.draws_used = draws;
    results_.compute_ms = now_ms() - start;
    if (draws == full_draws) last_full_ms_ = results_.compute_ms;
    last_was_interactive_ = interactive;
    dirty_ = false;
    ++revision_;
    return true;
}

void ExplorerState::compare_with_commodity_view() {
    results_.separating.clear();
    int oil = find_preset("oil_world");
    results_.has_commodity = oil >= 0;
    if (oil < 0) return;
    const Params& commodity = presets_[static_cast<size_t>(oil)].params;
    // The commodity view has no levers in any year: its own schedules, not the reader's history.
    Scenario oil_world = presets_[static_cast<size_t>(oil)];
    oil_world.end_year = scenario_.end_year;
    simulate(oil_world, commodity, results_.commodity_run);
    double base = metric_value(results_.run, Metric::years_behind, year_);
    // One assumption at a time: not an exact decomposition (Shapley over ~30 parameters would be
    // 2^30 runs), but it names which beliefs carry the disagreement.
    Run moved;
    for (int i = 0; i < param_count(); ++i) {
        if (params_[i] == commodity[i]) continue;
        Params p = params_;
        p[i] = commodity[i];
        simulate(scenario_, p, moved);
        results_.separating.push_back(
            {i, params_[i], commodity[i], base - metric_value(moved, Metric::years_behind, year_)});
    }
    // The years before the policy year follow the record, which the commodity view does not have:
    // the same settings with no lever in those years.
    Scenario unrecorded = scenario_;
    bool recorded = false;
    for (int l = 0; l < kLeverCount; ++l) {
        LeverSchedule& h = unrecorded.history[static_cast<size_t>(l)];
        for (int k = 0; k < h.count; ++k) recorded |= h.step[static_cast<size_t>(k)].value != 0.0;
        h = {};
        for (int y = kFirstYear; y < unrecorded.policy_year; ++y) h.set(y, 0.0);
    }
    if (recorded) {
        simulate(unrecorded, params_, moved);
        results_.separating.push_back(
            {AssumptionGap::kLeverHistory, 0, 0, base - metric_value(moved, Metric::years_behind, year_)});
    }
    std::sort(results_.separating.begin(), results_.separating.end(),
              [](const AssumptionGap& a, const AssumptionGap& b) {
                  return std::fabs(a.effect_years) > std::fabs(b.effect_years);
              });
}

void ExplorerState::pin_baseline(std::string label) {
    baseline_ = std::make_unique<Baseline>();
    baseline_->label = std::move(label);
    baseline_->params = params_;
    baseline_->run = results_.run;
}

}  // namespace cp::shell
