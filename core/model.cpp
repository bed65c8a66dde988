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
constexpr double kHoursPerYear = 8760.0;
// A country with no cluster at all still "trains" something tiny; keeps logs finite.
constexpr double kMinRunFlop = 1e18;
constexpr double kLn10 = 2.302585092994045684;
// All-in power of one H100e in 2025 (700 W chip, plus host, network and cooling).
constexpr double kWattsPerH100e2025 = 1400.0;
// Years whose spending is observed (the restricted budget is a table up to here).
constexpr int kLastBudgetYear = 2025;

// x^n by repeated multiplication. Like detmath's log/exp/pow, it uses IEEE arithmetic only, so a
// run gives the same bits natively and in wasm (libm's pow/log differ between glibc and musl).
double ipow(double x, int n) {
    double r = 1.0;
    const bool inv = n < 0;
    for (int k = inv ? -n : n; k > 0; --k) r *= x;
    return inv ? 1.0 / r : r;
}

double clamp01(double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); }

// Frontier spending grows at one rate up to 2025 (observed) and another after it (assumed).
double frontier_budget_usd(const Params& p, int year) {
    const double b = p[p_frontier_budget_2025] * 1e9;
    return year <= 2025 ? b / ipow(p[p_frontier_budget_growth_hist], 2025 - year)
                        : b * ipow(p[p_frontier_budget_growth], year - 2025);
}

// Restricted spending: observed flows at their prices for 2022-2025 (a back-cast from 2025 would
// put 2022 about 4x too high), the assumed growth after.
double restricted_budget_usd(const Params& p, int year) {
    switch (year) {
        case 2022:
            return p[p_restricted_budget_2022] * 1e9;
        case 2023:
            return p[p_restricted_budget_2023] * 1e9;
        case 2024:
            return p[p_restricted_budget_2024] * 1e9;
        default:
            break;
    }
    return p[p_restricted_budget_2025] * 1e9 * ipow(p[p_restricted_budget_growth], year - kLastBudgetYear);
}

// Stock at the end of 2021 as if purchases had grown at `growth` forever: sum_k a/g^k * keep^k.
double steady_stock_before(double first_purchase, double growth, double keep) {
    return first_purchase / growth / (1.0 - keep / growth);
}

// Foreign cloud: how much of the rentable pool denial d closes. Hyperscalers at home obey fully;
// third countries only as far as they enforce.
double cloud_closed_share(const Params& p, double d) {
    const double tc = p[p_third_country_share];
    return clamp01(d * ((1.0 - tc) + tc * p[p_third_country_enforcement]));
}
// Of the cloud denial leaves open, the share the frontier's government could still switch off: all of
// what hyperscalers at home rent, and third countries' only as far as they enforce. Third-country
// cloud is what dilutes the leverage (and denial leaves proportionally more of it open).
double switchable_share_of_open_cloud(const Params& p, double d) {
    const double tc = p[p_third_country_share], e = p[p_third_country_enforcement];
    const double home = (1.0 - tc) * (1.0 - d), abroad = tc * (1.0 - e * d);
    return home + abroad > 0.0 ? (home + abroad * e) / (home + abroad) : 1.0;
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

// A capped route to owned chips in one year.
struct Route {
    double cap, price, bought;
};

// x^(y) for x > 0 through detmath, skipping the work when y is 0 or x is 1.
double dpow(double x, double y) { return (y == 0.0 || x == 1.0) ? 1.0 : detmath::pow(x, y); }

// (a^rho + b^rho)^(1/rho) for a, b >= 0: grows with both, so neither site is ever ignored.
double combine_sites(double a, double b, double rho) {
    const double hi = std::max(a, b), lo = std::min(a, b);
    if (!(hi > 0)) return 0.0;
    if (!(lo > 0)) return hi;
    if (rho == 1.0) return hi + lo;
    const double t = lo / hi;
    const double tr = rho == 2.0 ? t * t : dpow(t, rho);
    return hi * (rho == 2.0 ? std::sqrt(1.0 + tr) : dpow(1.0 + tr, 1.0 / rho));
}

void simulate_impl(const Scenario& scenario, const Params& given, Run& out, int switch_off_year,
                   unsigned levers_off = 0) {
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

    // Each lever, year by year: history before the policy year, the reader's value from it on.
    double lever_c[kMaxYears], lever_d[kMaxYears], lever_v[kMaxYears];
    lever_path(scenario, 0, p[p_export_controls], lever_c);
    lever_path(scenario, 1, p[p_cloud_denial], lever_d);
    lever_path(scenario, 2, p[p_privacy_law], lever_v);
    double* const paths[kLeverCount] = {lever_c, lever_d, lever_v};
    for (int l = 0; l < kLeverCount; ++l)
        if (levers_off & (1u << l))
            for (int y = std::max(0, scenario.policy_year - kFirstYear); y < kMaxYears; ++y) paths[l][y] = 0.0;

    const double ppi = p[p_price_performance_growth];
    const double life = p[p_depreciation_life];
    const double keep = 1.0 - 1.0 / life;  // geometric decay: a chip delivers `life` H100e-years in total
    // The owner's yearly cost of holding an H100e bought at price P is P x user_cost: it resells
    // for keep x P / ppi a year later, and the money could have earned cost_of_capital.
    const double user_cost = 1.0 - keep / (ppi * (1.0 + p[p_cost_of_capital]));
    const double run_seconds = p[p_run_length_days] * kSecondsPerDay;
    const double flop_per_cluster_h100e = p[p_utilisation] * run_seconds * kFlopPerH100e;
    const double inf_share = p[p_inference_share];
    const double rent_m = p[p_rent_premium];
    const double seizure_keep = 1.0 - p[p_conflict_probability] * p[p_seizure_share];
    const double control_keep = 1.0 - p[p_control_discount];
    // Value of a rented H100e against an owned one on the open market (no denial): with the owners'
    // yardstick premium, the dearest owned route worth buying. The yardstick is not the rent premium
    // lever: were it, cheaper renting would shut out chips that capped leases cannot replace, and the
    // country would own less, train smaller and leave money unspent (core/README "Rent premium").
    const double rent_value_open = (1.0 - cutoff_hazard(p, 0.0)) * seizure_keep * control_keep;
    const double owned_ceiling =
        rent_value_open > 0 ? p[p_owners_yardstick] / rent_value_open : HUGE_VAL;  // x market price
    const double run_fraction_of_year = p[p_run_length_days] / 365.0;
    const double rho = p[p_run_combine_rho];

    // Domestic ramp: anchored at 2024's observed output, back-cast at the lever-free growth (so
    // history before 2024 does not depend on any lever), then each year's growth shrunk by that
    // year's controls (HBM and tools slow both output and per-chip performance).
    const double dom_units_2024 = p[p_domestic_dies_2024] * p[p_domestic_yield];
    const double out_g = p[p_domestic_output_growth], perf_g = p[p_domestic_perf_growth];
    double dom_units = dom_units_2024 / ipow(out_g, 2024 - kFirstYear);
    double dom_perf = p[p_domestic_perf_2024] / ipow(perf_g, 2024 - kFirstYear);

    // Stocks before 2022: both blocs bought freely at market prices (controls began Oct 2022).
    const double price_2022 = p[p_price_h100e_2023] * ppi;
    double f_stock = steady_stock_before(frontier_budget_usd(p, kFirstYear) / price_2022,
                                         p[p_frontier_budget_growth_hist] * ppi, keep);
    double stock_legal = steady_stock_before(restricted_budget_usd(p, kFirstYear) / price_2022,
                                             p[p_restricted_budget_growth_hist] * ppi, keep);
    double stock_smuggled = 0, stock_domestic = 0, stock_leased = 0;
    double owner_cost = stock_legal * price_2022 * ppi * user_cost;  // yearly cost of what is held

    double price = price_2022;
    double power_cap_w = 0;
    double watts_per_h100e = kWattsPerH100e2025 / ipow(p[p_energy_efficiency_growth], 2025 - kFirstYear);
    // Terms that depend on this year's controls c. While c holds from one year to the next they are
    // compounded (one multiplication) instead of recomputed (an exp each).
    double last_c = -1.0, legal_raw = 1.0, legal_raw_step = 1.0, smuggle_factor = 1.0;
    double f_trend = p[p_frontier_run_2023] / p[p_frontier_growth];
    double frontier_budget = frontier_budget_usd(p, kFirstYear);
    const double log_frontier_growth = detmath::log(p[p_frontier_growth]);
    const double log_penalty = detmath::log(p[p_legal_chip_penalty]);
    const double log_ppi = detmath::log(ppi);
    const double log_smuggling_premium = detmath::log(p[p_smuggling_premium]);

    for (int i = 0; i < years; ++i) {
        const int year = kFirstYear + i;
        const double c = clamp01(lever_c[i]), d = clamp01(lever_d[i]), v = clamp01(lever_v[i]);
        const bool switched_off = switch_off_year > 0 && year >= switch_off_year;
        if (i > 0) {
            price /= ppi;
            f_trend *= p[p_frontier_growth];
            frontier_budget *= year <= 2025 ? p[p_frontier_budget_growth_hist] : p[p_frontier_budget_growth];
            if (year <= 2024) {
                dom_units *= out_g;
                dom_perf *= perf_g;
            } else {
                const double drag = 1.0 - p[p_hbm_tool_drag] * c;
                dom_units *= 1.0 + (out_g - 1.0) * drag;
                dom_perf *= 1.0 + (perf_g - 1.0) * drag;
            }
        }

        // ---- frontier: buys at the market price, as far as power allows after 2025; its largest run
        // follows the historical trend until its own largest cluster cannot deliver more.
        if (i > 0) watts_per_h100e /= p[p_energy_efficiency_growth];
        if (year == 2025) power_cap_w = 0;  // set below from 2025's own draw
        double f_acq = frontier_budget / price;
        if (year > 2025) {
            power_cap_w *= p[p_frontier_power_growth];
            f_acq = std::max(0.0, std::min(f_acq, power_cap_w / watts_per_h100e - f_stock * keep));
        }
        f_stock = f_stock * keep + f_acq;
        if (year == 2025) power_cap_w = f_stock * watts_per_h100e;
        const double f_cluster = f_stock * p[p_frontier_cluster_share];
        const double f_capacity = f_cluster * flop_per_cluster_h100e;
        const double f_run = std::max(kMinRunFlop, std::min(f_trend, f_capacity));
        // Observed frontier runs used only part of what the largest cluster could deliver in a full
        // run (shorter runs, shared clusters); the restricted country's runs get the same share, so
        // the two blocs are compared like for like and the gap is the gap between their clusters.
        const double realisation = f_capacity > 0 ? std::min(1.0, f_run / f_capacity) : 1.0;

        // ---- foreign cloud this year: price, value and what is open.
        const double hazard = cutoff_hazard(p, d);
        const double rent_value = (1.0 - hazard) * seizure_keep * control_keep;  // usable share of a rented H100e
        // A reservation is bought like a chip (and wears out like one) at a premium that denial raises.
        const double lease_price = rent_m * price * (1.0 + p[p_rent_denial_markup] * d);
        const double rent_per_year = lease_price * user_cost;
        const double pool_open =
            switched_off ? 0.0 : f_stock * p[p_rentable_pool_share] * (1.0 - cloud_closed_share(p, d));
        const AbroadShares abroad = abroad_shares(p, v);
        const double abroad_total = abroad.total();

        // ---- owned routes, cheapest first, each only while it costs no more per usable H100e than
        // renting on the open market (owners would rent instead).
        const double budget = restricted_budget_usd(p, year);
        double left = budget;
        const int k = year - 2024;
        const double log_legal_base = log_penalty + k * log_ppi;  // the threshold is fixed: legal chips fall behind
        if (c != last_c) {
            legal_raw = detmath::exp(c * log_legal_base);  // (penalty x ppi^k)^c
            legal_raw_step = detmath::exp(c * log_ppi);
            smuggle_factor = detmath::exp((0.5 + 0.5 * c) * log_smuggling_premium);
            last_c = c;
        } else {
            legal_raw *= legal_raw_step;
        }
        const double legal_factor = log_legal_base > 0 ? legal_raw : 1.0;
        Route legal{switched_off || c >= 1.0 ? 0.0 : (c <= 0 ? HUGE_VAL : p[p_legal_quota] * (1.0 - c) / c),
                    price * legal_factor, 0.0};
        Route smuggled{p[p_smuggling_leak] * f_acq * (1.0 - c * p[p_smuggling_policing]), price * smuggle_factor, 0.0};
        // Domestic makers sell at the market price when their cost is below it; above it, never for more
        // than renting costs per usable H100e (the state covers the difference, as it funds the fabs).
        Route domestic{dom_units * dom_perf,
                       std::min(owned_ceiling * price, std::max(price, p[p_domestic_chip_price] / dom_perf)), 0.0};
        // Cheapest first; ties keep the order legal, smuggled, domestic (three compares, no allocation).
        Route* order[3] = {&legal, &smuggled, &domestic};
        if (order[1]->price < order[0]->price) std::swap(order[0], order[1]);
        if (order[2]->price < order[1]->price) std::swap(order[1], order[2]);
        if (order[1]->price < order[0]->price) std::swap(order[0], order[1]);
        double owned_spend = 0;
        for (Route* r : order) {
            if (r->price > owned_ceiling * price) continue;
            r->bought = buy(r->cap, r->price, left);
            owned_spend += r->bought * r->price;
        }
        stock_legal = stock_legal * keep + legal.bought;
        stock_smuggled = stock_smuggled * keep + smuggled.bought;
        stock_domestic = stock_domestic * keep + domestic.bought;
        owner_cost = owner_cost * keep + owned_spend * user_cost;
        const double owned = stock_legal + stock_smuggled + stock_domestic;

        // ---- leases: the dearest route per usable H100e, so they take what money is left, up to
        // the open pool and the work privacy law lets go abroad (abroad <= a / (1 - a) x home).
        const double privacy_cap = abroad_total >= 1.0 ? HUGE_VAL : abroad_total / (1.0 - abroad_total) * owned;
        const double lease_cap = std::min(pool_open, privacy_cap);
        const double held = stock_leased * keep;
        double leased_now = 0;
        if (held >= lease_cap) {
            stock_leased = lease_cap;  // a cut-off or a tighter cap ends reservations early
        } else {
            leased_now = buy(lease_cap - held, lease_price, left);
            stock_leased = held + leased_now;
        }

        // Rented compute is worth less than owned: it may be cut off or seized, and it is not yours.
        const double cloud_usable = stock_leased * rent_value;
        const double cloud_inference = abroad_total > 0 ? cloud_usable * abroad.inference / abroad_total : 0.0;
        const double usable = owned + cloud_usable;
        const double inference = inf_share * owned + cloud_inference;

        // ---- the largest run: the owned cluster at home, combined with the largest block one can
        // rent abroad. Controls fragment owned sites; the block is sized by providers and policy
        // (not by how much is leased, or tighter chip controls would enlarge it), shrunk by denial,
        // by what may be trained abroad, and capped by what a slice of the budget can rent for a run.
        const double cluster_share = p[p_restricted_cluster_share] * (1.0 - p[p_cluster_fragmentation] * c);
        const double own_cluster = owned * cluster_share;
        const double provider_block = std::max(p[p_hyperscaler_block_share] * (1.0 - d),
                                               p[p_rent_block_share] * (1.0 - p[p_third_country_enforcement] * d));
        const double block_cap = p[p_block_budget_share] * budget / (rent_per_year * run_fraction_of_year);
        const double block = switched_off ? 0.0
                                          : std::min(block_cap, rent_value * provider_block * f_cluster *
                                                                    (1.0 - v * p[p_training_personal_data_share]));
        const double run =
            std::max(kMinRunFlop, combine_sites(own_cluster, block, rho) * flop_per_cluster_h100e * realisation);

        const double log_gap = detmath::log(f_run / run);
        const double years_behind = std::max(0.0, log_gap / log_frontier_growth);
        // Capability grows with log compute; a gap of `span` orders of magnitude is a total shortfall.
        const double shortfall = clamp01(log_gap / kLn10 / p[p_capability_oom_span]);
        const double barrier = p[p_foreign_model_barrier];
        const double on_domestic_models = barrier + (1.0 - barrier) * p[p_domestic_model_preference];

        auto set = [&](int s, double value) { out.value[s][i] = value; };
        set(r_owned_stock_h100e, owned);
        set(r_stock_legal_h100e, stock_legal);
        set(r_stock_smuggled_h100e, stock_smuggled);
        set(r_stock_domestic_h100e, stock_domestic);
        set(r_acquired_legal_h100e, legal.bought);
        set(r_acquired_smuggled_h100e, smuggled.bought);
        set(r_acquired_domestic_h100e, domestic.bought);
        set(r_foreign_cloud_h100e, cloud_usable);
        set(r_usable_compute_h100e, usable);
        set(r_largest_training_run_flop, run);
        set(r_inference_capacity_h100e, inference);
        set(r_compute_ratio, f_stock > 0 ? usable / f_stock : 0.0);
        set(r_training_run_ratio, run / f_run);
        set(r_years_behind, years_behind);
        set(r_leverage_share, usable > 0 ? clamp01(cloud_usable * switchable_share_of_open_cloud(p, d) / usable) : 0.0);
        set(r_seizure_exposure_h100e, stock_leased);
        set(r_inference_abroad_share, inference > 0 ? clamp01(cloud_inference / inference) : 0.0);
        set(r_industry_impact, clamp01(on_domestic_models * shortfall));
        set(r_cost_per_usable_h100e_year, usable > 0 ? (owner_cost + stock_leased * rent_per_year) / usable : 0.0);
        set(r_capability_lag_months, 12.0 * years_behind * (1.0 - p[p_capability_catch_up]));
        set(r_rent_usd_per_h100e_hour, rent_per_year / kHoursPerYear);
        set(r_unspent_budget_usd, left);
        set(r_budget_usd, budget);
        set(r_own_cluster_h100e, own_cluster);
        set(r_rented_block_h100e, block);
        set(r_leased_stock_h100e, stock_leased);
        set(f_owned_stock_h100e, f_stock);
        set(f_acquired_legal_h100e, f_acq);
        set(f_usable_compute_h100e, f_stock);
        set(f_largest_training_run_flop, f_run);
        set(f_inference_capacity_h100e, inf_share * f_stock);
        set(f_largest_cluster_h100e, f_cluster);
        set(f_power_gw, f_stock * watts_per_h100e * 1e-9);
    }
}

}  // namespace

void simulate(const Scenario& scenario, const Params& params, Run& out) { simulate_impl(scenario, params, out, 0); }

void simulate_levers_off(const Scenario& scenario, const Params& params, unsigned off_mask, Run& out) {
    simulate_impl(scenario, params, out, 0, off_mask);
}

void simulate_switch_off(const Scenario& scenario, const Params& params, int year, Run& out) {
    simulate_impl(scenario, params, out, year);
}

double metric_value(const Run& run, Metric metric, int year) {
    const int y = std::clamp(year, run.first_year, run.end_year);
    if (metric == Metric::years_behind) return run.at(r_years_behind, y);
    const double ratio = run.at(r_compute_ratio, y);
    return ratio > 0 ? -detmath::log(ratio) / kLn10 : 0.0;
}

}  // namespace cp
