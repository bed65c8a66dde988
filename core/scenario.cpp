// Scenario JSON ("schema": 1): strict, all-or-nothing loading with messages that name the key and line.
#include "scenario.h"

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "series.h"

namespace cp {

namespace {

using json = nlohmann::json;

constexpr int kSchema = 1;
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
    std::string kind;
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
        }
    }
    if (kind == "uniform")
        dist.kind = Distribution::uniform;
    else if (kind == "triangular")
        dist.kind = Distribution::triangular;
    else if (kind == "log_uniform")
        dist.kind = Distribution::log_uniform;
    else
        return ctx.fail(where, from, "\"dist\" must be \"uniform\", \"triangular\" or \"log_uniform\"");
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
    return true;
}

}  // namespace

Scenario default_scenario() {
    Scenario sc;
    sc.id = "default";
    sc.title = "Today's policy (2025), built-in defaults";
    sc.description = "Every parameter at its table default.";
    for (int i = 0; i < param_count(); ++i) sc.source[static_cast<size_t>(i)] = param_info(i).source;
    return sc;
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
        result.error = "missing \"schema\": 1";
        return result;
    }
    Scenario sc = base;  // work on a copy: nothing reaches the caller unless everything is valid
    bool ok = true;
    for (auto it = doc.begin(); ok && it != doc.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        int n = 0;
        if (k == "schema") {
            ok = read_int(ctx, v, k, 0, kSchema, kSchema, n);
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
                          "frontier_name, end_year, summary_year, params, uncertainty)");
        }
    }
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
    const Params defaults = default_params();
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
        if (d.kind != Distribution::none) {
            static const char* kNames[] = {"none", "uniform", "triangular", "log_uniform"};
            nlohmann::ordered_json dj = {{"dist", kNames[d.kind]}, {"lo", d.lo}, {"hi", d.hi}};
            if (d.kind == Distribution::triangular) dj["mode"] = d.mode;
            unc[param_info(i).key] = dj;
        }
    }
    j["params"] = params;
    j["uncertainty"] = unc;
    // replace: a title with invalid UTF-8 (set by a caller) must not make dump() throw.
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace cp
