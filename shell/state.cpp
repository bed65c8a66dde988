// The explorable's state without any UI: presets, current parameters, undo/redo, permalinks and cached results.
#include "state.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cp::shell {
namespace {

// Hashes longer than this are not links a person made; refuse them before parsing anything.
constexpr size_t kMaxPermalinkLength = 4096;
// v=2 added the policy year and steps; v=1 links read exactly as before (their lever values apply
// from the preset's policy year), so no v=1 link changes meaning.
constexpr int kPermalinkVersion = 2;

double now_ms() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

// Shortest decimal text that reads back as exactly `value`, so a link reproduces the state bit for bit.
std::string round_trip_number(double value) {
    char buffer[40];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

// '@' joins a lever and a year in step keys ("cloud_denial@2028"), as in `cp_run --set`.
bool is_key_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '@'; }
bool is_value_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '+' || c == 'e' ||
           c == 'E' || c == '_';
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Splits "a=1&b=2" into checked KEY=VALUE pairs; returns why not, or an empty string.
std::string split_pairs(std::string_view text, Pairs& out) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('&', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(start, end - start);
        start = end + 1;
        if (part.empty()) continue;
        size_t eq = part.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return trf(txt::state_not_key_value, {{"text", std::string(part.substr(0, 40))}});
        std::string key(part.substr(0, eq));
        std::string value(part.substr(eq + 1));
        for (char c : key)
            if (!is_key_char(c)) return tr(txt::state_key_bad_characters);
        if (key.size() > 60) return tr(txt::state_key_too_long);
        for (char c : value)
            if (!is_value_char(c)) return trf(txt::state_value_bad_characters, {{"key", key}});
        if (value.empty() || value.size() > 40) return trf(txt::state_value_empty_or_too_long, {{"key", key}});
        out.emplace_back(std::move(key), std::move(value));
    }
    return {};
}

// "100%", "12.5%": a lever's value as the reader set it, for messages.
std::string percent_text(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g%%", share * 100.0);
    return buffer;
}

// A whole number written only with digits (no sign, no junk), or -1.
int parse_year(const std::string& text) {
    if (text.empty() || text.size() > 4) return -1;
    for (char c : text)
        if (c < '0' || c > '9') return -1;
    return std::atoi(text.c_str());
}

int lever_of_key(std::string_view key) {
    for (int l = 0; l < kLeverCount; ++l)
        if (key == param_info(lever_index(l)).key) return l;
    return -1;
}

// The model's checks speak English (the command line shares them); a reader in another language
// gets the same facts in it. English keeps the model's words exactly.
std::string param_problem(const std::string& english, int index, const std::string& text) {
    if (english.empty() || language() == Language::en || index < 0) return english;
    const ParamInfo& info = param_info(index);
    const std::string range = "[" + round_trip_number(info.min) + ", " + round_trip_number(info.max) + "]";
    char* end = nullptr;
    const double value = text.empty() ? 0.0 : std::strtod(text.c_str(), &end);
    const std::initializer_list<Arg> args = {
        {"param", param_label(index)}, {"value", text.substr(0, 40)}, {"range", range}};
    if (text.empty() || end == nullptr || *end != '\0' || !std::isfinite(value))
        return trf(txt::state_value_not_number, args);
    if (value < info.min || value > info.max) return trf(txt::state_value_outside_range, args);
    if (info.is_integer && value != std::floor(value)) return trf(txt::state_value_not_whole, args);
    return english;
}

std::string policy_year_problem(const std::string& english, int year, int end_year) {
    if (english.empty() || language() == Language::en) return english;
    return trf(txt::state_policy_year_outside, {{"year", std::to_string(year)},
                                                {"first", std::to_string(kFirstYear)},
                                                {"last", std::to_string(std::min(kMaxPolicyYear, end_year))}});
}

// Applies "LEVER@YEAR" = VALUE or "off" to `sc`. `seen` (lever x year) refuses two steps for one year
// in one link or message. Returns why it is refused, or an empty string.
std::string apply_step_pair(Scenario& sc, const std::string& key, const std::string& value,
                            std::array<std::array<bool, kMaxYears>, kLeverCount>& seen) {
    const size_t at = key.find('@');
    const std::string name = key.substr(0, at);
    const int lever = lever_of_key(name);
    if (lever < 0) {
        std::string levers;
        for (int l = 0; l < kLeverCount; ++l) levers += (l ? ", " : "") + std::string(param_info(lever_index(l)).key);
        return trf(txt::state_not_a_step, {{"key", key.substr(0, 40)}, {"levers", levers}});
    }
    const int year = parse_year(key.substr(at + 1));
    if (year < kFirstYear || year > sc.end_year)
        return trf(
            txt::state_step_outside_run,
            {{"key", key.substr(0, 40)}, {"first", std::to_string(kFirstYear)}, {"last", std::to_string(sc.end_year)}});
    bool& taken = seen[static_cast<size_t>(lever)][static_cast<size_t>(year - kFirstYear)];
    if (taken) return trf(txt::state_two_steps_in_link, {{"lever", name}, {"year", std::to_string(year)}});
    taken = true;
    const size_t l = static_cast<size_t>(lever);
    if (value == "off") {
        if (!sc.steps[l].remove(year))
            return trf(txt::state_no_step_to_remove, {{"lever", name}, {"year", std::to_string(year)}});
        sc.step_source[l][static_cast<size_t>(year - kFirstYear)].clear();
        return {};
    }
    return param_problem(apply_scenario_assignment(sc, key + "=" + value), lever_index(lever), value);
}

// What a link without "s=" starts from when there are no presets.
const Scenario& builtin_scenario() {
    static const Scenario scenario = default_scenario();
    return scenario;
}

}  // namespace

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
    std::string problem = param_problem(check_param_value(i, value), i, round_trip_number(value));
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
    const std::string problem =
        param_problem(check_param_value(lever_index(lever), value), lever_index(lever), round_trip_number(value));
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

void ExplorerState::undo() {
    finish_edit();
    if (undo_.empty()) return;
    redo_.push_back({scenario_, preset_index_, params_, start_plan_});
    Snapshot& s = undo_.back();
    scenario_ = std::move(s.scenario);
    preset_index_ = s.preset_index;
    params_ = s.params;
    start_plan_ = std::move(s.start_plan);
    undo_.pop_back();
    mark_dirty();
}

void ExplorerState::redo() {
    finish_edit();
    if (redo_.empty()) return;
    undo_.push_back({scenario_, preset_index_, params_, start_plan_});
    Snapshot& s = redo_.back();
    scenario_ = std::move(s.scenario);
    preset_index_ = s.preset_index;
    params_ = s.params;
    start_plan_ = std::move(s.start_plan);
    redo_.pop_back();
    mark_dirty();
}

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

std::string ExplorerState::permalink() const {
    std::string out = "v=" + std::to_string(kPermalinkVersion);
    const Params& reference = preset_index_ >= 0 ? scenario_.params : default_params();
    // Policy year and steps are written as changes to what a reader of the link starts from.
    const Scenario& base = preset_index_ >= 0 ? presets_[static_cast<size_t>(preset_index_)] : builtin_scenario();
    if (preset_index_ >= 0) out += "&s=" + scenario_.id;
    if (scenario_.policy_year != base.policy_year) out += "&policy_year=" + std::to_string(scenario_.policy_year);
    for (int i = 0; i < param_count(); ++i)
        if (params_[i] != reference[i])
            out += std::string("&") + param_info(i).key + "=" + round_trip_number(params_[i]);
    for (int l = 0; l < kLeverCount; ++l) {
        const LeverSchedule& now = scenario_.steps[static_cast<size_t>(l)];
        const LeverSchedule& was = base.steps[static_cast<size_t>(l)];
        const std::string prefix = std::string("&") + param_info(lever_index(l)).key + "@";
        for (int year = kFirstYear; year <= kMaxEndYear; ++year) {
            const int i = now.find(year), j = was.find(year);
            if (i >= 0 && (j < 0 || now.step[static_cast<size_t>(i)].value != was.step[static_cast<size_t>(j)].value))
                out += prefix + std::to_string(year) + "=" + round_trip_number(now.step[static_cast<size_t>(i)].value);
            else if (i < 0 && j >= 0)
                out += prefix + std::to_string(year) + "=off";
        }
    }
    if (year_ != scenario_.summary_year) out += "&year=" + std::to_string(year_);
    std::string view;
    if (view_.dark) view += "dark";
    if (view_.advanced) view += view.empty() ? "advanced" : "_advanced";
    if (!view.empty()) out += "&view=" + view;
    if (language_ != Language::en) out += std::string("&lang=") + language_code(language_);
    return out;
}

bool ExplorerState::apply_permalink(std::string_view hash) {
    auto reject = [this](const std::string& why) {
        // Nothing changes on refusal: at start-up that is the default scenario, later (a host page's
        // message, a new hash) whatever the reader had; the message must not claim a reset.
        const int today = find_preset("today");
        const bool at_defaults = preset_index_ == today && today >= 0 &&
                                 params_ == presets_[static_cast<size_t>(today)].params &&
                                 same_lever_plan(scenario_, presets_[static_cast<size_t>(today)]);
        message_ =
            trf(at_defaults ? txt::state_link_refused_at_defaults : txt::state_link_refused_kept, {{"why", why}});
        message_is_error_ = true;
        return false;
    };
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (hash.empty()) return true;
    if (hash.size() > kMaxPermalinkLength) return reject(tr(txt::state_link_too_long));

    // Parse everything into a candidate first; apply only if every part is valid.
    Pairs pairs;
    const std::string malformed = split_pairs(hash, pairs);
    if (!malformed.empty()) return reject(malformed);
    int version = kPermalinkVersion;
    int preset = preset_index_ >= 0 ? find_preset("today") : -1;
    Pairs assignments, steps;
    int policy_year = -1;
    std::string newer_key;  // the first key a v=1 link cannot have
    int year = -1;
    View view;  // a link says everything: no "view" key means the default view, as permalink() writes it
    Language language = language_;  // except the language: a link without one keeps the reader's
    for (const auto& [key, value] : pairs) {
        if (key == "v") {
            char* end_ptr = nullptr;
            const long parsed = std::strtol(value.c_str(), &end_ptr, 10);
            if (*end_ptr != '\0' || parsed < 1)
                return reject(trf(txt::state_link_unknown_version, {{"version", value}}));
            version = parsed > kPermalinkVersion ? kPermalinkVersion + 1 : static_cast<int>(parsed);
            if (version > kPermalinkVersion) return reject(trf(txt::state_link_newer_version, {{"version", value}}));
        } else if (key == "s") {
            preset = find_preset(value);
            if (preset < 0) return reject(trf(txt::state_link_unknown_preset, {{"preset", value}}));
        } else if (key == "year") {
            char* end_ptr = nullptr;
            long parsed = std::strtol(value.c_str(), &end_ptr, 10);
            if (*end_ptr != '\0' || parsed < kFirstYear || parsed > kMaxEndYear)
                return reject(trf(txt::state_link_bad_year,
                                  {{"first", std::to_string(kFirstYear)}, {"last", std::to_string(kMaxEndYear)}}));
            year = static_cast<int>(parsed);
        } else if (key == "policy_year") {
            policy_year = parse_year(value);
            if (policy_year < 0) return reject(trf(txt::state_bad_policy_year, {{"value", value}}));
            if (newer_key.empty()) newer_key = key;
        } else if (key.find('@') != std::string::npos) {
            steps.emplace_back(key, value);
            if (newer_key.empty()) newer_key = key;
        } else if (key == "view") {
            // Flags joined by '_' (commas would need escaping in a hash).
            view = View();
            size_t from = 0;
            while (from <= value.size()) {
                size_t to = value.find('_', from);
                if (to == std::string::npos) to = value.size();
                std::string flag = value.substr(from, to - from);
                from = to + 1;
                if (flag == "dark")
                    view.dark = true;
                else if (flag == "advanced")
                    view.advanced = true;
                else if (flag != "light" && !flag.empty())
                    return reject(trf(txt::state_link_bad_view, {{"view", flag.substr(0, 20)}}));
            }
        } else if (key == "lang") {
            if (!parse_language(value, language))
                return reject(trf(txt::state_link_bad_language, {{"lang", value.substr(0, 20)}}));
        } else if (key == "panels" || key == "embed") {
            // Embed keys belong to the page (they choose what an iframe shows); accepted here.
        } else if (find_param(key) >= 0) {
            assignments.emplace_back(key, value);
        } else {
            return reject(trf(txt::state_unknown_key, {{"key", key.substr(0, 40)}}));
        }
    }
    // A v=1 link never had these keys; reading them would give an old link a meaning it never had.
    if (version < 2 && !newer_key.empty())
        return reject(trf(txt::state_link_not_v1, {{"key", newer_key.substr(0, 40)}}));

    const Scenario& base = preset >= 0 ? presets_[static_cast<size_t>(preset)] : builtin_scenario();
    Scenario candidate = base;
    Params params = candidate.params;
    for (const auto& [key, value] : assignments) {
        std::string problem = param_problem(apply_assignment(params, key + "=" + value), find_param(key), value);
        if (!problem.empty()) return reject(problem);
    }
    if (policy_year >= 0) {
        std::string problem =
            policy_year_problem(cp::set_policy_year(candidate, policy_year), policy_year, candidate.end_year);
        if (!problem.empty()) return reject(problem);
    }
    std::array<std::array<bool, kMaxYears>, kLeverCount> seen{};
    for (const auto& [key, value] : steps) {
        std::string problem = apply_step_pair(candidate, key, value, seen);
        if (!problem.empty()) return reject(problem);
    }
    if (year > candidate.end_year) return reject(tr(txt::state_link_year_after_end));

    push_undo();
    preset_index_ = preset;
    scenario_ = std::move(candidate);
    start_plan_ = plan_of(base);
    params_ = params;
    year_ = year > 0 ? year : scenario_.summary_year;
    view_ = view;
    language_ = language;
    clear_message();
    mark_dirty();
    return true;
}

bool ExplorerState::apply_edits(std::string_view edits) {
    auto reject = [this](const std::string& why) { return refuse(trf(txt::state_edit_refused, {{"why", why}})); };
    if (edits.size() > kMaxPermalinkLength) return reject(tr(txt::state_edit_too_long));
    Pairs pairs;
    const std::string malformed = split_pairs(edits, pairs);
    if (!malformed.empty()) return reject(malformed);
    finish_edit();
    Scenario candidate = scenario_;
    Params params = params_;
    std::array<std::array<bool, kMaxYears>, kLeverCount> seen{};
    for (const auto& [key, value] : pairs) {
        std::string problem;
        if (key == "policy_year") {
            const int year = parse_year(value);
            problem = year < 0 ? trf(txt::state_bad_policy_year, {{"value", value}})
                               : policy_year_problem(cp::set_policy_year(candidate, year), year, candidate.end_year);
        } else if (key.find('@') != std::string::npos) {
            problem = apply_step_pair(candidate, key, value, seen);
        } else if (find_param(key) >= 0) {
            problem = param_problem(apply_assignment(params, key + "=" + value), find_param(key), value);
        } else {
            problem = trf(txt::state_unknown_key, {{"key", key.substr(0, 40)}});
        }
        if (!problem.empty()) return reject(problem);
    }
    clear_message();
    if (params == params_ && same_lever_plan(candidate, scenario_)) return true;
    push_undo();
    scenario_ = std::move(candidate);
    params_ = params;
    mark_dirty();
    return true;
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
