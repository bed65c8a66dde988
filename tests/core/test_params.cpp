// Tests of the parameter table and KEY=VALUE assignments.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <set>
#include <string>

#include "param_ids.h"
#include "params.h"
#include "series.h"

using namespace cp;

TEST_CASE("parameter table is complete and consistent", "[params]") {
    REQUIRE(param_count() == kParamIdCount);
    REQUIRE(param_count() <= kMaxParams);
    std::set<std::string> keys;
    for (int i = 0; i < param_count(); ++i) {
        const ParamInfo& p = param_info(i);
        INFO(p.key);
        CHECK(keys.insert(p.key).second);
        CHECK(find_param(p.key) == i);
        CHECK(p.min < p.max);
        CHECK(p.default_value >= p.min);
        CHECK(p.default_value <= p.max);
        CHECK(std::strlen(p.label) > 0);
        CHECK(std::strlen(p.unit) > 0);
        CHECK(std::strlen(p.meaning) > 10);
        CHECK(std::strlen(p.low_words) > 0);
        CHECK(std::strlen(p.high_words) > 0);
        // Every default names a calibration key or says it is an assumption.
        const std::string src = p.source;
        CHECK((src.find("[S") != std::string::npos || src.rfind("assumption", 0) == 0));
        CHECK(check_param_value(i, p.default_value).empty());
        if (p.log_slider) CHECK(p.min > 0);
    }
}

TEST_CASE("the three levers are the headline keys with 0..1 ranges", "[params]") {
    const char* keys[kLeverCount] = {"export_controls", "cloud_denial", "privacy_law"};
    for (int l = 0; l < kLeverCount; ++l) {
        const int i = lever_index(l);
        REQUIRE(i >= 0);
        CHECK(std::string(param_info(i).key) == keys[l]);
        CHECK(param_info(i).min == 0.0);
        CHECK(param_info(i).max == 1.0);
        CHECK(param_info(i).group == ParamGroup::headline);
    }
    CHECK(lever_export_controls() == find_param("export_controls"));
    CHECK(lever_cloud_denial() == find_param("cloud_denial"));
    CHECK(lever_privacy_law() == find_param("privacy_law"));
    CHECK(std::string(param_info(lever_export_controls()).low_words).find("0%") == 0);
    CHECK(find_param("no_such_key") == -1);
    CHECK(lever_index(3) == -1);
}

TEST_CASE("check_param_value rejects non-finite and out-of-range values", "[params]") {
    const int i = find_param("export_controls");
    CHECK(check_param_value(i, 0.5).empty());
    CHECK(check_param_value(i, NAN).find("finite") != std::string::npos);
    CHECK(check_param_value(i, INFINITY).find("export_controls") != std::string::npos);
    const std::string err = check_param_value(i, 1.5);
    CHECK(err.find("export_controls") != std::string::npos);
    CHECK(err.find("[0, 1]") != std::string::npos);
    CHECK_FALSE(check_param_value(-1, 0).empty());
}

TEST_CASE("apply_assignment parses KEY=VALUE and leaves params untouched on error", "[params]") {
    Params p = default_params();
    const Params before = p;
    CHECK(apply_assignment(p, "cloud_denial=0.4").empty());
    CHECK(p[find_param("cloud_denial")] == 0.4);
    p = before;
    for (const char* bad : {"cloud_denial", "=0.3", "nokey=1", "cloud_denial=abc", "cloud_denial=", "cloud_denial=nan",
                            "cloud_denial=inf", "cloud_denial=2", "cloud_denial=0.5x", "cloud_denial=1e999"}) {
        INFO(bad);
        CHECK_FALSE(apply_assignment(p, bad).empty());
        CHECK(p == before);
    }
    CHECK(apply_assignment(p, "cloud_denial=2").find("[0, 1]") != std::string::npos);
}

TEST_CASE("check_param and parse_assignment say why as data, one kind per case", "[params][errors]") {
    using Kind = ParamError::Kind;
    const int i = find_param("export_controls");
    CHECK(check_param(i, 0.5).ok());
    CHECK(check_param(i, 0).kind == Kind::none);
    CHECK(check_param(i, 1).kind == Kind::none);
    for (double bad : {double(NAN), double(INFINITY), -double(INFINITY)})
        CHECK(check_param(i, bad).kind == Kind::not_finite);
    const ParamError below = check_param(i, -0.1);
    CHECK(below.kind == Kind::out_of_range);
    CHECK(below.param == i);
    CHECK(below.value == -0.1);
    CHECK(below.given.empty());
    CHECK(check_param(i, 1.5).kind == Kind::out_of_range);
    CHECK(check_param(-1, 0).kind == Kind::unknown_parameter);
    CHECK(check_param(param_count(), 0).kind == Kind::unknown_parameter);
    // The table has no whole-number parameter today; the check every row goes through has the case.
    CHECK(check_bounds(2.5, 0, 10, true) == Kind::not_integer);
    CHECK(check_bounds(3, 0, 10, true) == Kind::none);
    CHECK(check_bounds(2.5, 0, 10, false) == Kind::none);
    CHECK(check_bounds(12.5, 0, 10, true) == Kind::out_of_range);  // the range is named before wholeness
    CHECK(check_bounds(NAN, 0, 10, true) == Kind::not_finite);

    const struct {
        const char* text;
        Kind kind;
        const char* given;
    } cases[] = {
        {"cloud_denial", Kind::malformed, "cloud_denial"}, {"=0.3", Kind::malformed, "=0.3"},
        {"nokey=1", Kind::unknown_parameter, "nokey"},     {"cloud_denial=abc", Kind::not_a_number, "abc"},
        {"cloud_denial=", Kind::not_a_number, ""},         {"cloud_denial=0.5x", Kind::not_a_number, "0.5x"},
        {"cloud_denial=nan", Kind::not_finite, "nan"},     {"cloud_denial=inf", Kind::not_finite, "inf"},
        {"cloud_denial=1e999", Kind::not_finite, "1e999"}, {"cloud_denial=2", Kind::out_of_range, "2"},
        {"cloud_denial=-0.5", Kind::out_of_range, "-0.5"},
    };
    Params p = default_params();
    const Params before = p;
    for (const auto& c : cases) {
        INFO(c.text);
        const ParamError e = parse_assignment(p, c.text);
        CHECK(e.kind == c.kind);
        CHECK(e.given == c.given);
        CHECK(p == before);
    }
    CHECK(parse_assignment(p, "cloud_denial=2").value == 2.0);
    CHECK(parse_assignment(p, "cloud_denial=2").param == find_param("cloud_denial"));
    CHECK(parse_assignment(p, std::string_view("cloud_denial=0.5\0junk", 22)).kind == Kind::not_a_number);
    const ParamError fine = parse_assignment(p, "cloud_denial=0.4");
    CHECK(fine.ok());
    CHECK(p[find_param("cloud_denial")] == 0.4);
}

TEST_CASE("describe() words each kind exactly as the command line always has", "[params][errors]") {
    using Kind = ParamError::Kind;
    const int i = find_param("export_controls");
    CHECK(describe(check_param(i, 0.5)).empty());
    CHECK(describe(check_param(i, 1.5)) ==
          "parameter 'export_controls' = 1.5 is outside the allowed range [0, 1] share");
    CHECK(describe(check_param(i, NAN)) == "parameter 'export_controls' must be a finite number in [0, 1]");
    CHECK(describe(check_param(-1, 0)) == "unknown parameter index -1");
    CHECK(describe(ParamError{Kind::not_integer, i, 0.5, {}}) ==
          "parameter 'export_controls' must be an integer in [0, 1]");
    Params p = default_params();
    CHECK(describe(parse_assignment(p, "cloud_denial")) == "expected KEY=VALUE, got 'cloud_denial'");
    CHECK(describe(parse_assignment(p, "nokey=1")) == "unknown parameter 'nokey'");
    CHECK(describe(parse_assignment(p, "cloud_denial=abc")) ==
          "parameter 'cloud_denial': 'abc' is not a number; allowed range [0, 1]");
    CHECK(describe(parse_assignment(p, "cloud_denial=1e999")) ==
          "parameter 'cloud_denial' must be a finite number in [0, 1]");
    CHECK(describe(parse_assignment(p, "rtt_abroad_ms=1e9")).find("is outside the allowed range") != std::string::npos);
    // The string functions are the same words, not a second check.
    for (double v : {0.5, 1.5, -3.0, double(NAN)}) CHECK(check_param_value(i, v) == describe(check_param(i, v)));
    for (const char* a : {"cloud_denial=2", "x", "nokey=1", "cloud_denial=nan", "cloud_denial=0.3"}) {
        Params q = default_params(), r = default_params();
        CHECK(apply_assignment(q, a) == describe(parse_assignment(r, a)));
        CHECK(q == r);
    }
}

TEST_CASE("series table matches the enum", "[params]") {
    std::set<std::string> keys;
    for (int s = 0; s < kSeriesCount; ++s) {
        const SeriesInfo& info = series_info(s);
        CHECK(keys.insert(info.key).second);
        CHECK(find_series(info.key) == s);
        const std::string prefix = info.bloc == Bloc::restricted ? "restricted." : "frontier.";
        CHECK(std::string(info.key) == prefix + info.name);
    }
    CHECK(series_info(r_years_behind).key == std::string("restricted.years_behind"));
    CHECK(series_info(f_owned_stock_h100e).bloc == Bloc::frontier);
    CHECK(find_series("restricted.nothing") == -1);
}
