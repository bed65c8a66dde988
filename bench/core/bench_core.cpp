// Benchmark of the core: medians over repeats for a run, Shapley, 1,000-draw Monte Carlo, tornado, full recompute.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analysis.h"

namespace {

volatile double g_sink = 0;  // keeps the optimiser from dropping the work

// Median microseconds per call of `fn` over `repeats` timed batches of `batch` calls, after at
// least 0.3 s of warm-up (node compiles wasm with a baseline tier first and optimises hot code later).
double median_us(int repeats, int batch, const std::function<void()>& fn) {
    const auto warm_start = std::chrono::steady_clock::now();
    for (int i = 0;
         i < std::max(1, repeats / 4) || std::chrono::steady_clock::now() - warm_start < std::chrono::milliseconds(300);
         ++i)
        for (int b = 0; b < batch; ++b) fn();
    std::vector<double> t;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (int b = 0; b < batch; ++b) fn();
        const auto stop = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::micro>(stop - start).count() / batch);
    }
    std::nth_element(t.begin(), t.begin() + t.size() / 2, t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    cp::Scenario sc = cp::default_scenario();
    if (argc > 1) {
        std::ifstream in(argv[1]);
        std::ostringstream ss;
        ss << in.rdbuf();
        cp::LoadResult r = cp::parse_scenario(ss.str());
        if (!r.ok) {
            std::fprintf(stderr, "bench: %s: %s\n", argv[1], r.error.c_str());
            return 2;
        }
        sc = r.scenario;
    }
    const int year = sc.summary_year;
    auto run = std::make_unique<cp::Run>();
    auto bands = std::make_unique<cp::Bands>();
    auto tor = std::make_unique<cp::Tornado>();
    cp::Params p = sc.params;
    int tick = 0;

    const double sim = median_us(51, 200, [&] {
        // Nudge a lever so no run can be cached or hoisted.
        p[cp::lever_export_controls()] = 0.5 + 0.001 * (++tick % 100);
        cp::simulate(sc, p, *run);
        g_sink = g_sink + run->value[cp::r_years_behind][8];
    });
    const double shap = median_us(
        51, 20, [&] { g_sink = g_sink + cp::shapley(sc, sc.params, cp::Metric::years_behind, year).lever[0]; });
    const double mc = median_us(31, 1, [&] {
        cp::monte_carlo(sc, sc.params, 1000, 42, *bands);
        g_sink = g_sink + bands->p50[cp::r_years_behind][8];
    });
    const double tdo = median_us(31, 2, [&] {
        cp::tornado(sc, sc.params, cp::Metric::years_behind, year, *tor);
        g_sink = g_sink + tor->base;
    });
    const double full = median_us(31, 1, [&] {
        cp::simulate(sc, *run);
        const cp::Attribution a = cp::shapley(sc, sc.params, cp::Metric::years_behind, year);
        cp::monte_carlo(sc, sc.params, 1000, 42, *bands);
        cp::tornado(sc, sc.params, cp::Metric::years_behind, year, *tor);
        g_sink = g_sink + a.lever[0] + bands->p50[0][0] + tor->base;
    });
    // What the UI recomputes per slider move: percentiles only for the four banded series.
    bool banded[cp::kSeriesCount] = {};
    for (int s :
         {cp::r_largest_training_run_flop, cp::r_years_behind, cp::r_leverage_share, cp::f_largest_training_run_flop})
        banded[s] = true;
    const double full_ui = median_us(31, 1, [&] {
        cp::simulate(sc, *run);
        const cp::Attribution a = cp::shapley(sc, sc.params, cp::Metric::years_behind, year);
        cp::monte_carlo(sc, sc.params, 1000, 42, *bands, banded);
        cp::tornado(sc, sc.params, cp::Metric::years_behind, year, *tor);
        g_sink = g_sink + a.lever[0] + bands->p50[cp::r_years_behind][8] + tor->base;
    });
    std::printf("simulate_us %.3f\n", sim);
    std::printf("shapley_us %.3f\n", shap);
    std::printf("monte_carlo_1000_us %.1f\n", mc);
    std::printf("tornado_us %.1f\n", tdo);
    std::printf("full_recompute_us %.1f\n", full);
    std::printf("full_recompute_ui_bands_us %.1f\n", full_ui);
    return 0;
}
