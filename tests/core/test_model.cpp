// Tests of the model: MODEL.md's properties over random draws, the commodity view, calibration and golden values.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <memory>

#include "param_ids.h"
#include "test_util.h"

using namespace cp;
using cp::test::random_params;

namespace {

constexpr int kDraws = 300;

// a <= b up to rounding (values span many orders of magnitude).
bool not_above(double a, double b) { return a <= b + 1e-12 * std::max(1.0, std::abs(b)); }

bool is_share(int s) { return s == r_leverage_share || s == r_inference_abroad_share || s == r_industry_impact; }

}  // namespace

TEST_CASE("stocks are never negative, values finite, shares in [0,1]", "[model]") {
    Rng rng(42);
    Scenario sc = default_scenario();
    auto run = std::make_unique<Run>();
    for (int k = 0; k < kDraws; ++k) {
        sc.end_year = 2030 + static_cast<int>(rng.next() % 11);
        const Params p = random_params(rng);
        simulate(sc, p, *run);
        REQUIRE(run->end_year == sc.end_year);
        for (int s = 0; s < kSeriesCount; ++s)
            for (int y = 0; y < run->years(); ++y) {
                const double v = run->value[s][y];
                INFO("draw " << k << " series " << series_info(s).key << " year " << 2022 + y << " value " << v);
                REQUIRE(std::isfinite(v));
                REQUIRE(v >= 0.0);
                if (is_share(s)) REQUIRE(v <= 1.0);
            }
        // Owned stock by origin sums to the owned stock.
        for (int y = 0; y < run->years(); ++y) {
            const double sum = run->value[r_stock_legal_h100e][y] + run->value[r_stock_smuggled_h100e][y] +
                               run->value[r_stock_domestic_h100e][y];
            REQUIRE(sum == Approx(run->value[r_owned_stock_h100e][y]).epsilon(1e-12));
        }
    }
}

// For each lever, raising it (other parameters fixed) must never raise the named quantity.
void check_monotone(int param, int series, uint64_t seed) {
    Rng rng(seed);
    Scenario sc = default_scenario();
    auto lo_run = std::make_unique<Run>();
    auto hi_run = std::make_unique<Run>();
    int strict_drops = 0;
    for (int k = 0; k < kDraws; ++k) {
        Params p = random_params(rng);
        double a = rng.uniform01(), b = rng.uniform01();
        if (a > b) std::swap(a, b);
        if (k % 10 == 0) a = 0.0;  // include the open end
        if (k % 10 == 1) b = 1.0;  // and the strict end
        p[param] = a;
        simulate(sc, p, *lo_run);
        p[param] = b;
        simulate(sc, p, *hi_run);
        for (int y = 0; y < lo_run->years(); ++y) {
            INFO("draw " << k << " " << param_info(param).key << " " << a << " -> " << b << " year " << 2022 + y);
            REQUIRE(not_above(hi_run->value[series][y], lo_run->value[series][y]));
            strict_drops += hi_run->value[series][y] < lo_run->value[series][y];
        }
    }
    // The property must not hold vacuously: the lever really moves the quantity.
    CHECK(strict_drops > 20);
}

// Legal imports themselves may rise with stricter controls when those close a cheaper smuggling
// route (buyers substitute); what controls never raise is the stock the country owns.
TEST_CASE("stricter export controls never increase the owned stock", "[model][properties]") {
    check_monotone(p_export_controls, r_owned_stock_h100e, 7);
}

TEST_CASE("more cloud denial never increases foreign-cloud compute", "[model][properties]") {
    check_monotone(p_cloud_denial, r_foreign_cloud_h100e, 8);
}

TEST_CASE("stricter privacy law never increases compute used abroad", "[model][properties]") {
    check_monotone(p_privacy_law, r_seizure_exposure_h100e, 9);  // compute located abroad
    check_monotone(p_privacy_law, r_foreign_cloud_h100e, 10);
}

TEST_CASE("simulate repeats exactly and ignores stale output", "[model]") {
    Rng rng(12);
    const Params p = random_params(rng);
    Scenario sc = default_scenario();
    auto a = std::make_unique<Run>();
    auto b = std::make_unique<Run>();
    for (auto& row : b->value)
        for (double& v : row) v = 123.0;
    simulate(sc, p, *a);
    simulate(sc, p, *b);
    for (int s = 0; s < kSeriesCount; ++s)
        REQUIRE(std::memcmp(a->value[s], b->value[s], sizeof(double) * static_cast<size_t>(a->years())) == 0);
}

TEST_CASE("end_year is honoured and clamped", "[model]") {
    Scenario sc = default_scenario();
    auto run = std::make_unique<Run>();
    sc.end_year = 2040;
    simulate(sc, *run);
    CHECK(run->years() == 19);
    CHECK(run->at(r_owned_stock_h100e, 2040) > run->at(r_owned_stock_h100e, 2035));
    sc.end_year = 2099;
    simulate(sc, *run);
    CHECK(run->end_year == kMaxEndYear);
}

// Cumulative acquisitions from `from` to `to`, the form calibration.md reports.
double cumulative(const Run& run, int series, int from, int to) {
    double s = 0;
    for (int y = from; y <= to; ++y) s += run.at(series, y);
    return s;
}

TEST_CASE("today's scenario is plausible against calibration.md (2023-2025)", "[model][calibration]") {
    const Scenario sc = cp::test::load_preset("today");
    REQUIRE(sc.id == "today");
    auto run = std::make_unique<Run>();
    simulate(sc, *run);
    // [S14] China legal Nvidia cumulative: 178k (2023), 402k (2025). Accept within about a factor 1.5.
    CHECK(cumulative(*run, r_acquired_legal_h100e, 2022, 2023) == Approx(178e3).epsilon(0.5));
    CHECK(cumulative(*run, r_acquired_legal_h100e, 2022, 2025) == Approx(402e3).epsilon(0.5));
    // [S15] smuggled from 2024: 159k (2024), 662k (2025).
    CHECK(run->at(r_acquired_smuggled_h100e, 2024) == Approx(159e3).epsilon(0.5));
    CHECK(cumulative(*run, r_acquired_smuggled_h100e, 2024, 2025) == Approx(662e3).epsilon(0.35));
    // [S15] Huawei (+Cambricon) from 2024: 180k (2024), ~743k (2025).
    CHECK(run->at(r_acquired_domestic_h100e, 2024) == Approx(180e3).epsilon(0.25));
    CHECK(cumulative(*run, r_acquired_domestic_h100e, 2024, 2025) == Approx(743e3).epsilon(0.35));
    // [S14] world stock ~20M H100e bought 2022-2025.
    CHECK(cumulative(*run, f_acquired_legal_h100e, 2022, 2025) == Approx(20e6).epsilon(0.25));
    // [S4,S5] frontier runs 2.1e25 (2023), ~5e26 (2025).
    CHECK(run->at(f_largest_training_run_flop, 2023) == Approx(2.1e25).epsilon(1e-12));
    CHECK(run->at(f_largest_training_run_flop, 2025) == Approx(5e26).epsilon(0.3));
    // The restricted country trails the frontier, and depends little on foreign cloud today.
    CHECK(run->at(r_years_behind, 2025) > 0.5);
    CHECK(run->at(r_years_behind, 2025) < 3.0);
    CHECK(run->at(r_leverage_share, 2025) < 0.3);
    CHECK(run->at(r_compute_ratio, 2025) < 0.2);
}

TEST_CASE("golden values of the presets", "[model][golden]") {
    // Tolerance 1e-9 relative: catches any change to the model or the presets while allowing
    // last-bit libm differences (pow/log) between platforms. Update deliberately when the model changes.
    struct Golden {
        const char* preset;
        double years_behind_2030, compute_ratio_2030, leverage_2030;
    };
    const Golden golden[] = {
#include "golden_values.inc"
    };
    auto run = std::make_unique<Run>();
    for (const Golden& g : golden) {
        INFO(g.preset);
        const Scenario sc = cp::test::load_preset(g.preset);
        REQUIRE(sc.id == g.preset);
        simulate(sc, *run);
        CHECK(run->at(r_years_behind, 2030) == Approx(g.years_behind_2030).epsilon(1e-9));
        CHECK(run->at(r_compute_ratio, 2030) == Approx(g.compute_ratio_2030).epsilon(1e-9));
        CHECK(run->at(r_leverage_share, 2030) == Approx(g.leverage_2030).epsilon(1e-9).margin(1e-15));
    }
}

TEST_CASE("presets tell the story they are named for", "[model][golden]") {
    auto run = std::make_unique<Run>();
    auto at2030 = [&](const char* name, int s) {
        simulate(cp::test::load_preset(name), *run);
        return run->at(s, 2030);
    };
    const double today = at2030("today", r_years_behind);
    CHECK(at2030("oil_world", r_years_behind) < today);
    CHECK(at2030("full_denial", r_years_behind) > today);
    CHECK(at2030("leaky_controls", r_years_behind) < today);
    CHECK(at2030("cloud_loophole", r_leverage_share) > 2 * at2030("today", r_leverage_share));
    // Data localisation is the cloud loophole under the strictest privacy law: less work abroad.
    CHECK(at2030("data_localisation", r_inference_abroad_share) < at2030("cloud_loophole", r_inference_abroad_share));
    CHECK(at2030("data_localisation", r_foreign_cloud_h100e) < 0.75 * at2030("cloud_loophole", r_foreign_cloud_h100e));
    CHECK(at2030("full_denial", r_foreign_cloud_h100e) == 0.0);
    CHECK(at2030("oil_world", r_industry_impact) == 0.0);
    // The 2028 cut-off: the same as today's policy until 2027, further behind from 2028.
    auto today_run = std::make_unique<Run>();
    simulate(cp::test::load_preset("today"), *today_run);
    simulate(cp::test::load_preset("cloud_cutoff_2028"), *run);
    CHECK(run->at(r_years_behind, 2027) == today_run->at(r_years_behind, 2027));
    CHECK(run->at(r_years_behind, 2028) > today_run->at(r_years_behind, 2028) + 0.05);
    CHECK(run->at(r_leverage_share, 2030) < today_run->at(r_leverage_share, 2030));
}

// A slider that moves nothing is a bug: in today's scenario every parameter, from its low end to its
// high end, changes some outcome in some year.
TEST_CASE("no dead slider: every parameter moves some outcome of today's scenario", "[model]") {
    const Scenario sc = cp::test::load_preset("today");
    auto low = std::make_unique<Run>();
    auto high = std::make_unique<Run>();
    for (int i = 0; i < param_count(); ++i) {
        Params lo = sc.params, hi = sc.params;
        lo[i] = param_info(i).min;
        hi[i] = param_info(i).max;
        simulate(sc, lo, *low);
        simulate(sc, hi, *high);
        bool moved = false;
        for (int s = 0; s < kSeriesCount && !moved; ++s)
            for (int y = 0; y < low->years() && !moved; ++y)
                moved = std::fabs(low->value[s][y] - high->value[s][y]) > 1e-9 * std::max(1.0, std::fabs(low->value[s][y]));
        INFO(param_info(i).key);
        CHECK(moved);
    }
}

TEST_CASE("third countries dilute a foreign government's leverage", "[model]") {
    const Scenario sc = cp::test::load_preset("today");
    auto run = std::make_unique<Run>();
    auto leverage = [&](const char* key, double value) {
        Params p = sc.params;
        p[find_param(key)] = value;
        simulate(sc, p, *run);
        return run->at(r_leverage_share, 2030);
    };
    // More of the cloud in third countries, less of it switchable; more enforcement there, more.
    CHECK(leverage("third_country_share", 0.8) < leverage("third_country_share", 0.1) - 0.02);
    CHECK(leverage("third_country_enforcement", 1.0) > leverage("third_country_enforcement", 0.0) + 0.01);
    // With every third country enforcing, all open cloud is the frontier's to switch off.
    const double all = leverage("third_country_enforcement", 1.0);
    Params p = sc.params;
    p[find_param("third_country_enforcement")] = 1.0;
    simulate(sc, p, *run);
    CHECK(all == Approx(run->at(r_foreign_cloud_h100e, 2030) / run->at(r_usable_compute_h100e, 2030)).epsilon(1e-12));
}
