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
