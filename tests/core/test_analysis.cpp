// Tests of the analyses: Shapley attribution, seeded Monte Carlo bands and the tornado.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "param_ids.h"
#include "test_util.h"

using namespace cp;
using cp::test::random_params;

TEST_CASE("Shapley attributions sum to the total gap", "[analysis]") {
    Rng rng(21);
    Scenario sc = default_scenario();
    int nonzero = 0;
    for (int k = 0; k < 200; ++k) {
        const Params p = random_params(rng);
        for (Metric m : {Metric::years_behind, Metric::log10_compute_gap}) {
            const int year = 2022 + static_cast<int>(rng.next() % 14);
            const Attribution a = shapley(sc, p, m, year);
            const double sum = a.lever[0] + a.lever[1] + a.lever[2];
            REQUIRE(sum == Approx(a.current_value - a.open_value).margin(1e-9));
            nonzero += std::abs(a.current_value - a.open_value) > 1e-3;
        }
    }
    CHECK(nonzero > 100);
}

TEST_CASE("Shapley matches the runs it is made of", "[analysis]") {
    const Scenario sc = cp::test::load_preset("today");
    const Attribution a = shapley(sc, sc.params, Metric::log10_compute_gap, 2030);
    auto run = std::make_unique<Run>();
    simulate(sc, *run);
    CHECK(a.current_value == Approx(metric_value(*run, Metric::log10_compute_gap, 2030)).epsilon(1e-14));
    Params open = sc.params;
    for (int l = 0; l < kLeverCount; ++l) open[lever_index(l)] = 0;
    simulate(sc, open, *run);
    CHECK(a.open_value == Approx(metric_value(*run, Metric::log10_compute_gap, 2030)).epsilon(1e-14));
    CHECK(a.lever[0] > 0);  // export controls widen the compute gap today
    // A lever set to zero gets exactly nothing (the null-player property).
    Params p = sc.params;
    p[p_cloud_denial] = 0;
    const Attribution b = shapley(sc, p, Metric::years_behind, 2030);
    CHECK(b.lever[1] == 0.0);
}

TEST_CASE("Monte Carlo: seeded runs repeat exactly, seeds differ, bands are ordered", "[analysis]") {
    const Scenario sc = cp::test::load_preset("today");
    auto a = std::make_unique<Bands>();
    auto b = std::make_unique<Bands>();
    monte_carlo(sc, sc.params, 300, 99, *a);
    monte_carlo(sc, sc.params, 300, 99, *b);
    REQUIRE(std::memcmp(a->p5, b->p5, sizeof a->p5) == 0);
    REQUIRE(std::memcmp(a->p50, b->p50, sizeof a->p50) == 0);
    REQUIRE(std::memcmp(a->p95, b->p95, sizeof a->p95) == 0);
    CHECK(a->draws == 300);
    CHECK(a->seed == 99);
    monte_carlo(sc, sc.params, 300, 100, *b);
    CHECK(std::memcmp(a->p50, b->p50, sizeof a->p50) != 0);
    const int y2030 = 2030 - kFirstYear;
    for (int s = 0; s < kSeriesCount; ++s)
        for (int y = 0; y <= 2035 - kFirstYear; ++y) {
            REQUIRE(a->p5[s][y] <= a->p50[s][y]);
            REQUIRE(a->p50[s][y] <= a->p95[s][y]);
        }
    CHECK(a->p5[r_years_behind][y2030] < a->p95[r_years_behind][y2030]);  // uncertainty is real
}

TEST_CASE("Monte Carlo restricted to some series gives those series' bands unchanged", "[analysis]") {
    const Scenario sc = cp::test::load_preset("today");
    auto all = std::make_unique<Bands>();
    auto some = std::make_unique<Bands>();
    monte_carlo(sc, sc.params, 200, 5, *all);
    bool only[kSeriesCount] = {};
    only[r_years_behind] = only[f_largest_training_run_flop] = true;
    monte_carlo(sc, sc.params, 200, 5, *some, only);
    Run run;
    simulate(sc, run);
    for (int s = 0; s < kSeriesCount; ++s)
        for (int y = 0; y < run.years(); ++y) {
            if (only[s]) {
                REQUIRE(some->p5[s][y] == all->p5[s][y]);
                REQUIRE(some->p50[s][y] == all->p50[s][y]);
                REQUIRE(some->p95[s][y] == all->p95[s][y]);
            } else {
                REQUIRE(some->p5[s][y] == run.value[s][y]);
                REQUIRE(some->p95[s][y] == run.value[s][y]);
            }
        }
    CHECK(some->p5[r_years_behind][8] < some->p95[r_years_behind][8]);
}

TEST_CASE("Monte Carlo without declared uncertainty collapses to the run", "[analysis]") {
    Scenario sc = default_scenario();
    sc.uncertainty = {};
    auto bands = std::make_unique<Bands>();
    auto run = std::make_unique<Run>();
    monte_carlo(sc, sc.params, 50, 1, *bands);
    simulate(sc, *run);
    for (int s = 0; s < kSeriesCount; ++s)
        for (int y = 0; y < run->years(); ++y) {
            REQUIRE(bands->p5[s][y] == run->value[s][y]);
            REQUIRE(bands->p95[s][y] == run->value[s][y]);
        }
}

TEST_CASE("Monte Carlo bands equal sorted brute-force draws exactly", "[analysis]") {
    // Replays the documented sampling (our RNG, parameters in table order) and checks the
    // nearest-rank percentiles against a plain sort, for every series and year.
    Scenario sc = default_scenario();
    sc.end_year = 2031;
    sc.uncertainty = {};
    sc.uncertainty[p_smuggling_leak] = {Distribution::triangular, 0.02, 0.08, 0.2};
    sc.uncertainty[p_cloud_denial] = {Distribution::uniform, 0.0, 0.5, 1.0};
    sc.uncertainty[p_rent_premium] = {Distribution::log_uniform, 1.0, 2.0, 4.0};
    for (int draws : {1, 7, 100, 1001}) {
        auto bands = std::make_unique<Bands>();
        monte_carlo(sc, sc.params, draws, 1234, *bands);
        Rng rng(1234);
        std::vector<std::vector<double>> values(kSeriesCount * 10);
        auto run = std::make_unique<Run>();
        for (int d = 0; d < draws; ++d) {
            Params p = sc.params;
            for (int i : {static_cast<int>(p_cloud_denial), static_cast<int>(p_smuggling_leak),
                          static_cast<int>(p_rent_premium)})
                p[i] = sample(sc.uncertainty[static_cast<size_t>(i)], rng.uniform01());
            simulate(sc, p, *run);
            for (int s = 0; s < kSeriesCount; ++s)
                for (int y = 0; y < 10; ++y) values[static_cast<size_t>(s * 10 + y)].push_back(run->value[s][y]);
        }
        auto rank = [&](double q) { return static_cast<size_t>(q * (draws - 1) + 0.5); };
        for (int s = 0; s < kSeriesCount; ++s)
            for (int y = 0; y < 10; ++y) {
                std::vector<double>& v = values[static_cast<size_t>(s * 10 + y)];
                std::sort(v.begin(), v.end());
                INFO("draws " << draws << " series " << series_info(s).key << " year " << 2022 + y);
                REQUIRE(bands->p5[s][y] == v[rank(0.05)]);
                REQUIRE(bands->p50[s][y] == v[rank(0.50)]);
                REQUIRE(bands->p95[s][y] == v[rank(0.95)]);
            }
    }
}

TEST_CASE("Monte Carlo percentiles follow the declared distribution", "[analysis]") {
    // Uniform export controls on [0.2, 0.8]: legal imports are monotone in it, so the p5/p50/p95
    // of legal imports are legal imports at the 5/50/95% points of the lever (to sampling error).
    Scenario sc = default_scenario();
    sc.uncertainty = {};
    sc.uncertainty[p_export_controls] = {Distribution::uniform, 0.2, 0.5, 0.8};
    auto bands = std::make_unique<Bands>();
    monte_carlo(sc, sc.params, 4000, 5, *bands);
    auto run = std::make_unique<Run>();
    const int y = 2028 - kFirstYear;
    const double q[3] = {0.05, 0.5, 0.95};
    const double* band[3] = {bands->p95[r_acquired_legal_h100e], bands->p50[r_acquired_legal_h100e],
                             bands->p5[r_acquired_legal_h100e]};
    for (int k = 0; k < 3; ++k) {
        Params p = sc.params;
        p[p_export_controls] = 0.2 + 0.6 * q[k];
        simulate(sc, p, *run);
        CHECK(band[k][y] == Approx(run->value[r_acquired_legal_h100e][y]).epsilon(0.05));
    }
}

TEST_CASE("triangular and log-uniform draws have the right shape", "[analysis]") {
    Rng rng(3);
    const Distribution tri{Distribution::triangular, 0.0, 0.25, 1.0};
    const Distribution logu{Distribution::log_uniform, 1.0, 10.0, 100.0};
    double tri_sum = 0;
    int below_10 = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const double t = sample(tri, rng.uniform01());
        REQUIRE(t >= 0.0);
        REQUIRE(t <= 1.0);
        tri_sum += t;
        const double l = sample(logu, rng.uniform01());
        REQUIRE(l >= 1.0);
        REQUIRE(l <= 100.0);
        below_10 += l < 10.0;
    }
    CHECK(tri_sum / n == Approx((0.0 + 0.25 + 1.0) / 3).epsilon(0.02));     // mean of a triangle
    CHECK(static_cast<double>(below_10) / n == Approx(0.5).epsilon(0.03));  // half the decades
    // The generator itself is the published xoshiro256** seeded by splitmix64.
    Rng fixed(0);
    CHECK(fixed.next() == 0x99EC5F36CB75F2B4ull);
}

TEST_CASE("tornado covers every parameter, sorted by swing", "[analysis]") {
    const Scenario sc = cp::test::load_preset("today");
    auto t = std::make_unique<Tornado>();
    tornado(sc, sc.params, Metric::years_behind, 2030, *t);
    REQUIRE(t->count == param_count());
    auto run = std::make_unique<Run>();
    simulate(sc, *run);
    CHECK(t->base == metric_value(*run, Metric::years_behind, 2030));
    for (int k = 1; k < t->count; ++k)
        REQUIRE(std::abs(t->bar[k - 1].metric_high - t->bar[k - 1].metric_low) >=
                std::abs(t->bar[k].metric_high - t->bar[k].metric_low));
    CHECK(std::abs(t->bar[0].metric_high - t->bar[0].metric_low) > 0.1);
    for (int k = 0; k < t->count; ++k) {
        const TornadoBar& b = t->bar[k];
        const Distribution& d = sc.uncertainty[static_cast<size_t>(b.param)];
        // Declared uncertainty ranges are used where present, otherwise the parameter range.
        CHECK(b.low == (d.kind != Distribution::none ? d.lo : param_info(b.param).min));
        CHECK(b.high == (d.kind != Distribution::none ? d.hi : param_info(b.param).max));
        Params p = sc.params;
        p[b.param] = b.high;
        simulate(sc, p, *run);
        CHECK(b.metric_high == metric_value(*run, Metric::years_behind, 2030));
    }
}
