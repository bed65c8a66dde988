// Scenario JSON ("schema": 1): strict, all-or-nothing loading with messages that name the key and line.
#include "scenario.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "series.h"

namespace cp {

namespace {

using json = nlohmann::json;

constexpr int kSchema = 2;
constexpr int kMinEndYear = 2030;

// Records the parser's own message (it carries line and column). sax_parse reports syntax errors
// through parse_error() instead of throwing, so this works with exception catching disabled.
struct ErrorSax {
    std::string message;
    std::vector<std::string> path;  // key at each open object level, to name where an error is
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) {
        path.emplace_back();
        return true;
    }
    bool key(std::string& k) {
        if (!path.empty()) path.back() = k;
        return true;
    }
    bool end_object() {
        if (!path.empty()) path.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        message = ex.what();
        // Syntax errors carry "line L, column C"; others (number overflow) only a byte position.
        if (message.find("line ") == std::string::npos) message += " at byte " + std::to_string(position);
        std::string where;
        for (const std::string& k : path) where += (where.empty() ? "" : ".") + k;
        if (!where.empty()) message += " in '" + where + "'";
        return false;
    }
};

// 1-based line of the first `"key"` at or after `from`, or 0 if not found. Good enough to point a
// reader at the offending line; the key name is always in the message too.
int line_of(std::string_view text, const std::string& key, size_t from = 0) {
    const std::string needle = "\"" + key + "\"";
    const size_t at = text.find(needle, from);
    if (at == std::string_view::npos) return 0;
    int line = 1;
    for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
}

struct Ctx {
    std::string_view text;
    std::string error;
    bool fail(const std::string& where, size_t from, const std::string& what) {
        if (error.empty()) {
            const size_t dot = where.rfind('.');
            const int line = line_of(text, dot == std::string::npos ? where : where.substr(dot + 1), from);
            error = "'" + where + "'" + (line > 0 ? " (line " + std::to_string(line) + ")" : "") + ": " + what;
        }
        return false;
    }
};

bool read_number(Ctx& ctx, const json& v, const std::string& where, size_t from, double& out) {
    if (!v.is_number()) return ctx.fail(where, from, std::string("expected a number, got ") + v.type_name());
    const double x = v.get<double>();
    if (!std::isfinite(x)) return ctx.fail(where, from, "must be a finite number");
    out = x;
    return true;
}

bool read_string(Ctx& ctx, const json& v, const std::string& where, size_t from, std::string& out) {
    if (!v.is_string()) return ctx.fail(where, from, std::string("expected a string, got ") + v.type_name());
    out = v.get<std::string>();
    return true;
}

bool read_int(Ctx& ctx, const json& v, const std::string& where, size_t from, int lo, int hi, int& out) {
    double x = 0;
    if (!read_number(ctx, v, where, from, x)) return false;
    if (x != std::floor(x) || x < lo || x > hi)
        return ctx.fail(where, from, "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    out = static_cast<int>(x);
    return true;
}

bool read_param(Ctx& ctx, const std::string& key, const json& v, size_t from, Scenario& sc) {
    const std::string where = "params." + key;
    const int index = find_param(key);
    if (index < 0) return ctx.fail(where, from, "unknown parameter");
    if (!v.is_object())
        return ctx.fail(where, from,
                        "expected {\"value\": number, \"source\": string}, allowed range " + param_range_text(index));
    if (!v.contains("value"))
        return ctx.fail(where, from, "missing \"value\"; allowed range " + param_range_text(index));
    if (!v.contains("source")) return ctx.fail(where, from, "missing \"source\" (every value needs one)");
    double x = 0;
    std::string source;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() == "value") {
            if (!read_number(ctx, it.value(), where, from, x)) return false;
        } else if (it.key() == "source") {
            if (!read_string(ctx, it.value(), where, from, source)) return false;
            if (source.empty()) return ctx.fail(where, from, "\"source\" must not be empty");
        } else {
            return ctx.fail(where, from, "unknown field '" + it.key() + "' (allowed: value, source)");
        }
    }
    const std::string err = check_param_value(index, x);
    if (!err.empty()) return ctx.fail(where, from, err);
    sc.params[index] = x;
    sc.source[static_cast<size_t>(index)] = source;
    return true;
}

// "history" or "steps": {"lever": [{"year": Y, "value": V, "source": "..."}, ...]}. One lever's list
// replaces what the base scenario had for it; years must be inside the run and appear once.
bool read_schedule(Ctx& ctx, const std::string& section, const std::string& key, const json& v, size_t from,
                   Scenario& sc) {
    const std::string where = section + "." + key;
    const int lever = lever_of(key);
    if (lever < 0) return ctx.fail(where, from, "only the levers have schedules (" + lever_keys() + ")");
    if (!v.is_array()) return ctx.fail(where, from, "expected a list of {\"year\", \"value\", \"source\"}");
    const bool is_history = section == "history";
    LeverSchedule schedule;
    std::array<std::string, kMaxYears> sources{};
    for (const json& item : v) {
        if (!item.is_object() || !item.contains("year") || !item.contains("value") || !item.contains("source"))
            return ctx.fail(where, from, "each entry needs \"year\", \"value\" and \"source\"");
        int year = 0;
        double value = 0;
        std::string source;
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (it.key() == "year") {
                if (!read_int(ctx, it.value(), where + ".year", from, kFirstYear, kMaxEndYear, year)) return false;
            } else if (it.key() == "value") {
                if (!read_number(ctx, it.value(), where, from, value)) return false;
            } else if (it.key() == "source") {
                if (!read_string(ctx, it.value(), where, from, source)) return false;
                if (source.empty()) return ctx.fail(where, from, "\"source\" must not be empty");
            } else {
                return ctx.fail(where, from, "unknown field '" + it.key() + "' (allowed: year, value, source)");
            }
        }
        const std::string err = check_param_value(lever_index(lever), value);
        if (!err.empty()) return ctx.fail(where, from, "year " + std::to_string(year) + ": " + err);
        if (schedule.find(year) >= 0) return ctx.fail(where, from, "two entries for " + std::to_string(year));
        schedule.set(year, value);
        sources[static_cast<size_t>(year - kFirstYear)] = source;
    }
    (is_history ? sc.history : sc.steps)[static_cast<size_t>(lever)] = schedule;
    (is_history ? sc.history_source : sc.step_source)[static_cast<size_t>(lever)] = sources;
    return true;
}

bool read_distribution(Ctx& ctx, const std::string& key, const json& v, size_t from, Scenario& sc) {
    const std::string where = "uncertainty." + key;
    const int index = find_param(key);
    if (index < 0) return ctx.fail(where, from, "unknown parameter");
    const std::string range = param_range_text(index);
    if (!v.is_object())
        return ctx.fail(where, from,
                        "expected {\"dist\": \"uniform\"|\"triangular\"|\"log_uniform\", \"lo\", \"hi\"[, \"mode\"]}");
    Distribution dist;
    bool has_lo = false, has_hi = false, has_mode = false;
    std::string kind, source;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& f = it.key();
        if (f == "dist") {
            if (!read_string(ctx, it.value(), where, from, kind)) return false;
        } else if (f == "lo") {
            if (!read_number(ctx, it.value(), where, from, dist.lo)) return false;
            has_lo = true;
        } else if (f == "hi") {
            if (!read_number(ctx, it.value(), where, from, dist.hi)) return false;
            has_hi = true;
        } else if (f == "mode") {
            if (!read_number(ctx, it.value(), where, from, dist.mode)) return false;
            has_mode = true;
        } else if (f != "source") {
            return ctx.fail(where, from, "unknown field '" + f + "' (allowed: dist, lo, hi, mode, source)");
        } else if (!it.value().is_string()) {
            return ctx.fail(where, from, "\"source\" must be a string");
        } else {
            source = it.value().get<std::string>();
        }
    }
    if (kind == "none") {
        // A scenario that fixes a parameter (the oil world's zero frictions) removes its default uncertainty.
        if (has_lo || has_hi || has_mode) return ctx.fail(where, from, "\"none\" takes no lo, hi or mode");
        sc.uncertainty[static_cast<size_t>(index)] = {};
        sc.uncertainty_source[static_cast<size_t>(index)] = source;
        return true;
    }
    if (kind == "uniform")
        dist.kind = Distribution::uniform;
    else if (kind == "triangular")
        dist.kind = Distribution::triangular;
    else if (kind == "log_uniform")
        dist.kind = Distribution::log_uniform;
    else
        return ctx.fail(where, from, "\"dist\" must be \"uniform\", \"triangular\", \"log_uniform\" or \"none\"");
    if (!has_lo || !has_hi) return ctx.fail(where, from, "needs \"lo\" and \"hi\" inside " + range);
    const ParamInfo& info = param_info(index);
    if (dist.lo < info.min || dist.hi > info.max)
        return ctx.fail(where, from, "lo and hi must lie inside the parameter range " + range);
    if (!(dist.lo < dist.hi)) return ctx.fail(where, from, "needs lo < hi");
    if (dist.kind == Distribution::triangular) {
        if (!has_mode) return ctx.fail(where, from, "triangular needs \"mode\" in [lo, hi]");
        if (dist.mode < dist.lo || dist.mode > dist.hi) return ctx.fail(where, from, "mode must lie in [lo, hi]");
    } else if (has_mode) {
        return ctx.fail(where, from, "\"mode\" is only for triangular distributions");
    } else {
        dist.mode = 0.5 * (dist.lo + dist.hi);
    }
    if (dist.kind == Distribution::log_uniform && dist.lo <= 0)
        return ctx.fail(where, from, "log_uniform needs lo > 0");
    if (info.is_integer) return ctx.fail(where, from, "integer parameters cannot be uncertain");
    sc.uncertainty[static_cast<size_t>(index)] = dist;
    sc.uncertainty_source[static_cast<size_t>(index)] = source;
    return true;
}

}  // namespace

void LeverSchedule::set(int year, double value) {
    int i = find(year);
    if (i < 0) {
        if (count >= static_cast<int>(step.size())) return;
        i = count++;
        while (i > 0 && step[static_cast<size_t>(i - 1)].year > year) {
            step[static_cast<size_t>(i)] = step[static_cast<size_t>(i - 1)];
            --i;
        }
    }
    step[static_cast<size_t>(i)] = {year, value};
}

bool LeverSchedule::remove(int year) {
    const int i = find(year);
    if (i < 0) return false;
    for (int j = i; j + 1 < count; ++j) step[static_cast<size_t>(j)] = step[static_cast<size_t>(j + 1)];
    --count;
    return true;
}

int LeverSchedule::find(int year) const {
    for (int i = 0; i < count; ++i)
        if (step[static_cast<size_t>(i)].year == year) return i;
    return -1;
}

void lever_path(const Scenario& sc, int lever, double policy_value, double (&out)[kMaxYears]) {
    const size_t l = static_cast<size_t>(lever);
    const LeverSchedule& hist = sc.history[l];
    const LeverSchedule& steps = sc.steps[l];
    // The event of each year, if any: a step wins over the policy value, which wins over history.
    bool has[kMaxYears] = {};
    double value[kMaxYears] = {};
    for (int i = 0; i < hist.count; ++i) {
        const LeverStep& s = hist.step[static_cast<size_t>(i)];
        if (s.year >= kFirstYear && s.year < sc.policy_year && s.year <= kMaxEndYear) {
            has[s.year - kFirstYear] = true;
            value[s.year - kFirstYear] = s.value;
        }
    }
    if (sc.policy_year >= kFirstYear && sc.policy_year <= kMaxEndYear) {
        has[sc.policy_year - kFirstYear] = true;
        value[sc.policy_year - kFirstYear] = policy_value;
    }
    for (int i = 0; i < steps.count; ++i) {
        const LeverStep& s = steps.step[static_cast<size_t>(i)];
        if (s.year >= kFirstYear && s.year <= kMaxEndYear) {
            has[s.year - kFirstYear] = true;
            value[s.year - kFirstYear] = s.value;
        }
    }
    // Before the first event the first event's value holds (a schedule without history is constant).
    double current = policy_value;
    for (int y = 0; y < kMaxYears; ++y)
        if (has[y]) {
            current = value[y];
            break;
        }
    for (int y = 0; y < kMaxYears; ++y) {
        if (has[y]) current = value[y];
        out[y] = current;
    }
}

namespace {

// Built-in history of the three levers, 2022-2025, each value with its source.
struct HistoryRow {
    int lever, year;
    double value;
    const char* source;
};
const HistoryRow kHistory[] = {
    {0, 2022, 0.2, "[S18] Oct 7 2022 rule: A100/H100 banned for Q4 only; A800/H800 stayed legal"},
    {0, 2023, 0.4, "[S19] Oct 17 2023 update (effective Nov 17): A800/H800 legal most of the year"},
    {0, 2024, 0.6, "[S19,S20,S21] only H20-class chips legal (~6.7x less FP16 than H100); Dec 2 2024 HBM/tool package"},
    {0, 2025, 0.8,
     "[S21,S24,S25] H20 licence requirement from Apr 9 2025, resumed Aug with a 15% cut while Beijing discouraged "
     "purchases; HBM/tool controls in force"},
    {1, 2022, 0.0,
     "[S56] no cloud restriction on Chinese customers (the Russian cut-offs of 2022 show it can be done)"},
    {1, 2023, 0.0, "[S44] none in force"},
    {1, 2024, 0.1, "[S44] IaaS KYC rule proposed Jan 29 2024, not final"},
    {1, 2025, 0.15,
     "[S22,S23,S43] Diffusion Rule announced then rescinded (May 2025); Malaysia permit rule (Jul 2025); Chinese firms "
     "rent in Malaysia/Singapore [S41]"},
    {2, 2022, 0.6, "[S46,S47] PIPL/DSL in force; CAC security assessment from Sep 2022"},
    {2, 2023, 0.7, "[S47,S49] CAC assessment thresholds from 100k persons; generative-AI filing from Aug 15 2023"},
    {2, 2024, 0.6, "[S48] Mar 2024 relaxation: assessment only above 1M persons"},
    {2, 2025, 0.6, "[S41,S48] private customer data may not go abroad for training"},
    // 2026 as now known; it is history only when the policy year is later than 2026.
    {0, 2026, 0.75,
     "[S59,S65] BIS rule Jan 15 2026: H200 case by case, at most 50% of US volume, customer checks; China approved "
     ">400k H200 with domestic-chip conditions (Jan 28 2026); Blackwell excluded"},
    {1, 2026, 0.2,
     "[S59,S60,S61] Remote Access Security Act passed the House Jan 12 2026, not law; IaaS KYC rule still proposed; "
     "the largest labs lease whole clusters in Malaysia and Indonesia"},
    {2, 2026, 0.6, "[S48,S60,S66] certification route from Jan 1 2026; customers' personal data stays home"},
};

}  // namespace

Scenario default_scenario() {
    Scenario sc;
    sc.id = "default";
    sc.title = "Today's policy, built-in defaults";
    sc.description = "Every parameter at its table default; levers follow their recorded history.";
    for (int i = 0; i < param_count(); ++i) sc.source[static_cast<size_t>(i)] = param_info(i).source;
    for (int i = 0; i < param_count(); ++i) {
        const ParamInfo& info = param_info(i);
        Distribution d = info.uncertainty;
        if (d.kind != Distribution::triangular) d.mode = 0.5 * (d.lo + d.hi);
        sc.uncertainty[static_cast<size_t>(i)] = d;
        if (info.uncertainty_source) sc.uncertainty_source[static_cast<size_t>(i)] = info.uncertainty_source;
    }
    for (const HistoryRow& h : kHistory) {
        sc.history[static_cast<size_t>(h.lever)].set(h.year, h.value);
        sc.history_source[static_cast<size_t>(h.lever)][static_cast<size_t>(h.year - kFirstYear)] = h.source;
    }
    return sc;
}

std::string set_policy_year(Scenario& sc, int year) {
    if (year < kFirstYear || year > kMaxPolicyYear)
        return "policy year " + std::to_string(year) + " is outside [" + std::to_string(kFirstYear) + ", " +
               std::to_string(kMaxPolicyYear) + "]";
    if (year > sc.end_year)
        return "policy year " + std::to_string(year) + " is after the run's end_year " + std::to_string(sc.end_year);
    sc.policy_year = year;
    return {};
}

std::string apply_scenario_assignment(Scenario& sc, std::string_view assignment, ParamError* error) {
    ParamError unused;
    ParamError& value_error = error ? *error : unused;
    value_error = {};
    const size_t eq = assignment.find('=');
    const size_t at = assignment.find('@');
    if (at == std::string_view::npos || (eq != std::string_view::npos && at > eq)) {
        value_error = parse_assignment(sc.params, assignment);
        return describe(value_error);
    }
    if (eq == std::string_view::npos) return "expected KEY@YEAR=VALUE, got '" + std::string(assignment) + "'";
    const std::string key(assignment.substr(0, at));
    const std::string year_text(assignment.substr(at + 1, eq - at - 1));
    const int index = find_param(key);
    if (index < 0) {
        value_error.kind = ParamError::Kind::unknown_parameter;
        value_error.given = key;
        return describe(value_error);
    }
    const int lever = lever_of(key);
    if (lever < 0) return "'" + key + "' is not a lever: only " + lever_keys() + " take KEY@YEAR=VALUE steps";
    char* end = nullptr;
    const long year = year_text.empty() ? 0 : std::strtol(year_text.c_str(), &end, 10);
    if (year_text.empty() || end != year_text.c_str() + year_text.size() || year < kFirstYear || year > sc.end_year)
        return "step year '" + year_text + "' for '" + key + "' must be a year of the run [" +
               std::to_string(kFirstYear) + ", " + std::to_string(sc.end_year) + "]";
    Params probe = sc.params;  // validates the value exactly as KEY=VALUE would
    value_error = parse_assignment(probe, key + std::string(assignment.substr(eq)));
    if (!value_error.ok()) return describe(value_error);
    sc.steps[static_cast<size_t>(lever)].set(static_cast<int>(year), probe[index]);
    sc.step_source[static_cast<size_t>(lever)][static_cast<size_t>(year - kFirstYear)] =
        "set as " + std::string(assignment);
    return {};
}

LoadResult parse_scenario(std::string_view json_text, const Scenario& base) {
    LoadResult result;
    const json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (doc.is_discarded()) {
        ErrorSax sax;
        json::sax_parse(json_text.begin(), json_text.end(), &sax, json::input_format_t::json, true);
        result.error = "malformed JSON: " + (sax.message.empty() ? std::string("syntax error") : sax.message);
        return result;
    }
    Ctx ctx{json_text, {}};
    if (!doc.is_object()) {
        result.error = "the scenario must be a JSON object";
        return result;
    }
    if (!doc.contains("schema")) {
        result.error = "missing \"schema\": 2 (or 1 for files with constant levers)";
        return result;
    }
    Scenario sc = base;  // work on a copy: nothing reaches the caller unless everything is valid
    bool ok = true;
    int schema = kSchema;
    bool has_schedule_keys = false;
    for (auto it = doc.begin(); ok && it != doc.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        int n = 0;
        if (k == "schema") {
            ok = read_int(ctx, v, k, 0, 1, kSchema, n);
            schema = n;
        } else if (k == "policy_year") {
            ok = read_int(ctx, v, k, 0, kFirstYear, kMaxPolicyYear, sc.policy_year);
            has_schedule_keys = true;
        } else if (k == "history" || k == "steps") {
            has_schedule_keys = true;
            const size_t section = json_text.find("\"" + k + "\"");
            if (!v.is_object()) {
                ok = ctx.fail(k, 0, "expected an object keyed by lever (" + lever_keys() + ")");
                break;
            }
            for (auto s = v.begin(); ok && s != v.end(); ++s)
                ok = read_schedule(ctx, k, s.key(), s.value(), section, sc);
        } else if (k == "id") {
            ok = read_string(ctx, v, k, 0, sc.id);
        } else if (k == "title") {
            ok = read_string(ctx, v, k, 0, sc.title);
        } else if (k == "description") {
            ok = read_string(ctx, v, k, 0, sc.description);
        } else if (k == "comment") {
            std::string ignored;
            ok = read_string(ctx, v, k, 0, ignored);
        } else if (k == "restricted_name") {
            ok = read_string(ctx, v, k, 0, sc.restricted_name);
        } else if (k == "frontier_name") {
            ok = read_string(ctx, v, k, 0, sc.frontier_name);
        } else if (k == "end_year") {
            ok = read_int(ctx, v, k, 0, kMinEndYear, kMaxEndYear, sc.end_year);
        } else if (k == "summary_year") {
            ok = read_int(ctx, v, k, 0, kFirstYear, kMaxEndYear, sc.summary_year);
        } else if (k == "params" || k == "uncertainty") {
            const size_t section = json_text.find("\"" + k + "\"");
            if (!v.is_object()) {
                ok = ctx.fail(k, 0, "expected an object keyed by parameter");
                break;
            }
            for (auto p = v.begin(); ok && p != v.end(); ++p)
                ok = k == "params" ? read_param(ctx, p.key(), p.value(), section, sc)
                                   : read_distribution(ctx, p.key(), p.value(), section, sc);
        } else {
            ok = ctx.fail(k, 0,
                          "unknown key (allowed: schema, id, title, description, comment, restricted_name, "
                          "frontier_name, end_year, summary_year, policy_year, history, steps, params, uncertainty)");
        }
    }
    if (ok && schema == 1) {
        // Schema 1 had constant levers: read them as constant schedules from the first year.
        if (has_schedule_keys) ok = ctx.fail("schema", 0, "policy_year, history and steps need \"schema\": 2");
        sc.policy_year = kFirstYear;
        sc.history = {};
        sc.steps = {};
    }
    if (ok && sc.policy_year > sc.end_year)
        ok = ctx.fail("policy_year", 0, "must not be after end_year (" + std::to_string(sc.end_year) + ")");
    for (int l = 0; ok && l < kLeverCount; ++l)
        for (int i = 0; ok && i < sc.steps[static_cast<size_t>(l)].count; ++i)
            if (sc.steps[static_cast<size_t>(l)].step[static_cast<size_t>(i)].year > sc.end_year)
                ok = ctx.fail("steps." + std::string(param_info(lever_index(l)).key), 0,
                              "step year " +
                                  std::to_string(sc.steps[static_cast<size_t>(l)].step[static_cast<size_t>(i)].year) +
                                  " is after end_year (" + std::to_string(sc.end_year) + ")");
    if (ok && sc.summary_year > sc.end_year)
        ok = ctx.fail("summary_year", 0, "must not be after end_year (" + std::to_string(sc.end_year) + ")");
    if (!ok) {
        result.error = ctx.error;
        return result;
    }
    result.ok = true;
    result.scenario = std::move(sc);
    return result;
}

std::string scenario_to_json(const Scenario& scenario) {
    nlohmann::ordered_json j;
    j["schema"] = kSchema;
    j["id"] = scenario.id;
    j["title"] = scenario.title;
    j["description"] = scenario.description;
    j["restricted_name"] = scenario.restricted_name;
    j["frontier_name"] = scenario.frontier_name;
    j["end_year"] = scenario.end_year;
    j["summary_year"] = scenario.summary_year;
    j["policy_year"] = scenario.policy_year;
    for (const char* section : {"history", "steps"}) {
        const bool is_history = section[0] == 'h';
        nlohmann::ordered_json levers = nlohmann::ordered_json::object();
        for (int l = 0; l < kLeverCount; ++l) {
            const size_t u = static_cast<size_t>(l);
            const LeverSchedule& s = is_history ? scenario.history[u] : scenario.steps[u];
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (int i = 0; i < s.count; ++i) {
                const LeverStep& st = s.step[static_cast<size_t>(i)];
                const std::string& src =
                    (is_history ? scenario.history_source
                                : scenario.step_source)[u][static_cast<size_t>(st.year - kFirstYear)];
                list.push_back({{"year", st.year},
                                {"value", st.value},
                                {"source", src.empty() ? std::string("unsourced edit") : src}});
            }
            levers[param_info(lever_index(l)).key] = list;
        }
        j[section] = levers;
    }
    const Params defaults = default_params();
    static const Scenario builtin = default_scenario();
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
    nlohmann::ordered_json unc = nlohmann::ordered_json::object();
    for (int i = 0; i < param_count(); ++i) {
        const size_t u = static_cast<size_t>(i);
        if (scenario.params[i] != defaults[i]) {
            const std::string& src = scenario.source[u];
            params[param_info(i).key] = {{"value", scenario.params[i]},
                                         {"source", src.empty() ? std::string("unsourced edit") : src}};
        }
        const Distribution& d = scenario.uncertainty[u];
        if (d.kind == Distribution::none && builtin.uncertainty[u].kind != Distribution::none) {
            // Written out, or reading the file back would restore the built-in distribution.
            unc[param_info(i).key] = {{"dist", "none"}, {"source", scenario.uncertainty_source[u]}};
        } else if (d.kind != Distribution::none) {
            static const char* kNames[] = {"none", "uniform", "triangular", "log_uniform"};
            nlohmann::ordered_json dj = {{"dist", kNames[d.kind]}, {"lo", d.lo}, {"hi", d.hi}};
            if (d.kind == Distribution::triangular) dj["mode"] = d.mode;
            if (!scenario.uncertainty_source[u].empty()) dj["source"] = scenario.uncertainty_source[u];
            unc[param_info(i).key] = dj;
        }
    }
    j["params"] = params;
    j["uncertainty"] = unc;
    // replace: a title with invalid UTF-8 (set by a caller) must not make dump() throw.
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace cp
