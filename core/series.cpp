// Names, labels and units of the outcome series (the order is the SeriesId enum's).
#include "series.h"

#include <cstring>

namespace cp {

namespace {

// A series' name, its key and its bloc, each spelled once: the key is "<bloc>.<name>".
#define RESTRICTED(name) name, "restricted." name, Bloc::restricted
#define FRONTIER(name) name, "frontier." name, Bloc::frontier

const SeriesInfo kSeries[kSeriesCount] = {
    {RESTRICTED("owned_stock_h100e"), "Owned compute", "H100e", true},
    {RESTRICTED("stock_legal_h100e"), "Owned: legal imports", "H100e", true},
    {RESTRICTED("stock_smuggled_h100e"), "Owned: smuggled", "H100e", true},
    {RESTRICTED("stock_domestic_h100e"), "Owned: domestic chips", "H100e", true},
    {RESTRICTED("acquired_legal_h100e"), "Bought legally this year", "H100e", true},
    {RESTRICTED("acquired_smuggled_h100e"), "Smuggled this year", "H100e", true},
    {RESTRICTED("acquired_domestic_h100e"), "Domestic chips this year", "H100e", true},
    {RESTRICTED("foreign_cloud_h100e"), "Usable foreign cloud", "H100e", true},
    {RESTRICTED("usable_compute_h100e"), "Usable compute", "H100e", true},
    {RESTRICTED("largest_training_run_flop"), "Largest training run", "FLOP", true},
    {RESTRICTED("inference_capacity_h100e"), "Inference capacity", "H100e", true},
    {RESTRICTED("compute_ratio"), "Usable compute vs frontier", "share", false},
    {RESTRICTED("training_run_ratio"), "Largest run vs frontier", "share", true},
    {RESTRICTED("years_behind"), "Years behind the frontier", "years", false},
    {RESTRICTED("leverage_share"), "Compute a foreign government could switch off", "share", false},
    {RESTRICTED("seizure_exposure_h100e"), "Compute exposed to seizure", "H100e", true},
    {RESTRICTED("inference_abroad_share"), "Inference served from abroad", "share", false},
    {RESTRICTED("industry_impact"), "Industry held back", "share", false},
    {RESTRICTED("cost_per_usable_h100e_year"), "Cost per usable H100e-year", "USD", true},
    {FRONTIER("owned_stock_h100e"), "Owned compute", "H100e", true},
    {FRONTIER("acquired_legal_h100e"), "Bought this year", "H100e", true},
    {FRONTIER("usable_compute_h100e"), "Usable compute", "H100e", true},
    {FRONTIER("largest_training_run_flop"), "Largest training run", "FLOP", true},
    {FRONTIER("inference_capacity_h100e"), "Inference capacity", "H100e", true},
    {RESTRICTED("capability_lag_months"), "Capability lag", "months", false},
    {RESTRICTED("rent_usd_per_h100e_hour"), "Rent per H100e-hour", "USD", false},
    {RESTRICTED("unspent_budget_usd"), "Budget no route would take", "USD", false},
    {RESTRICTED("budget_usd"), "Spending on AI compute", "USD", true},
    {RESTRICTED("own_cluster_h100e"), "Largest owned cluster", "H100e", true},
    {RESTRICTED("rented_block_h100e"), "Largest hyperscaler block (usable)", "H100e", true},
    {RESTRICTED("leased_stock_h100e"), "Capacity reserved abroad", "H100e", true},
    {FRONTIER("largest_cluster_h100e"), "Largest cluster", "H100e", true},
    {FRONTIER("power_gw"), "Power drawn by AI chips", "GW", true},
    {RESTRICTED("offshore_capacity_h100e"), "Capacity leased to it offshore", "H100e", true},
    {RESTRICTED("offshore_cluster_h100e"), "Largest offshore cluster", "H100e", true},
    {RESTRICTED("offshore_block_h100e"), "Largest offshore cluster (usable)", "H100e", true},
    {RESTRICTED("distillation_share"), "Share of the lead copied", "share", false},
};

#undef RESTRICTED
#undef FRONTIER

}  // namespace

const SeriesInfo& series_info(int id) {
    if (id < 0 || id >= kSeriesCount) return kSeries[0];
    return kSeries[id];
}

int find_series(const char* key) {
    if (key == nullptr) return -1;
    for (int i = 0; i < kSeriesCount; ++i)
        if (std::strcmp(kSeries[i].key, key) == 0) return i;
    return -1;
}

}  // namespace cp
