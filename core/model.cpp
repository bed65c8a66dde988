// The yearly model: how budgets, export controls, smuggling, domestic chips and foreign cloud become usable compute.
#include <algorithm>
#include <cmath>

#include "analysis.h"
#include "detmath.h"
#include "param_ids.h"

namespace cp {

namespace {

// Dense 16-bit FLOP/s of one H100e at 100% utilisation (H100 SXM ~989 TFLOP/s dense BF16).
constexpr double kFlopPerH100e = 1e15;
constexpr double kSecondsPerDay = 86400.0;
// A country with no cluster at all still "trains" something tiny; keeps logs finite.
constexpr double kMinRunFlop = 1e18;

// x^n by repeated multiplication. Like detmath's log/exp/pow, it uses IEEE arithmetic only, so a
// run gives the same bits natively and in wasm (libm's pow/log differ between glibc and musl).
double ipow(double x, int n) {
    double r = 1.0;
    const bool inv = n < 0;
    for (int k = inv ? -n : n; k > 0; --k) r *= x;
    return inv ? 1.0 / r : r;
}

double clamp01(double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); }

// Spending grows at one rate up to 2025 (observed) and another after it (assumed).
double budget_usd(double budget_2025_bn, double growth_hist, double growth_after, int year) {
    const double b = budget_2025_bn * 1e9;
    return year <= 2025 ? b / ipow(growth_hist, 2025 - year) : b * ipow(growth_after, year - 2025);
}

// Spending path stepped yearly: growth_hist up to 2025, growth_after from 2026.
struct Spending {
    double value, growth_hist, growth_after;
    Spending(double budget_2025_bn, double hist, double after)
        : value(budget_usd(budget_2025_bn, hist, after, kFirstYear)), growth_hist(hist), growth_after(after) {}
    void next_year(int year) { value *= year <= 2025 ? growth_hist : growth_after; }
};

// A quantity compounding yearly; stepping by one multiplication keeps a run O(years).
struct Compound {
    double value, step;
    void next_year() { value *= step; }
};

// Stock at the end of 2021 as if purchases had grown at `growth` forever: sum_k a/g^k * keep^k.
double steady_stock_before(double first_purchase, double growth, double keep) {
    return first_purchase / growth / (1.0 - keep / growth);
}

// Effects of the export-control lever c on what can legally be bought.
// Controls set a fixed performance threshold, so the best legal chip falls further behind each
// year: its price per H100e relative to the market is (penalty x ppi^(year-2024))^c. Written as
// penalty^c x (ppi^c)^(year-2024) so a run needs two pow calls, not one per year.
struct LegalPenalty {
    double base, base_step;      // penalty x ppi^(year-2024): below 1 means no penalty yet
    double factor, factor_step;  // its c-th power
    LegalPenalty(const Params& p, double c, int first_year) {
        const double ppi = p[p_price_performance_growth];
        const int k = first_year - 2024;
        base = p[p_legal_chip_penalty] * ipow(ppi, k);
        base_step = ppi;
        factor = c > 0 ? detmath::pow(p[p_legal_chip_penalty], c) * ipow(detmath::pow(ppi, c), k) : 1.0;
        factor_step = c > 0 ? detmath::pow(ppi, c) : 1.0;
    }
    double value() const { return base >= 1.0 ? factor : 1.0; }
    void next_year() {
        base *= base_step;
        factor *= factor_step;
    }
};
// Licensed volume: unlimited without controls, zero at full controls, (1-c)/c in between.
double legal_cap_h100e(const Params& p, double c) {
    if (c <= 0) return HUGE_VAL;
    return p[p_legal_quota] * (1.0 - c) / c;
}

// Foreign cloud: how much of the rentable pool denial d closes. Hyperscalers at home obey fully;
// third countries only as far as they enforce.
double cloud_closed_share(const Params& p, double d) {
    const double tc = p[p_third_country_share];
    return clamp01(d * ((1.0 - tc) + tc * p[p_third_country_enforcement]));
}
// Denial also makes what remains more likely to be cut off (halfway to certain at d = 1).
double cutoff_hazard(const Params& p, double d) {
    const double h = p[p_cutoff_hazard];
    return clamp01(h + (1.0 - h) * 0.5 * d);
}

// Share of the workload privacy law lets go abroad, split into training and (latency-discounted)
// inference. Latency does not forbid serving from abroad; it makes it worth budget/RTT.
struct AbroadShares {
    double training = 0, inference = 0;
    double total() const { return training + inference; }
};
AbroadShares abroad_shares(const Params& p, double privacy) {
    const double inf = p[p_inference_share];
    const double latency_value = std::min(1.0, p[p_latency_budget_ms] / p[p_rtt_abroad_ms]);
    AbroadShares s;
    s.training = (1.0 - inf) * (1.0 - privacy * p[p_training_personal_data_share]);
    s.inference = inf * (1.0 - privacy * p[p_inference_domestic_user_share]) * latency_value;
    return s;
}

// Buys up to `cap` at `price` from the money `left`. When money is the limit it is spent to the
// last cent (left = 0 exactly), so no rounding crumb leaks into a later route.
double buy(double cap, double price, double& left) {
    if (!(cap > 0) || !(left > 0)) return 0.0;
    if (cap * price >= left) {
        const double q = left / price;
        left = 0.0;
        return q;
    }
    left -= cap * price;
    return cap;
}

}  // namespace

void simulate(const Scenario& scenario, const Params& given, Run& out) {
    // Callers validate values (check_param_value); clamping here only keeps a stray value (or NaN)
    // from producing negative stocks or infinities.
    Params p = given;
    for (int i = 0; i < kParamIdCount; ++i) {
        const ParamInfo& info = param_info(i);
        p[i] = !(p[i] >= info.min) ? info.min : (p[i] > info.max ? info.max : p[i]);
    }
    out.first_year = kFirstYear;
    out.end_year = std::clamp(scenario.end_year, kFirstYear + 1, kMaxEndYear);
    const int years = out.years();

    const double c = clamp01(p[p_export_controls]);
    const double d = clamp01(p[p_cloud_denial]);
    const double privacy = clamp01(p[p_privacy_law]);

    const double ppi = p[p_price_performance_growth];
    const double life = p[p_depreciation_life];
    const double keep = 1.0 - 1.0 / life;  // geometric decay: a chip delivers `life` H100e-years in total
    const double run_seconds = p[p_run_length_days] * kSecondsPerDay;
    const double flop_per_cluster_h100e = p[p_utilisation] * run_seconds * kFlopPerH100e;
    const double inf_share = p[p_inference_share];

    // Year-independent pieces of the cloud route.
    const double hazard = cutoff_hazard(p, d);
    const double seizure_keep = 1.0 - p[p_conflict_probability] * p[p_seizure_share];
    const double cloud_value = (1.0 - hazard) * seizure_keep;  // expected usable share of a rented H100e
    const double cloud_open = 1.0 - cloud_closed_share(p, d);
    const AbroadShares abroad = abroad_shares(p, privacy);
    const double abroad_total = abroad.total();

    // Domestic ramp: HBM and tool controls remove part of the growth.
    const double dom_growth = 1.0 + (p[p_domestic_output_growth] - 1.0) * (1.0 - p[p_hbm_tool_drag] * c);
    const double dom_units_2024 = p[p_domestic_dies_2024] * p[p_domestic_yield];

    // Stocks before 2022: both blocs bought freely at market prices (controls began Oct 2022).
    const double price_2022 = p[p_price_h100e_2023] * ppi;
    const double f_hist_g = p[p_frontier_budget_growth_hist] * ppi;
    const double r_hist_g = p[p_restricted_budget_growth_hist] * ppi;
    double f_stock = steady_stock_before(budget_usd(p[p_frontier_budget_2025], p[p_frontier_budget_growth_hist],
                                                    p[p_frontier_budget_growth], kFirstYear) /
                                             price_2022,
                                         f_hist_g, keep);
    const double r_first = budget_usd(p[p_restricted_budget_2025], p[p_restricted_budget_growth_hist],
                                      p[p_restricted_budget_growth], kFirstYear) /
                           price_2022;
    double stock_legal = steady_stock_before(r_first, r_hist_g, keep);
    double stock_smuggled = 0, stock_domestic = 0;
    double book_value = stock_legal * price_2022 * ppi;  // what the owned stock cost, depreciating like it

    // Yearly compounding quantities, all starting at kFirstYear.
    LegalPenalty legal_penalty(p, c, kFirstYear);
    Compound price_c{p[p_price_h100e_2023] * ppi, 1.0 / ppi};
    Compound f_trend_c{p[p_frontier_run_2023] / p[p_frontier_growth], p[p_frontier_growth]};
    Compound dom_perf_c{p[p_domestic_perf_2024] / ipow(p[p_domestic_perf_growth], 2024 - kFirstYear),
                        p[p_domestic_perf_growth]};
    Compound dom_units_c{dom_units_2024 / ipow(dom_growth, 2024 - kFirstYear), dom_growth};
    Spending f_spend(p[p_frontier_budget_2025], p[p_frontier_budget_growth_hist], p[p_frontier_budget_growth]);
    Spending r_spend(p[p_restricted_budget_2025], p[p_restricted_budget_growth_hist], p[p_restricted_budget_growth]);
    const double log_frontier_growth = detmath::log(p[p_frontier_growth]);
    constexpr double kLn10 = 2.302585092994045684;

    for (int i = 0; i < years; ++i) {
        const int year = kFirstYear + i;
        if (i > 0) {
            legal_penalty.next_year();
            price_c.next_year();
            f_trend_c.next_year();
            dom_perf_c.next_year();
            dom_units_c.next_year();
            f_spend.next_year(year);
            r_spend.next_year(year);
        }
        const double price = price_c.value;

        // ---- frontier: buys at the market price; its largest run follows the historical trend
        // until its own largest cluster cannot deliver more.
        const double f_budget = f_spend.value;
        const double f_acq = f_budget / price;
        f_stock = f_stock * keep + f_acq;
        const double f_cluster = f_stock * p[p_frontier_cluster_share];
        const double f_trend = f_trend_c.value;
        const double f_capacity = f_cluster * flop_per_cluster_h100e;
        const double f_run = std::max(kMinRunFlop, std::min(f_trend, f_capacity));
        // Observed frontier runs used only part of what the largest cluster could deliver in a full
        // run (shorter runs, shared clusters); the restricted country's runs get the same share, so
        // the two blocs are compared like for like and the gap is the gap between their clusters.
        const double realisation = f_capacity > 0 ? std::min(1.0, f_run / f_capacity) : 1.0;

        // ---- restricted country: the year's budget, spent route by route.
        const double budget = r_spend.value;
        double left = budget;

        // Lawful imports come first: no legal risk and the full software stack, so firms buy every
        // licensed chip they can afford before grey or immature routes (~1M H20 ordered in 2024
        // while smuggled H100s and Ascends were on offer [S24,S28]). It also keeps the promise that
        // stricter controls never raise legal imports.
        const double legal_price = price * legal_penalty.value();
        const double legal = buy(legal_cap_h100e(p, c), legal_price, left);
        double owned_spend = legal * legal_price;

        // Capped routes to owned chips, cheapest usable H100e first.
        const double smuggle_cap = p[p_smuggling_leak] * f_acq * (1.0 - c * p[p_smuggling_policing]);
        const double smuggle_price = price * p[p_smuggling_premium];
        const double dom_perf = dom_perf_c.value;
        const double dom_cap = dom_units_c.value * dom_perf;
        // Domestic makers sell at the market price when their cost is below it.
        const double dom_price = std::max(price, p[p_domestic_chip_price] / dom_perf);
        double smuggled = 0, domestic = 0;
        if (smuggle_price <= dom_price) {
            smuggled = buy(smuggle_cap, smuggle_price, left);
            domestic = buy(dom_cap, dom_price, left);
        } else {
            domestic = buy(dom_cap, dom_price, left);
            smuggled = buy(smuggle_cap, smuggle_price, left);
        }
        owned_spend += smuggled * smuggle_price + domestic * dom_price;

        stock_legal = stock_legal * keep + legal;
        stock_smuggled = stock_smuggled * keep + smuggled;
        stock_domestic = stock_domestic * keep + domestic;
        book_value = book_value * keep + owned_spend;
        const double owned = stock_legal + stock_smuggled + stock_domestic;

        // Foreign cloud is the residual route: developers rent only what they cannot own (cost,
        // certainty, control of the cluster), and renting costs at least the premium over owning.
        // Renting one H100e-year costs premium * price / life (a bought chip gives `life` H100e-years).
        // Denial closes part of the rentable pool; privacy law caps the work done abroad at the
        // allowed share a of all work: rented <= a / (1 - a) * owned.
        const double rent_cost = p[p_rent_premium] * price / life;
        const double pool = f_stock * p[p_rentable_pool_share] * cloud_open;
        const double privacy_cap = abroad_total >= 1.0 ? HUGE_VAL : abroad_total / (1.0 - abroad_total) * owned;
        const double rented = cloud_value > 0 ? buy(std::min(pool, privacy_cap), rent_cost, left) : 0.0;
        const double rent_spend = rented * rent_cost;

        // Rented compute is worth less than owned: it may be cut off or seized.
        const double cloud_usable = rented * cloud_value;
        const double cloud_inference = abroad_total > 0 ? cloud_usable * abroad.inference / abroad_total : 0.0;
        const double cloud_training = cloud_usable - cloud_inference;
        const double usable = owned + cloud_usable;
        const double inference = inf_share * owned + cloud_inference;

        // The largest run needs one contiguous cluster: the best of an owned cluster and the
        // largest block one can rent (sites abroad and at home cannot be one cluster).
        const double own_cluster = owned * p[p_restricted_cluster_share];
        const double rent_block = std::min(cloud_training, p[p_rent_block_share] * f_cluster);
        const double run =
            std::max(kMinRunFlop, std::max(own_cluster, rent_block) * flop_per_cluster_h100e * realisation);

        const double log_gap = detmath::log(f_run / run);
        const double years_behind = std::max(0.0, log_gap / log_frontier_growth);
        // Capability grows with log compute; a gap of `span` orders of magnitude is a total shortfall.
        const double shortfall = clamp01(log_gap / kLn10 / p[p_capability_oom_span]);
        const double barrier = p[p_foreign_model_barrier];
        const double on_domestic_models = barrier + (1.0 - barrier) * p[p_domestic_model_preference];

        auto set = [&](int s, double v) { out.value[s][i] = v; };
        set(r_owned_stock_h100e, owned);
        set(r_stock_legal_h100e, stock_legal);
        set(r_stock_smuggled_h100e, stock_smuggled);
        set(r_stock_domestic_h100e, stock_domestic);
        set(r_acquired_legal_h100e, legal);
        set(r_acquired_smuggled_h100e, smuggled);
        set(r_acquired_domestic_h100e, domestic);
        set(r_foreign_cloud_h100e, cloud_usable);
        set(r_usable_compute_h100e, usable);
        set(r_largest_training_run_flop, run);
        set(r_inference_capacity_h100e, inference);
        set(r_compute_ratio, f_stock > 0 ? usable / f_stock : 0.0);
        set(r_training_run_ratio, run / f_run);
        set(r_years_behind, years_behind);
        set(r_leverage_share, usable > 0 ? clamp01(cloud_usable / usable) : 0.0);
        set(r_seizure_exposure_h100e, rented);
        set(r_inference_abroad_share, inference > 0 ? clamp01(cloud_inference / inference) : 0.0);
        set(r_industry_impact, clamp01(on_domestic_models * shortfall));
        set(r_cost_per_usable_h100e_year, usable > 0 ? (book_value / life + rent_spend) / usable : 0.0);
        set(f_owned_stock_h100e, f_stock);
        set(f_acquired_legal_h100e, f_acq);
        set(f_usable_compute_h100e, f_stock);
        set(f_largest_training_run_flop, f_run);
        set(f_inference_capacity_h100e, inf_share * f_stock);
    }
}

double metric_value(const Run& run, Metric metric, int year) {
    const int y = std::clamp(year, run.first_year, run.end_year);
    if (metric == Metric::years_behind) return run.at(r_years_behind, y);
    const double ratio = run.at(r_compute_ratio, y);
    return ratio > 0 ? -detmath::log(ratio) / 2.302585092994045684 : 0.0;
}

}  // namespace cp
