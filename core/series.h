// Outcome series of one simulation: named yearly values per bloc, stored in fixed arrays (no allocation).
#pragma once

namespace cp {

constexpr int kFirstYear = 2022;
constexpr int kMaxEndYear = 2040;
constexpr int kMaxYears = kMaxEndYear - kFirstYear + 1;

enum class Bloc { restricted, frontier };

// The order is part of the API (CLI output and UI charts index by it). Names follow
// "<bloc>.<name>" in JSON/CSV output, e.g. "restricted.compute_ratio".
enum SeriesId : int {
    // Per bloc: restricted country.
    r_owned_stock_h100e,  // owned, depreciated stock
    r_stock_legal_h100e,  // owned stock by origin (sums to owned_stock)
    r_stock_smuggled_h100e,
    r_stock_domestic_h100e,
    r_acquired_legal_h100e,  // acquisitions during the year by source
    r_acquired_smuggled_h100e,
    r_acquired_domestic_h100e,
    r_foreign_cloud_h100e,   // foreign cloud it can actually use
    r_usable_compute_h100e,  // owned + usable foreign cloud
    r_largest_training_run_flop,
    r_inference_capacity_h100e,
    // Restricted-country headline outcomes.
    r_compute_ratio,               // usable compute / frontier usable compute, in [0, 1] typically
    r_training_run_ratio,          // largest run / frontier largest run
    r_years_behind,                // training-run gap in years at the frontier's growth rate
    r_leverage_share,              // share of usable compute a foreign government could switch off
    r_seizure_exposure_h100e,      // compute located on rival (or allied) territory
    r_inference_abroad_share,      // share of domestic inference served from abroad
    r_industry_impact,             // 0..1: how much the wider AI industry is held back
    r_cost_per_usable_h100e_year,  // USD per usable H100e-year
    // Per bloc: frontier.
    f_owned_stock_h100e,
    f_acquired_legal_h100e,
    f_usable_compute_h100e,
    f_largest_training_run_flop,
    f_inference_capacity_h100e,
    // Added with model v2 (appended so the earlier ids keep their numbers).
    r_capability_lag_months,    // capability lag behind the frontier, months (not the compute gap)
    r_rent_usd_per_h100e_hour,  // what the model charges for a rented H100e, per hour
    r_unspent_budget_usd,       // money no route would take: compute poverty in dollars
    r_budget_usd,               // the year's spending on AI compute
    r_own_cluster_h100e,        // largest owned cluster at home
    r_rented_block_h100e,       // largest usable block rented from hyperscalers
    r_leased_stock_h100e,       // reserved capacity abroad (before the value discount)
    f_largest_cluster_h100e,    // the frontier's largest cluster
    f_power_gw,                 // power its AI chips draw (all-in)
    // Added with model v3.
    r_offshore_capacity_h100e,  // capacity third-country operators lease to the country's developers
    r_offshore_cluster_h100e,   // the largest cluster one developer leases there (before discounts)
    r_offshore_block_h100e,     // its usable part in the largest run (value and privacy discounts)
    r_distillation_share,       // share of the frontier's capability lead copied by learning from its models
    kSeriesCount
};

struct SeriesInfo {
    const char* name;  // without bloc: "compute_ratio"
    const char* key;   // with bloc: "restricted.compute_ratio"
    Bloc bloc;
    const char* label;  // "Usable compute vs frontier"
    const char* unit;   // "share", "H100e", "FLOP", "years", "USD"
    bool log_scale;     // charts draw it on a log axis
};

const SeriesInfo& series_info(int id);
// Id by key ("restricted.compute_ratio") or -1.
int find_series(const char* key);

// One run: value[series][year - first_year] for year in [first_year, end_year].
struct Run {
    int first_year = kFirstYear;
    int end_year = 2035;
    double value[kSeriesCount][kMaxYears] = {};
    int years() const { return end_year - first_year + 1; }
    double at(int series, int year) const { return value[series][year - first_year]; }
};

}  // namespace cp
