// Numerical robustness: every parameter at both ends of its range, 10,000 random combinations, and
// non-finite or absurd input, checked against the properties MODEL.md promises.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>

#include "param_ids.h"
#include "test_util.h"

using namespace cp;

namespace {

bool is_share(int s) { return s == r_leverage_share || s == r_inference_abroad_share || s == r_industry_impact; }

// MODEL.md's per-run properties: finite, never negative, shares in [0, 1], owned stock = sum by origin.
// Returns an empty string or the first violation (so a failure names series, year and value).
std::string run_violation(const Run& run) {
    for (int s = 0; s < kSeriesCount; ++s)
        for (int y = 0; y < run.years(); ++y) {
            const double v = run.value[s][y];
            const std::string where = std::string(series_info(s).key) + " in " + std::to_string(kFirstYear + y) + " = ";
            if (!std::isfinite(v)) return where + "not finite";
            if (v < 0) return where + std::to_string(v) + " < 0";
            if (is_share(s) && v > 1.0) return where + std::to_string(v) + " > 1";
        }
    for (int y = 0; y < run.years(); ++y) {
        const double sum = run.value[r_stock_legal_h100e][y] + run.value[r_stock_smuggled_h100e][y] +
                           run.value[r_stock_domestic_h100e][y];
        const double owned = run.value[r_owned_stock_h100e][y];
        if (std::abs(sum - owned) > 1e-9 * std::max(1.0, owned)) return "owned stock != sum by origin";
    }
    return {};
}

// An extreme-heavy draw: each parameter at its minimum, its maximum or anywhere between, a third each.
Params edge_heavy_params(Rng& rng) {
    Params p = test::random_params(rng);
    for (int i = 0; i < param_count(); ++i) {
        const uint64_t pick = rng.next() % 3;
        if (pick == 0) p[i] = param_info(i).min;
        if (pick == 1) p[i] = param_info(i).max;
        if (param_info(i).is_integer) p[i] = std::round(p[i]);
    }
    return p;
}

}  // namespace

TEST_CASE("every parameter at both ends of its range, under every lever corner, keeps the properties", "[robustness]") {
    const Scenario sc = default_scenario();
    auto run = std::make_unique<Run>();
    int runs = 0;
    for (int corner = 0; corner < 8; ++corner)
        for (int i = 0; i < param_count(); ++i)
            for (const bool at_max : {false, true}) {
                Params p = default_params();
                p[p_export_controls] = corner & 1 ? 1.0 : 0.0;
                p[p_cloud_denial] = corner & 2 ? 1.0 : 0.0;
                p[p_privacy_law] = corner & 4 ? 1.0 : 0.0;
                p[i] = at_max ? param_info(i).max : param_info(i).min;
                simulate(sc, p, *run);
                INFO(param_info(i).key << " at its " << (at_max ? "max" : "min") << ", lever corner " << corner);
                REQUIRE(run_violation(*run).empty());
                ++runs;
            }
    // And every parameter at its minimum, then at its maximum, at once.
    for (const bool at_max : {false, true}) {
        Params p = default_params();
        for (int i = 0; i < param_count(); ++i) p[i] = at_max ? param_info(i).max : param_info(i).min;
        simulate(sc, p, *run);
        INFO("all parameters at their " << (at_max ? "max" : "min"));
        REQUIRE(run_violation(*run).empty());
    }
    CHECK(runs == 8 * 2 * param_count());
}

TEST_CASE("10,000 random combinations keep the properties, monotone levers and exact attributions", "[robustness]") {
    Rng rng(20261128);
    Scenario sc = default_scenario();
    auto run = std::make_unique<Run>();
    auto stricter = std::make_unique<Run>();
    constexpr int kCombinations = 10000;
    int lever_moved = 0;
    for (int k = 0; k < kCombinations; ++k) {
        const Params p = edge_heavy_params(rng);
        sc.end_year = 2030 + static_cast<int>(rng.next() % 11);
        simulate(sc, p, *run);
        INFO("combination " << k);
        REQUIRE(run_violation(*run).empty());

        // One lever made stricter must not raise what MODEL.md says it cannot raise.
        const int lever = static_cast<int>(rng.next() % 3);
        const int param = lever == 0 ? p_export_controls : lever == 1 ? p_cloud_denial : p_privacy_law;
        // (Legal imports can rise with stricter controls when they close a cheaper smuggling route:
        // buyers substitute. What controls never raise is the owned stock.)
        const int series = lever == 0   ? r_owned_stock_h100e
                           : lever == 1 ? r_foreign_cloud_h100e
                                        : r_seizure_exposure_h100e;
        Params q = p;
        q[param] = p[param] + (1.0 - p[param]) * rng.uniform01();
        simulate(sc, q, *stricter);
        REQUIRE(run_violation(*stricter).empty());
        for (int y = 0; y < run->years(); ++y) {
            const double before = run->value[series][y], after = stricter->value[series][y];
            INFO(param_info(param).key << " " << p[param] << " -> " << q[param] << ", year " << kFirstYear + y);
            REQUIRE(after <= before + 1e-12 * std::max(1.0, before));
            lever_moved += after < before;
        }

        if (k % 20 == 0) {  // Shapley costs 8 runs per metric
            const Attribution a = shapley(sc, p, Metric::years_behind, 2030);
            REQUIRE(std::isfinite(a.current_value));
            REQUIRE(a.lever[0] + a.lever[1] + a.lever[2] ==
                    Approx(a.current_value - a.open_value).margin(1e-9).epsilon(1e-9));
        }
    }
    CHECK(lever_moved > kCombinations);  // not vacuous: the levers really bite
}

TEST_CASE("non-finite and absurd values are refused with a message naming the parameter", "[robustness]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int i = 0; i < param_count(); ++i) {
        const std::string key = param_info(i).key;
        for (const double bad : {nan, inf, -inf, 1e308, -1e308, param_info(i).max * 1e6 + 1}) {
            INFO(key << " = " << bad);
            const std::string message = check_param_value(i, bad);
            REQUIRE_FALSE(message.empty());
            CHECK(message.find(key) != std::string::npos);
        }
    }
    // Text input (--set, links): strtod would happily read all of these.
    for (const char* text :
         {"export_controls=nan", "export_controls=inf", "export_controls=-inf", "export_controls=1e999",
          "export_controls=-1e999", "export_controls=0x1p999", "export_controls=1e308",
          "export_controls=", "export_controls=0.5junk", "export_controls= 0.5 ", "run_length_days=1e18"}) {
        INFO(text);
        Params p = default_params();
        const std::string message = apply_assignment(p, text);
        REQUIRE_FALSE(message.empty());
        CHECK(p == default_params());
    }
    // A NUL inside the text must not cut it short (found by fuzz_assignment).
    Params p = default_params();
    CHECK_FALSE(apply_assignment(p, std::string_view("export_controls=0.5\0junk", 25)).empty());

    // Scenario files: JSON has no NaN, but an overflowing literal must not sneak in as infinity.
    for (const char* value : {"1e999", "-1e999", "1e308", "NaN", "Infinity"}) {
        INFO(value);
        const std::string json = std::string(R"({"schema": 1, "params": {"export_controls": {"value": )") + value +
                                 R"(, "source": "test"}}})";
        const LoadResult r = parse_scenario(json);
        REQUIRE_FALSE(r.ok);
        CHECK_FALSE(r.error.empty());
    }
}
