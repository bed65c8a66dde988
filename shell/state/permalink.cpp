// The link codec: ExplorerState's permalinks, written, and read into Changes (changes.cpp) on top of their preset.
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "state.h"
#include "state_internal.h"

namespace cp::shell {
namespace {

// Hashes longer than this are not links a person made; refuse them before parsing anything.
constexpr size_t kMaxPermalinkLength = 4096;
// v=2 added the policy year and steps; v=1 links read exactly as before (their lever values apply
// from the preset's policy year), so no v=1 link changes meaning.
constexpr int kPermalinkVersion = 2;

// '@' joins a lever and a year in step keys ("cloud_denial@2028"), as in `cp_run --set`.
bool is_key_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '@'; }
bool is_value_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '+' || c == 'e' ||
           c == 'E' || c == '_';
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// The parts of `text` between `separator`s, empty ones included.
std::vector<std::string_view> parts(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Splits "a=1&b=2" into checked KEY=VALUE pairs; returns why not, or an empty string.
std::string split_pairs(std::string_view text, Pairs& out) {
    for (std::string_view part : parts(text, '&')) {
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

// A value of parameter `param` as a link writes it ("0.8", "1e-3"), kept with its text for
// refusals; "" or why it is not a number.
std::string read_number(int param, const std::string& text, Changes::Value& value) {
    char* end = nullptr;
    value = {std::strtod(text.c_str(), &end), text};
    if (!text.empty() && end == text.c_str() + text.size()) return {};
    return param_refusal(ParamError{ParamError::Kind::not_a_number, param, 0, text});
}

// "KEY=VALUE" for parameter `index`, or why it is refused.
std::string read_param(int index, const std::string& value, Changes& changes) {
    Changes::Value number;
    if (std::string problem = read_number(index, value, number); !problem.empty()) return problem;
    changes.params.push_back({index, std::move(number)});
    return {};
}

// "LEVER@YEAR=VALUE" (the lever's value from YEAR on) or "LEVER@YEAR=off" (its step removed), or why
// it is refused. Whether the year is in the run is the state's to say (it depends on the preset).
std::string read_step(const std::string& key, const std::string& value, Changes& changes) {
    const size_t at = key.find('@');
    Changes::Step step;
    step.lever = lever_of(key.substr(0, at));
    if (step.lever < 0) return trf(txt::state_not_a_step, {{"key", key.substr(0, 40)}, {"levers", lever_keys()}});
    step.year = parse_year(key.substr(at + 1));
    if (step.year < 0)
        return trf(
            txt::state_step_outside_run,
            {{"key", key.substr(0, 40)}, {"first", std::to_string(kFirstYear)}, {"last", std::to_string(kMaxEndYear)}});
    if (value != "off") {
        Changes::Value number;
        if (std::string problem = read_number(lever_index(step.lever), value, number); !problem.empty()) return problem;
        step.value = std::move(number);
    }
    changes.steps.push_back(std::move(step));
    return {};
}

// What a link without "s=" starts from when there are no presets.
const Scenario& builtin_scenario() {
    static const Scenario scenario = default_scenario();
    return scenario;
}

}  // namespace

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
    Changes changes;
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
            changes.policy_year = parse_year(value);
            if (*changes.policy_year < 0) return reject(trf(txt::state_bad_policy_year, {{"value", value}}));
            if (newer_key.empty()) newer_key = key;
        } else if (key.find('@') != std::string::npos) {
            const std::string problem = read_step(key, value, changes);
            if (!problem.empty()) return reject(problem);
            if (newer_key.empty()) newer_key = key;
        } else if (key == "view") {
            // Flags joined by '_' (commas would need escaping in a hash).
            view = View();
            for (std::string_view flag : parts(value, '_')) {
                if (flag == "dark")
                    view.dark = true;
                else if (flag == "advanced")
                    view.advanced = true;
                else if (flag != "light" && !flag.empty())
                    return reject(trf(txt::state_link_bad_view, {{"view", std::string(flag.substr(0, 20))}}));
            }
        } else if (key == "lang") {
            if (!parse_language(value, language))
                return reject(trf(txt::state_link_bad_language, {{"lang", value.substr(0, 20)}}));
        } else if (key == "panels" || key == "embed") {
            // Embed keys belong to the page (they choose what an iframe shows); accepted here.
        } else if (const int index = find_param(key); index >= 0) {
            const std::string problem = read_param(index, value, changes);
            if (!problem.empty()) return reject(problem);
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
    const std::string problem = make_changes(changes, candidate, params);
    if (!problem.empty()) return reject(problem);
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

}  // namespace cp::shell
