// Reads a host page's "compute-poverty:set" message from its JSON into Changes: the message's shape is checked here,
// its values by the state.
#include "host_message.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace cp::shell {
namespace {

using json = nlohmann::json;

// A year as a host page may write one: a whole number. Years far outside any run are a wrong shape,
// not a year to argue about (and would not fit an int).
bool read_year(const json& v, int& year) {
    if (!v.is_number()) return false;
    const double y = v.get<double>();
    if (!std::isfinite(y) || std::floor(y) != y || std::fabs(y) > 1e6) return false;
    year = static_cast<int>(y);
    return true;
}

bool is_finite_number(const json& v) { return v.is_number() && std::isfinite(v.get<double>()); }

// Each reader returns "" or why the message is ignored.
std::string read_params(const json& params, Changes& changes) {
    if (!params.is_object()) return "params is not an object";
    if (params.empty() || params.size() > kMaxMessageEntries)
        return "params must hold 1 to " + std::to_string(kMaxMessageEntries) + " entries";
    for (const auto& [key, value] : params.items()) {
        const int index = find_param(key);
        if (index < 0) return "unknown parameter \"" + key.substr(0, 40) + "\"";
        if (!is_finite_number(value)) return "the value of " + key + " is not a finite number";
        changes.params.push_back({index, {value.get<double>(), {}}});
    }
    return {};
}

std::string read_steps(const json& steps, Changes& changes) {
    if (!steps.is_array() || steps.empty() || steps.size() > kMaxMessageEntries)
        return "steps must be a list of 1 to " + std::to_string(kMaxMessageEntries) + " steps";
    for (const json& step : steps) {
        if (!step.is_object() || step.size() != 3 || !step.contains("lever") || !step.contains("year") ||
            !step.contains("value"))
            return "a step must be {lever, year, value}";
        const json& lever = step["lever"];
        Changes::Step change;
        change.lever = lever.is_string() ? lever_of(lever.get<std::string>()) : -1;
        if (change.lever < 0) return "steps are for " + lever_keys();
        if (!read_year(step["year"], change.year)) return "a step year is not a whole number";
        const json& value = step["value"];
        if (!value.is_null() && !is_finite_number(value)) return "a step value is neither a finite number nor null";
        if (!value.is_null()) change.value = Changes::Value{value.get<double>(), {}};
        changes.steps.push_back(std::move(change));
    }
    return {};
}

std::string read_fields(const json& message, Changes& changes) {
    if (!message.is_object()) return "not a message object";
    for (const auto& [key, value] : message.items()) {
        if (key == "type") {
            if (value != "compute-poverty:set") return "not a compute-poverty:set message";
        } else if (key == "params") {
            if (std::string why = read_params(value, changes); !why.empty()) return why;
        } else if (key == "policy_year") {
            int year = 0;
            if (!read_year(value, year)) return "policy_year is not a whole number";
            changes.policy_year = year;
        } else if (key == "steps") {
            if (std::string why = read_steps(value, changes); !why.empty()) return why;
        } else {
            return "unexpected fields";
        }
    }
    if (changes.params.empty() && !changes.policy_year && changes.steps.empty()) return "nothing to set";
    return {};
}

}  // namespace

HostMessage read_host_message(std::string_view text) {
    HostMessage message;
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    message.ignored = doc.is_discarded() ? "not JSON" : read_fields(doc, message.changes);
    if (!message.ignored.empty()) message.changes = Changes();
    return message;
}

}  // namespace cp::shell
