// Tests of the scenario loader: presets load, every error path is rejected with a useful message.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "param_ids.h"
#include "test_util.h"

using namespace cp;

namespace {

// Loads `text` and expects failure whose message contains every one of `needles`.
void expect_error(const std::string& text, std::initializer_list<const char*> needles) {
    const LoadResult r = parse_scenario(text);
    INFO("input: " << text);
    INFO("error: " << r.error);
    REQUIRE_FALSE(r.ok);
    for (const char* n : needles) CHECK(r.error.find(n) != std::string::npos);
}

std::string with_param(const std::string& body) { return "{\"schema\": 1, \"params\": {" + body + "}}"; }
std::string with_unc(const std::string& body) { return "{\"schema\": 1, \"uncertainty\": {" + body + "}}"; }

}  // namespace

TEST_CASE("every preset loads and cites a source for every value", "[scenario]") {
    for (const char* name : {"today", "oil_world", "full_denial", "leaky_controls", "cloud_loophole",
                             "data_localisation", "cloud_cutoff_2028"}) {
        INFO(name);
        const std::string text = cp::test::read_text(cp::test::scenario_path(name));
        REQUIRE_FALSE(text.empty());
        const LoadResult r = parse_scenario(text);
        INFO(r.error);
        REQUIRE(r.ok);
        CHECK_FALSE(r.scenario.title.empty());
        CHECK_FALSE(r.scenario.description.empty());
        for (int i = 0; i < param_count(); ++i) CHECK_FALSE(r.scenario.source[static_cast<size_t>(i)].empty());
    }
    // today.json states today's policy: exactly the table defaults.
    const LoadResult today = parse_scenario(cp::test::read_text(cp::test::scenario_path("today")));
    CHECK(today.scenario.params == default_params());
    const LoadResult oil = parse_scenario(cp::test::read_text(cp::test::scenario_path("oil_world")));
    for (int l = 0; l < kLeverCount; ++l) CHECK(oil.scenario.params[lever_index(l)] == 0.0);
}

TEST_CASE("overrides apply on top of the base and keep their source", "[scenario]") {
    const LoadResult r = parse_scenario(
        "{\"schema\": 1, \"title\": \"T\", \"end_year\": 2040, \"summary_year\": 2033,\n"
        " \"params\": {\"cloud_denial\": {\"value\": 0.5, \"source\": \"[S44] test\"}},\n"
        " \"uncertainty\": {\"rent_premium\": {\"dist\": \"triangular\", \"lo\": 1.5, \"mode\": 2, \"hi\": 3}}}");
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.scenario.title == "T");
    CHECK(r.scenario.end_year == 2040);
    CHECK(r.scenario.summary_year == 2033);
    CHECK(r.scenario.params[p_cloud_denial] == 0.5);
    CHECK(r.scenario.source[p_cloud_denial] == "[S44] test");
    CHECK(r.scenario.params[p_privacy_law] == default_params()[p_privacy_law]);
    CHECK(r.scenario.uncertainty[p_rent_premium].kind == Distribution::triangular);
    CHECK(r.scenario.uncertainty[p_rent_premium].mode == 2.0);
}

TEST_CASE("scenario_to_json round-trips", "[scenario]") {
    Scenario sc = cp::test::load_preset("cloud_loophole");
    sc.uncertainty[p_utilisation] = {Distribution::uniform, 0.3, 0.4, 0.5};
    const LoadResult r = parse_scenario(scenario_to_json(sc));
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.scenario.params == sc.params);
    CHECK(r.scenario.title == sc.title);
    CHECK(r.scenario.uncertainty[p_utilisation].kind == Distribution::uniform);
    CHECK(r.scenario.uncertainty[p_utilisation].hi == 0.5);
}

TEST_CASE("scenario_to_json never throws, even on invalid UTF-8 from a caller", "[scenario]") {
    Scenario sc = default_scenario();
    sc.title = "bad \xff byte";
    const std::string text = scenario_to_json(sc);
    const LoadResult r = parse_scenario(text);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.scenario.title.find("bad") == 0);
}

TEST_CASE("malformed JSON is rejected with the parser's line", "[scenario][errors]") {
    expect_error("{\"schema\": 1,\n \"params\": {\n", {"malformed JSON", "line 3"});
    expect_error("{\"schema\": 1,, }", {"malformed JSON", "line 1"});
    expect_error("", {"malformed JSON"});
    expect_error("{\"schema\": 1, \"end_year\": NaN}", {"malformed JSON"});
}

TEST_CASE("top-level structure errors", "[scenario][errors]") {
    expect_error("[1, 2]", {"JSON object"});
    expect_error("{}", {"schema"});
    expect_error("{\"schema\": 3}", {"'schema'", "[1, 2]"});
    expect_error("{\"schema\": \"1\"}", {"'schema'", "number"});
    expect_error("{\"schema\": 1,\n \"colour\": \"red\"}", {"'colour'", "line 2", "unknown key"});
    expect_error("{\"schema\": 1, \"title\": 5}", {"'title'", "string"});
    expect_error("{\"schema\": 1, \"end_year\": 2029}", {"'end_year'", "[2030, 2040]"});
    expect_error("{\"schema\": 1, \"end_year\": 2035.5}", {"'end_year'", "integer"});
    expect_error("{\"schema\": 1, \"end_year\": 2031, \"summary_year\": 2033}", {"summary_year", "end_year"});
    expect_error("{\"schema\": 1, \"params\": []}", {"'params'", "object"});
}

TEST_CASE("parameter errors name the key, the line and the allowed range", "[scenario][errors]") {
    expect_error(with_param("\n\"export_control\": {\"value\": 0.5, \"source\": \"x\"}"),
                 {"params.export_control", "line 2", "unknown parameter"});
    expect_error(with_param("\"export_controls\": 0.5"), {"params.export_controls", "value", "source"});
    expect_error(with_param("\"export_controls\": {\"source\": \"x\"}"),
                 {"export_controls", "missing \"value\"", "[0, 1]"});
    expect_error(with_param("\"export_controls\": {\"value\": 0.5}"), {"export_controls", "source"});
    expect_error(with_param("\"export_controls\": {\"value\": 0.5, \"source\": \"\"}"), {"export_controls", "empty"});
    expect_error(with_param("\"export_controls\": {\"value\": \"NaN\", \"source\": \"x\"}"),
                 {"export_controls", "number", "string"});
    expect_error(with_param("\"export_controls\": {\"value\": true, \"source\": \"x\"}"),
                 {"export_controls", "number"});
    expect_error(with_param("\"export_controls\": {\"value\": null, \"source\": \"x\"}"),
                 {"export_controls", "number"});
    expect_error(with_param("\"export_controls\": {\"value\": 1.2, \"source\": \"x\"}"), {"export_controls", "[0, 1]"});
    expect_error(with_param("\"export_controls\": {\"value\": -0.1, \"source\": \"x\"}"),
                 {"export_controls", "outside"});
    expect_error(with_param("\"rtt_abroad_ms\": {\"value\": 1e999, \"source\": \"x\"}"), {"rtt_abroad_ms", "overflow"});
    expect_error(with_param("\"rtt_abroad_ms\": {\"value\": 1e300, \"source\": \"x\"}"), {"rtt_abroad_ms", "[5, 500]"});
    expect_error(with_param("\"export_controls\": {\"value\": 0.5, \"source\": \"x\", \"unit\": \"%\"}"),
                 {"export_controls", "unknown field 'unit'"});
    expect_error(with_param("\"export_controls\": {\"value\": 0.5, \"source\": 7}"), {"export_controls", "string"});
}

TEST_CASE("one copy of each fact: presets override only what differs from the built-in defaults", "[scenario]") {
    // The table holds every default, its source and its uncertainty; a preset restating one would be a
    // second copy that drifts (today.json once kept a block share the table had changed).
    const Scenario builtin = default_scenario();
    for (const char* name : {"today", "oil_world", "full_denial", "leaky_controls", "cloud_loophole",
                             "data_localisation", "cloud_cutoff_2028"}) {
        INFO(name);
        const nlohmann::json j = nlohmann::json::parse(cp::test::read_text(cp::test::scenario_path(name)));
        for (auto it = j["params"].begin(); it != j["params"].end(); ++it) {
            const int i = find_param(it.key());
            INFO(it.key());
            REQUIRE(i >= 0);
            CHECK((it.value()["value"].get<double>() != builtin.params[i] ||
                   it.value()["source"].get<std::string>() != builtin.source[static_cast<size_t>(i)]));
        }
        if (j.contains("uncertainty"))
            for (auto it = j["uncertainty"].begin(); it != j["uncertainty"].end(); ++it) {
                const size_t i = static_cast<size_t>(find_param(it.key()));
                const Distribution& b = builtin.uncertainty[i];
                const nlohmann::json& u = it.value();
                INFO(it.key());
                CHECK_FALSE(
                    (u["dist"] != "none" && b.kind != Distribution::none && u["lo"] == b.lo && u["hi"] == b.hi));
            }
        // The recorded history lives once, in core/scenario.cpp; a preset may only replace it (the oil world
        // has none).
        if (j.contains("history"))
            for (auto it = j["history"].begin(); it != j["history"].end(); ++it) {
                const int l =
                    find_param(it.key()) == p_export_controls ? 0 : (find_param(it.key()) == p_cloud_denial ? 1 : 2);
                const LeverSchedule& b = builtin.history[static_cast<size_t>(l)];
                bool same = static_cast<int>(it.value().size()) == b.count;
                for (int k = 0; same && k < b.count; ++k)
                    same = it.value()[static_cast<size_t>(k)]["year"] == b.step[static_cast<size_t>(k)].year &&
                           it.value()[static_cast<size_t>(k)]["value"] == b.step[static_cast<size_t>(k)].value;
                INFO("history of " << it.key());
                CHECK_FALSE(same);
            }
    }
    // Every uncertain parameter of the built-in scenario names its source.
    int uncertain = 0;
    for (int i = 0; i < param_count(); ++i)
        if (builtin.uncertainty[static_cast<size_t>(i)].kind != Distribution::none) {
            ++uncertain;
            CHECK_FALSE(builtin.uncertainty_source[static_cast<size_t>(i)].empty());
        }
    CHECK(uncertain >= 25);
}

TEST_CASE("dist none removes a default distribution, and the file round-trips", "[scenario]") {
    REQUIRE(default_scenario().uncertainty[p_rent_premium].kind != Distribution::none);
    const LoadResult r = parse_scenario(with_unc("\"rent_premium\": {\"dist\": \"none\", \"source\": \"fixed\"}"));
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.scenario.uncertainty[p_rent_premium].kind == Distribution::none);
    CHECK(r.scenario.uncertainty_source[p_rent_premium] == "fixed");
    const LoadResult back = parse_scenario(scenario_to_json(r.scenario));
    INFO(back.error);
    REQUIRE(back.ok);
    CHECK(back.scenario.uncertainty[p_rent_premium].kind == Distribution::none);
    CHECK(back.scenario.uncertainty[p_utilisation].kind == Distribution::triangular);
    expect_error(with_unc("\"rent_premium\": {\"dist\": \"none\", \"lo\": 1, \"hi\": 2}"), {"rent_premium", "none"});
}

TEST_CASE("distribution errors", "[scenario][errors]") {
    expect_error(with_unc("\"utilisation\": {\"dist\": \"normal\", \"lo\": 0.3, \"hi\": 0.5}"),
                 {"uncertainty.utilisation", "uniform"});
    expect_error(with_unc("\"utilisation\": {\"lo\": 0.3, \"hi\": 0.5}"), {"utilisation", "dist"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"uniform\", \"lo\": 0.3}"), {"utilisation", "hi"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"uniform\", \"lo\": 0.5, \"hi\": 0.3}"),
                 {"utilisation", "lo < hi"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"uniform\", \"lo\": 0.05, \"hi\": 0.5}"),
                 {"utilisation", "[0.1, 0.8]"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"triangular\", \"lo\": 0.3, \"hi\": 0.5}"),
                 {"utilisation", "mode"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"triangular\", \"lo\": 0.3, \"mode\": 0.6, \"hi\": 0.5}"),
                 {"utilisation", "mode"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"uniform\", \"lo\": 0.3, \"mode\": 0.4, \"hi\": 0.5}"),
                 {"utilisation", "mode"});
    expect_error(with_unc("\"cloud_denial\": {\"dist\": \"log_uniform\", \"lo\": 0, \"hi\": 0.5}"),
                 {"cloud_denial", "lo > 0"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"uniform\", \"lo\": \"0.3\", \"hi\": 0.5}"),
                 {"utilisation", "number"});
    expect_error(with_unc("\"utilisation\": {\"dist\": \"uniform\", \"lo\": 0.3, \"hi\": 0.5, \"sd\": 1}"),
                 {"utilisation", "sd"});
    expect_error(with_unc("\"no_such\": {\"dist\": \"uniform\", \"lo\": 0.3, \"hi\": 0.5}"),
                 {"uncertainty.no_such", "unknown"});
    expect_error(with_unc("\"utilisation\": [0.3, 0.5]"), {"utilisation", "dist"});
}

TEST_CASE("loading is all-or-nothing", "[scenario][errors]") {
    Scenario base = default_scenario();
    base.params[p_cloud_denial] = 0.9;
    // The first override is valid, the second is not: nothing may come back.
    const LoadResult r = parse_scenario(with_param("\"cloud_denial\": {\"value\": 0.1, \"source\": \"x\"},"
                                                   "\"privacy_law\": {\"value\": 7, \"source\": \"x\"}"),
                                        base);
    REQUIRE_FALSE(r.ok);
    CHECK(r.error.find("privacy_law") != std::string::npos);
    CHECK(base.params[p_cloud_denial] == 0.9);
    const LoadResult good = parse_scenario(with_param("\"cloud_denial\": {\"value\": 0.1, \"source\": \"x\"}"), base);
    REQUIRE(good.ok);
    CHECK(good.scenario.params[p_cloud_denial] == 0.1);
    CHECK(good.scenario.params[p_privacy_law] == base.params[p_privacy_law]);
}

namespace {

bool same_schedules(const Scenario& a, const Scenario& b) {
    if (a.policy_year != b.policy_year) return false;
    for (size_t l = 0; l < kLeverCount; ++l)
        for (const auto* pair : {&a.history, &a.steps}) {
            const LeverSchedule& x = (*pair)[l];
            const LeverSchedule& y = (pair == &a.history ? b.history : b.steps)[l];
            if (x.count != y.count) return false;
            for (int i = 0; i < x.count; ++i)
                if (x.step[static_cast<size_t>(i)].year != y.step[static_cast<size_t>(i)].year ||
                    x.step[static_cast<size_t>(i)].value != y.step[static_cast<size_t>(i)].value)
                    return false;
        }
    return true;
}

}  // namespace

TEST_CASE("schema 2: history, steps and the policy year load, round-trip and shape the lever paths", "[scenario]") {
    const Scenario today = cp::test::load_preset("today");
    CHECK(today.policy_year == 2026);
    // 2022-2025, and 2026 as now known (history only when the policy year is later).
    REQUIRE(today.history[0].count == 5);
    CHECK(today.history_source[0][0].find("[S18]") != std::string::npos);
    CHECK(today.history_source[0][2026 - kFirstYear].find("[S59,S65]") != std::string::npos);
    double path[kMaxYears];
    lever_path(today, 0, today.params[p_export_controls], path);
    CHECK(path[0] == 0.2);                              // 2022, history
    CHECK(path[3] == 0.8);                              // 2025, history
    CHECK(path[4] == today.params[p_export_controls]);  // 2026 on, the reader's value
    const Scenario cut = cp::test::load_preset("cloud_cutoff_2028");
    lever_path(cut, 1, cut.params[p_cloud_denial], path);
    CHECK(path[2028 - kFirstYear - 1] == cut.params[p_cloud_denial]);
    CHECK(path[2028 - kFirstYear] == 1.0);
    CHECK(path[2035 - kFirstYear] == 1.0);

    const LoadResult again = parse_scenario(scenario_to_json(cut));
    INFO(again.error);
    REQUIRE(again.ok);
    CHECK(same_schedules(again.scenario, cut));
    CHECK(again.scenario.step_source[1][2028 - kFirstYear] == cut.step_source[1][2028 - kFirstYear]);
}

TEST_CASE("schema 1 files still load, their levers constant from 2022", "[scenario]") {
    const LoadResult r = parse_scenario(
        "{\"schema\": 1, \"params\": {\"export_controls\": {\"value\": 0.5, \"source\": \"old file\"}}}");
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.scenario.policy_year == kFirstYear);
    double path[kMaxYears];
    lever_path(r.scenario, 0, r.scenario.params[p_export_controls], path);
    for (double v : path) CHECK(v == 0.5);
    // And a schema-2 file saved from it keeps that meaning.
    const LoadResult again = parse_scenario(scenario_to_json(r.scenario));
    REQUIRE(again.ok);
    CHECK(same_schedules(again.scenario, r.scenario));
}

TEST_CASE("schedule errors name the lever and the problem", "[scenario][errors]") {
    auto steps = [](const std::string& body) { return "{\"schema\": 2, \"steps\": {" + body + "}}"; };
    const std::string e = "\"source\": \"s\"";
    expect_error(steps("\"cloud_denial\": [{\"year\": 2041, \"value\": 1, " + e + "}]"),
                 {"steps.cloud_denial", "[2022, 2040]"});
    expect_error(steps("\"cloud_denial\": [{\"year\": 2038, \"value\": 1, " + e + "}]"), {"after end_year"});
    expect_error(steps("\"cloud_denial\": [{\"year\": 2028, \"value\": 2, " + e + "}]"), {"2028", "[0, 1]"});
    expect_error(steps("\"cloud_denial\": [{\"year\": 2028, \"value\": 1, " + e + "}, {\"year\": 2028, \"value\": 0, " +
                       e + "}]"),
                 {"two entries for 2028"});
    expect_error(steps("\"utilisation\": [{\"year\": 2028, \"value\": 0.5, " + e + "}]"), {"only the levers"});
    expect_error(steps("\"cloud_denial\": [{\"year\": 2028, \"value\": 1}]"), {"source"});
    expect_error(steps("\"cloud_denial\": {\"year\": 2028}"), {"list"});
    expect_error("{\"schema\": 2, \"policy_year\": 2036}", {"'policy_year'", "[2022, 2035]"});
    expect_error("{\"schema\": 2, \"end_year\": 2030, \"policy_year\": 2032}", {"policy_year", "end_year"});
    expect_error("{\"schema\": 1, \"policy_year\": 2026}", {"schema\": 2"});
}

TEST_CASE("KEY@YEAR=VALUE adds a step, bad forms change nothing", "[scenario][errors]") {
    Scenario sc = cp::test::load_preset("today");
    const Scenario before = sc;
    CHECK(apply_scenario_assignment(sc, "cloud_denial@2028=1").empty());
    CHECK(sc.steps[1].count == 1);
    CHECK(sc.steps[1].step[0].year == 2028);
    for (const char* bad : {"cloud_denial@2041=1", "cloud_denial@2021=1", "cloud_denial@x=1", "utilisation@2028=0.5",
                            "cloud_denial@2028=1.5", "cloud_denial@2028=abc", "nokey@2028=1", "cloud_denial@2028"}) {
        Scenario probe = before;
        INFO(bad);
        CHECK_FALSE(apply_scenario_assignment(probe, bad).empty());
        CHECK(same_schedules(probe, before));
        CHECK(probe.params == before.params);
    }
    // The value's refusal comes back as data too (a link words it in the reader's language); a
    // refusal of the step itself (not a lever, a year outside the run) is no value error.
    const struct {
        const char* text;
        ParamError::Kind kind;
    } kinds[] = {
        {"cloud_denial@2028=1.5", ParamError::Kind::out_of_range},
        {"cloud_denial@2028=nan", ParamError::Kind::not_finite},
        {"cloud_denial@2028=abc", ParamError::Kind::not_a_number},
        {"nokey@2028=1", ParamError::Kind::unknown_parameter},
        {"cloud_denial=2", ParamError::Kind::out_of_range},
        {"cloud_denial@2041=1", ParamError::Kind::none},
        {"utilisation@2028=0.5", ParamError::Kind::none},
        {"cloud_denial@2028", ParamError::Kind::none},
    };
    for (const auto& k : kinds) {
        Scenario probe = before;
        INFO(k.text);
        ParamError error;
        const std::string message = apply_scenario_assignment(probe, k.text, &error);
        CHECK_FALSE(message.empty());
        CHECK(error.kind == k.kind);
        if (!error.ok()) CHECK(message == describe(error));
    }
    Scenario fine = before;
    ParamError none{ParamError::Kind::out_of_range, 0, 0, {}};
    CHECK(apply_scenario_assignment(fine, "cloud_denial@2028=0.5", &none).empty());
    CHECK(none.ok());
    Scenario moved = before;
    CHECK(set_policy_year(moved, 2029).empty());
    CHECK(moved.policy_year == 2029);
    CHECK_FALSE(set_policy_year(moved, 2036).empty());
    CHECK_FALSE(set_policy_year(moved, 2021).empty());
    CHECK(moved.policy_year == 2029);
}
