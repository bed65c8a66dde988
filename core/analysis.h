// Simulation entry point plus the analyses a reader sees: Shapley attribution, Monte Carlo bands, tornado.
#pragma once

#include <cstdint>

#include "params.h"
#include "scenario.h"
#include "series.h"

namespace cp {

// Runs the model once. Deterministic, allocation-free.
void simulate(const Scenario& scenario, const Params& params, Run& out);
inline void simulate(const Scenario& scenario, Run& out) { simulate(scenario, scenario.params, out); }
// The same run with the levers in `off_mask` (bit l = lever l) at 0 from the policy year on: their
// values and their steps from then (the history before stays). What "no policy" means for attribution.
void simulate_levers_off(const Scenario& scenario, const Params& params, unsigned off_mask, Run& out);
// The same run with every foreign-cloud and licensed route cut from `year` on (leases end, no rented
// block, no legal imports): what a foreign government could do in that year.
void simulate_switch_off(const Scenario& scenario, const Params& params, int year, Run& out);

// The scalar the attribution and the tornado explain.
enum class Metric { years_behind, log10_compute_gap };
// Value of `metric` in `year` of a run (log10_compute_gap = -log10(compute_ratio)).
double metric_value(const Run& run, Metric metric, int year);

// Shapley attribution of the three headline levers: gap = metric(levers as set) - metric(levers off
// from the policy year on, steps included).
struct Attribution {
    Metric metric = Metric::years_behind;
    int year = 2030;
    double open_value = 0;           // metric with all three levers off from the policy year (others as set)
    double current_value = 0;        // metric with the levers as set
    double lever[kLeverCount] = {};  // sums exactly (to rounding) to current_value - open_value
};
Attribution shapley(const Scenario& scenario, const Params& params, Metric metric, int year);

// 5/50/95 percentiles for every series and year from seeded Monte Carlo over the scenario's
// declared distributions. Same scenario, params, draws and seed give identical bands everywhere.
struct Bands {
    int draws = 0;
    uint64_t seed = 0;
    double p5[kSeriesCount][kMaxYears] = {};
    double p50[kSeriesCount][kMaxYears] = {};
    double p95[kSeriesCount][kMaxYears] = {};
};
// `bands` is large: allocate it once and reuse it. `only_series` (kSeriesCount flags, nullptr = all)
// restricts the percentiles to the series a caller draws (the UI shows bands for a few of them, and
// percentiles are most of the cost); the others get the central run's value in all three bands.
// The draws, and so the selected bands, are the same whatever the selection.
void monte_carlo(const Scenario& scenario, const Params& params, int draws, uint64_t seed, Bands& bands,
                 const bool* only_series = nullptr);

// Sensitivity: the metric with each parameter at its low and at its high (uncertainty range if
// declared, otherwise the parameter range), sorted by swing, largest first.
struct TornadoBar {
    int param = -1;
    double low = 0, high = 0;                // parameter values used
    double metric_low = 0, metric_high = 0;  // metric at those values
};
struct Tornado {
    Metric metric = Metric::years_behind;
    int year = 2030;
    double base = 0;
    int count = 0;
    TornadoBar bar[kMaxParams];
};
void tornado(const Scenario& scenario, const Params& params, Metric metric, int year, Tornado& out);

}  // namespace cp
