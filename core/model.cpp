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
// Frontier-class models open to learning from (GPT-4's API, Mar 2023): practice at copying counts from here.
constexpr int kFirstDistillationYear = 2023;
// The largest labs lease whole clusters from third-country operators from April 2025, after the H20
// licence requirement [S41,S60]: before it their largest runs were trained at home, and in 2025 the
// route is open for the three quarters of the year after it.
constexpr int kFirstOffshoreYear = 2025;
constexpr double kFirstOffshoreYearShare = 0.75;

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

// (sum of x_i^rho)^(1/rho) over the sites of one run, each >= 0: grows with every site, so none is
// ever ignored (multi-site training works, at a cost that rho sets).
double combine_sites(const double (&site)[3], double rho) {
    const double hi = std::max(site[0], std::max(site[1], site[2]));
    if (!(hi > 0)) return 0.0;
    double sum = 0;
    for (double x : site) {
        const double t = x > 0 ? x / hi : 0.0;
        sum += rho == 1.0 ? t : (rho == 2.0 ? t * t : (t > 0 ? dpow(t, rho) : 0.0));
    }
    return hi * (rho == 1.0 ? sum : (rho == 2.0 ? std::sqrt(sum) : dpow(sum, 1.0 / rho)));
}

// Terms that depend on the parameters alone, computed once a run.
struct RunTerms {
    double ppi, keep, user_cost, flop_per_cluster_h100e, inf_share, rent_m, seizure_keep, control_keep;
    double owned_ceiling;  // dearest owned route worth buying, x the market price
    double run_fraction_of_year, rho;
    double log_frontier_growth, log_penalty, log_ppi, log_smuggling_premium;
    double log_capability_growth;  // ln(frontier growth x algorithmic progress): capability per year
    double method_gap;             // diffusion delay x ln(algorithmic progress), in log effective compute
    double copy_ceiling;           // distillation_max x access
    double practice_step;          // exp(-access / distillation_years): one more year of practice
};

RunTerms run_terms(const Params& p) {
    RunTerms t{};
    t.ppi = p[p_price_performance_growth];
    // Geometric decay: a chip delivers `life` H100e-years in total.
    t.keep = 1.0 - 1.0 / p[p_depreciation_life];
    // The owner's yearly cost of holding an H100e bought at price P is P x user_cost: it resells for
    // keep x P / ppi a year later, and the money could have earned cost_of_capital.
    t.user_cost = 1.0 - t.keep / (t.ppi * (1.0 + p[p_cost_of_capital]));
    t.flop_per_cluster_h100e = p[p_utilisation] * p[p_run_length_days] * kSecondsPerDay * kFlopPerH100e;
    t.inf_share = p[p_inference_share];
    t.rent_m = p[p_rent_premium];
    t.seizure_keep = 1.0 - p[p_conflict_probability] * p[p_seizure_share];
    t.control_keep = 1.0 - p[p_control_discount];
    // Value of a rented H100e against an owned one on the open market (no denial): with the owners'
    // yardstick premium, the dearest owned route worth buying. The yardstick is not the rent premium
    // lever: were it, cheaper renting would shut out chips that capped leases cannot replace, and the
    // country would own less, train smaller and leave money unspent (core/README "Rent premium").
    const double rent_value_open = (1.0 - cutoff_hazard(p, 0.0)) * t.seizure_keep * t.control_keep;
    t.owned_ceiling = rent_value_open > 0 ? p[p_owners_yardstick] / rent_value_open : HUGE_VAL;
    t.run_fraction_of_year = p[p_run_length_days] / 365.0;
    t.rho = p[p_run_combine_rho];
    t.log_frontier_growth = detmath::log(p[p_frontier_growth]);
    t.log_penalty = detmath::log(p[p_legal_chip_penalty]);
    t.log_ppi = detmath::log(t.ppi);
    t.log_smuggling_premium = detmath::log(p[p_smuggling_premium]);
    const double log_algorithms = detmath::log(p[p_algorithmic_progress]);
    t.log_capability_growth = t.log_frontier_growth + log_algorithms;
    t.method_gap = p[p_method_diffusion_delay] * log_algorithms;
    const double access = p[p_frontier_model_access];
    t.copy_ceiling = p[p_distillation_max] * access;
    t.practice_step = detmath::exp(-access / p[p_distillation_years]);
    return t;
}

// What carries from one year to the next.
struct Carry {
    double price, f_trend, frontier_budget, watts_per_h100e, power_cap_w = 0;
    double f_stock, stock_legal, stock_smuggled = 0, stock_domestic = 0, stock_leased = 0, owner_cost;
    double dom_units, dom_perf;
    double offshore_supply;      // before the third-country pool's cap
    double practice_left = 1.0;  // exp(-years of access to frontier models / distillation_years)
    // Terms of this year's controls c, compounded while c holds (one multiplication instead of an exp).
    double last_c = -1.0, legal_raw = 1.0, legal_raw_step = 1.0, smuggle_factor = 1.0;
};

// Stocks before 2022: both blocs bought freely at market prices (controls began Oct 2022).
Carry initial_carry(const Params& p, const RunTerms& t) {
    Carry s{};
    const double price_2022 = p[p_price_h100e_2023] * t.ppi;
    s.price = price_2022;
    s.f_stock = steady_stock_before(frontier_budget_usd(p, kFirstYear) / price_2022,
                                    p[p_frontier_budget_growth_hist] * t.ppi, t.keep);
    s.stock_legal = steady_stock_before(restricted_budget_usd(p, kFirstYear) / price_2022,
                                        p[p_restricted_budget_growth_hist] * t.ppi, t.keep);
    s.owner_cost = s.stock_legal * price_2022 * t.ppi * t.user_cost;  // yearly cost of what is held
    s.watts_per_h100e = kWattsPerH100e2025 / ipow(p[p_energy_efficiency_growth], 2025 - kFirstYear);
    s.f_trend = p[p_frontier_run_2023] / p[p_frontier_growth];
    s.frontier_budget = frontier_budget_usd(p, kFirstYear);
    // Domestic ramp: anchored at 2024's observed output, back-cast at the lever-free growth (so history
    // before 2024 does not depend on any lever).
    s.dom_units = p[p_domestic_dies_2024] * p[p_domestic_yield] / ipow(p[p_domestic_output_growth], 2024 - kFirstYear);
    s.dom_perf = p[p_domestic_perf_2024] / ipow(p[p_domestic_perf_growth], 2024 - kFirstYear);
    s.offshore_supply = p[p_offshore_capacity_2026] / ipow(p[p_offshore_capacity_growth], 2026 - kFirstYear);
    return s;
}

// Stage 1: a year passes. Prices fall, trends and budgets grow, the domestic ramp grows with the
// growth that this year's controls c leave it (HBM and tools slow output and per-chip performance).
void advance_year(const Params& p, const RunTerms& t, int year, double c, Carry& s) {
    s.price /= p[p_price_performance_growth];
    s.f_trend *= p[p_frontier_growth];
    s.frontier_budget *= year <= 2025 ? p[p_frontier_budget_growth_hist] : p[p_frontier_budget_growth];
    const double out_g = p[p_domestic_output_growth], perf_g = p[p_domestic_perf_growth];
    if (year <= 2024) {
        s.dom_units *= out_g;
        s.dom_perf *= perf_g;
    } else {
        const double drag = 1.0 - p[p_hbm_tool_drag] * c;
        s.dom_units *= 1.0 + (out_g - 1.0) * drag;
        s.dom_perf *= 1.0 + (perf_g - 1.0) * drag;
    }
    s.watts_per_h100e /= p[p_energy_efficiency_growth];
    s.offshore_supply *= p[p_offshore_capacity_growth];
    // A year more of practice at copying, learned on the frontier's models already out.
    if (year > kFirstDistillationYear) s.practice_left *= t.practice_step;
}

// Stage 2: the frontier buys at the market price, as far as power allows after 2025; its largest run
// follows the historical trend until its own largest cluster cannot deliver more.
struct FrontierYear {
    double acquired, cluster, run, realisation;
};
FrontierYear frontier_year(const Params& p, const RunTerms& t, int year, Carry& s) {
    FrontierYear f{};
    if (year == 2025) s.power_cap_w = 0;  // set below from 2025's own draw
    f.acquired = s.frontier_budget / s.price;
    if (year > 2025) {
        s.power_cap_w *= p[p_frontier_power_growth];
        f.acquired = std::max(0.0, std::min(f.acquired, s.power_cap_w / s.watts_per_h100e - s.f_stock * t.keep));
    }
    s.f_stock = s.f_stock * t.keep + f.acquired;
    if (year == 2025) s.power_cap_w = s.f_stock * s.watts_per_h100e;
    f.cluster = s.f_stock * p[p_frontier_cluster_share];
    const double capacity = f.cluster * t.flop_per_cluster_h100e;
    f.run = std::max(kMinRunFlop, std::min(s.f_trend, capacity));
    // Observed frontier runs used only part of what the largest cluster could deliver in a full run
    // (shorter runs, shared clusters); the restricted country's runs get the same share, so the two
    // blocs are compared like for like and the gap is the gap between their clusters.
    f.realisation = capacity > 0 ? std::min(1.0, f.run / capacity) : 1.0;
    return f;
}

// Stage 3: foreign cloud this year under denial d: what a rented H100e is worth, what it costs, and
// how much of the world's rentable pool is open.
struct CloudYear {
    double rent_value, lease_price, rent_per_year, pool_open;
};
CloudYear cloud_year(const Params& p, const RunTerms& t, double d, double price, double f_stock, bool switched_off) {
    CloudYear cl{};
    cl.rent_value = (1.0 - cutoff_hazard(p, d)) * t.seizure_keep * t.control_keep;
    // A reservation is bought like a chip (and wears out like one) at a premium that denial raises.
    cl.lease_price = t.rent_m * price * (1.0 + p[p_rent_denial_markup] * d);
    cl.rent_per_year = cl.lease_price * t.user_cost;
    cl.pool_open = switched_off ? 0.0 : f_stock * p[p_rentable_pool_share] * (1.0 - cloud_closed_share(p, d));
    return cl;
}

// Stage 4: owned routes under controls c, cheapest first, each only while it costs no more per usable
// H100e than renting on the open market (owners would rent instead). Spends from `left`.
struct OwnedYear {
    Route legal, smuggled, domestic;
};
OwnedYear buy_owned(const Params& p, const RunTerms& t, int year, double c, double f_acquired, bool switched_off,
                    Carry& s, double& left) {
    const int k = year - 2024;
    const double log_legal_base = t.log_penalty + k * t.log_ppi;  // the threshold is fixed: legal chips fall behind
    if (c != s.last_c) {
        s.legal_raw = detmath::exp(c * log_legal_base);  // (penalty x ppi^k)^c
        s.legal_raw_step = detmath::exp(c * t.log_ppi);
        s.smuggle_factor = detmath::exp((0.5 + 0.5 * c) * t.log_smuggling_premium);
        s.last_c = c;
    } else {
        s.legal_raw *= s.legal_raw_step;
    }
    const double legal_factor = log_legal_base > 0 ? s.legal_raw : 1.0;
    const double price = s.price;
    OwnedYear o{};
    o.legal = {switched_off || c >= 1.0 ? 0.0 : (c <= 0 ? HUGE_VAL : p[p_legal_quota] * (1.0 - c) / c),
               price * legal_factor, 0.0};
    o.smuggled = {p[p_smuggling_leak] * f_acquired * (1.0 - c * p[p_smuggling_policing]), price * s.smuggle_factor,
                  0.0};
    // Domestic makers sell at the market price when their cost is below it; above it, never for more
    // than renting costs per usable H100e (the state covers the difference, as it funds the fabs).
    o.domestic = {s.dom_units * s.dom_perf,
                  std::min(t.owned_ceiling * price, std::max(price, p[p_domestic_chip_price] / s.dom_perf)), 0.0};
    // Cheapest first; ties keep the order legal, smuggled, domestic (three compares, no allocation).
    Route* order[3] = {&o.legal, &o.smuggled, &o.domestic};
    if (order[1]->price < order[0]->price) std::swap(order[0], order[1]);
    if (order[2]->price < order[1]->price) std::swap(order[1], order[2]);
    if (order[1]->price < order[0]->price) std::swap(order[0], order[1]);
    double owned_spend = 0;
    for (Route* r : order) {
        if (r->price > t.owned_ceiling * price) continue;
        r->bought = buy(r->cap, r->price, left);
        owned_spend += r->bought * r->price;
    }
    s.stock_legal = s.stock_legal * t.keep + o.legal.bought;
    s.stock_smuggled = s.stock_smuggled * t.keep + o.smuggled.bought;
    s.stock_domestic = s.stock_domestic * t.keep + o.domestic.bought;
    s.owner_cost = s.owner_cost * t.keep + owned_spend * t.user_cost;
    return o;
}

// Stage 5: leases are the dearest route per usable H100e, so they take what money is left, up to the
// open pool and the work privacy law lets go abroad (abroad <= a / (1 - a) x home). A cap that falls
// below what is held (a cut-off) ends reservations early.
void lease_abroad(const CloudYear& cl, double abroad_total, double owned, double keep, Carry& s, double& left) {
    const double privacy_cap = abroad_total >= 1.0 ? HUGE_VAL : abroad_total / (1.0 - abroad_total) * owned;
    const double lease_cap = std::min(cl.pool_open, privacy_cap);
    const double held = s.stock_leased * keep;
    if (held >= lease_cap) {
        s.stock_leased = lease_cap;
    } else {
        s.stock_leased = held + buy(lease_cap - held, cl.lease_price, left);
    }
}

// Stage 6: the largest run. Three sites combine: the owned cluster at home (controls fragment it), the
// largest block a hyperscaler rents, and the largest cluster a third-country operator leases. Rented
// sites are sized by providers and policy, never by how much is leased (or tighter chip controls,
// which push money abroad, would enlarge them); denial and privacy law shrink them, and each is capped
// by what a slice of the budget can rent for a run.
struct RunYear {
    double own_cluster, hyperscaler_block, offshore_supply, offshore_cluster, offshore_block, run;
};
RunYear largest_run(const Params& p, const RunTerms& t, const CloudYear& cl, const FrontierYear& f, int year, double c,
                    double d, double v, double owned, double budget, double offshore_supply, double f_stock,
                    bool switched_off) {
    RunYear r{};
    r.own_cluster = owned * p[p_restricted_cluster_share] * (1.0 - p[p_cluster_fragmentation] * c);
    const double trainable_abroad = 1.0 - v * p[p_training_personal_data_share];
    const double block_cap = p[p_block_budget_share] * budget / (cl.rent_per_year * t.run_fraction_of_year);
    // Offshore capacity is built on its operators' schedule, and never exceeds the third-country part
    // of the world's rentable pool.
    const double open_share =
        year < kFirstOffshoreYear ? 0.0 : (year == kFirstOffshoreYear ? kFirstOffshoreYearShare : 1.0);
    r.offshore_supply =
        open_share * std::min(offshore_supply, f_stock * p[p_rentable_pool_share] * p[p_third_country_share]);
    if (!switched_off) {
        r.hyperscaler_block = std::min(
            block_cap, cl.rent_value * p[p_hyperscaler_block_share] * (1.0 - d) * f.cluster * trainable_abroad);
        r.offshore_cluster = std::min(
            block_cap, p[p_offshore_block_share] * r.offshore_supply * (1.0 - p[p_third_country_enforcement] * d));
        r.offshore_block = cl.rent_value * r.offshore_cluster * trainable_abroad;
    }
    const double sites[3] = {r.own_cluster, r.hyperscaler_block, r.offshore_block};
    r.run = std::max(kMinRunFlop, combine_sites(sites, t.rho) * t.flop_per_cluster_h100e * f.realisation);
    return r;
}

// Stage 7: capability lag. Capability grows with compute x algorithms, so a compute gap G is
// ln G / ln(F a) years of capability, plus the delay before methods spread; learning from the
// frontier's models copies a share of that lead, which grows with years of practice.
double capability_lag_years(const RunTerms& t, double log_gap, double copied) {
    return std::max(0.0, (1.0 - copied) * (log_gap + t.method_gap) / t.log_capability_growth);
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

    const RunTerms t = run_terms(p);
    Carry s = initial_carry(p, t);

    for (int i = 0; i < years; ++i) {
        const int year = kFirstYear + i;
        const double c = clamp01(lever_c[i]), d = clamp01(lever_d[i]), v = clamp01(lever_v[i]);
        const bool switched_off = switch_off_year > 0 && year >= switch_off_year;
        if (i > 0) advance_year(p, t, year, c, s);

        const FrontierYear f = frontier_year(p, t, year, s);
        const CloudYear cl = cloud_year(p, t, d, s.price, s.f_stock, switched_off);
        const AbroadShares abroad = abroad_shares(p, v);
        const double abroad_total = abroad.total();

        const double budget = restricted_budget_usd(p, year);
        double left = budget;
        const OwnedYear o = buy_owned(p, t, year, c, f.acquired, switched_off, s, left);
        const double owned = s.stock_legal + s.stock_smuggled + s.stock_domestic;
        lease_abroad(cl, abroad_total, owned, t.keep, s, left);

        // Rented compute is worth less than owned: it may be cut off or seized, and it is not yours.
        const double cloud_usable = s.stock_leased * cl.rent_value;
        const double cloud_inference = abroad_total > 0 ? cloud_usable * abroad.inference / abroad_total : 0.0;
        const double usable = owned + cloud_usable;
        const double inference = t.inf_share * owned + cloud_inference;

        const RunYear r =
            largest_run(p, t, cl, f, year, c, d, v, owned, budget, s.offshore_supply, s.f_stock, switched_off);
        const double log_gap = detmath::log(f.run / r.run);
        const double years_behind = std::max(0.0, log_gap / t.log_frontier_growth);
        const double copied = year > kFirstDistillationYear ? t.copy_ceiling * (1.0 - s.practice_left) : 0.0;
        // Capability grows with log compute; a gap of `span` orders of magnitude is a total shortfall.
        const double shortfall = clamp01(log_gap / kLn10 / p[p_capability_oom_span]);
        const double barrier = p[p_foreign_model_barrier];
        const double on_domestic_models = barrier + (1.0 - barrier) * p[p_domestic_model_preference];

        auto set = [&](int id, double value) { out.value[id][i] = value; };
        set(r_owned_stock_h100e, owned);
        set(r_stock_legal_h100e, s.stock_legal);
        set(r_stock_smuggled_h100e, s.stock_smuggled);
        set(r_stock_domestic_h100e, s.stock_domestic);
        set(r_acquired_legal_h100e, o.legal.bought);
        set(r_acquired_smuggled_h100e, o.smuggled.bought);
        set(r_acquired_domestic_h100e, o.domestic.bought);
        set(r_foreign_cloud_h100e, cloud_usable);
        set(r_usable_compute_h100e, usable);
        set(r_largest_training_run_flop, r.run);
        set(r_inference_capacity_h100e, inference);
        set(r_compute_ratio, s.f_stock > 0 ? usable / s.f_stock : 0.0);
        set(r_training_run_ratio, r.run / f.run);
        set(r_years_behind, years_behind);
        set(r_leverage_share, usable > 0 ? clamp01(cloud_usable * switchable_share_of_open_cloud(p, d) / usable) : 0.0);
        set(r_seizure_exposure_h100e, s.stock_leased);
        set(r_inference_abroad_share, inference > 0 ? clamp01(cloud_inference / inference) : 0.0);
        set(r_industry_impact, clamp01(on_domestic_models * shortfall));
        set(r_cost_per_usable_h100e_year,
            usable > 0 ? (s.owner_cost + s.stock_leased * cl.rent_per_year) / usable : 0.0);
        set(r_capability_lag_months, 12.0 * capability_lag_years(t, log_gap, copied));
        set(r_rent_usd_per_h100e_hour, cl.rent_per_year / kHoursPerYear);
        set(r_unspent_budget_usd, left);
        set(r_budget_usd, budget);
        set(r_own_cluster_h100e, r.own_cluster);
        set(r_rented_block_h100e, r.hyperscaler_block);
        set(r_leased_stock_h100e, s.stock_leased);
        set(r_offshore_capacity_h100e, r.offshore_supply);
        set(r_offshore_cluster_h100e, r.offshore_cluster);
        set(r_offshore_block_h100e, r.offshore_block);
        set(r_distillation_share, copied);
        set(f_owned_stock_h100e, s.f_stock);
        set(f_acquired_legal_h100e, f.acquired);
        set(f_usable_compute_h100e, s.f_stock);
        set(f_largest_training_run_flop, f.run);
        set(f_inference_capacity_h100e, t.inf_share * s.f_stock);
        set(f_largest_cluster_h100e, f.cluster);
        set(f_power_gw, s.f_stock * s.watts_per_h100e * 1e-9);
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
