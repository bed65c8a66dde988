// Names, labels and units of the outcome series (the order is the SeriesId enum's).
#include "series.h"

#include <cstring>

namespace cp {

namespace {

const SeriesInfo kSeries[kSeriesCount] = {
    {"owned_stock_h100e", "restricted.owned_stock_h100e", Bloc::restricted, "Owned compute", "H100e", true},
    {"stock_legal_h100e", "restricted.stock_legal_h100e", Bloc::restricted, "Owned: legal imports", "H100e", true},
    {"stock_smuggled_h100e", "restricted.stock_smuggled_h100e", Bloc::restricted, "Owned: smuggled", "H100e", true},
    {"stock_domestic_h100e", "restricted.stock_domestic_h100e", Bloc::restricted, "Owned: domestic chips", "H100e",
     true},
    {"acquired_legal_h100e", "restricted.acquired_legal_h100e", Bloc::restricted, "Bought legally this year", "H100e",
     true},
    {"acquired_smuggled_h100e", "restricted.acquired_smuggled_h100e", Bloc::restricted, "Smuggled this year", "H100e",
     true},
    {"acquired_domestic_h100e", "restricted.acquired_domestic_h100e", Bloc::restricted, "Domestic chips this year",
     "H100e", true},
    {"foreign_cloud_h100e", "restricted.foreign_cloud_h100e", Bloc::restricted, "Usable foreign cloud", "H100e", true},
    {"usable_compute_h100e", "restricted.usable_compute_h100e", Bloc::restricted, "Usable compute", "H100e", true},
    {"largest_training_run_flop", "restricted.largest_training_run_flop", Bloc::restricted, "Largest training run",
     "FLOP", true},
    {"inference_capacity_h100e", "restricted.inference_capacity_h100e", Bloc::restricted, "Inference capacity", "H100e",
     true},
    {"compute_ratio", "restricted.compute_ratio", Bloc::restricted, "Usable compute vs frontier", "share", false},
    {"training_run_ratio", "restricted.training_run_ratio", Bloc::restricted, "Largest run vs frontier", "share", true},
    {"years_behind", "restricted.years_behind", Bloc::restricted, "Years behind the frontier", "years", false},
    {"leverage_share", "restricted.leverage_share", Bloc::restricted, "Compute a foreign government could switch off",
     "share", false},
    {"seizure_exposure_h100e", "restricted.seizure_exposure_h100e", Bloc::restricted, "Compute exposed to seizure",
     "H100e", true},
    {"inference_abroad_share", "restricted.inference_abroad_share", Bloc::restricted, "Inference served from abroad",
     "share", false},
    {"industry_impact", "restricted.industry_impact", Bloc::restricted, "Industry held back", "share", false},
    {"cost_per_usable_h100e_year", "restricted.cost_per_usable_h100e_year", Bloc::restricted,
     "Cost per usable H100e-year", "USD", true},
    {"owned_stock_h100e", "frontier.owned_stock_h100e", Bloc::frontier, "Owned compute", "H100e", true},
    {"acquired_legal_h100e", "frontier.acquired_legal_h100e", Bloc::frontier, "Bought this year", "H100e", true},
    {"usable_compute_h100e", "frontier.usable_compute_h100e", Bloc::frontier, "Usable compute", "H100e", true},
    {"largest_training_run_flop", "frontier.largest_training_run_flop", Bloc::frontier, "Largest training run", "FLOP",
     true},
    {"inference_capacity_h100e", "frontier.inference_capacity_h100e", Bloc::frontier, "Inference capacity", "H100e",
     true},
    {"capability_lag_months", "restricted.capability_lag_months", Bloc::restricted, "Capability lag", "months", false},
    {"rent_usd_per_h100e_hour", "restricted.rent_usd_per_h100e_hour", Bloc::restricted, "Rent per H100e-hour", "USD",
     false},
    {"unspent_budget_usd", "restricted.unspent_budget_usd", Bloc::restricted, "Budget no route would take", "USD",
     false},
    {"budget_usd", "restricted.budget_usd", Bloc::restricted, "Spending on AI compute", "USD", true},
    {"own_cluster_h100e", "restricted.own_cluster_h100e", Bloc::restricted, "Largest owned cluster", "H100e", true},
    {"rented_block_h100e", "restricted.rented_block_h100e", Bloc::restricted, "Largest hyperscaler block (usable)",
     "H100e", true},
    {"leased_stock_h100e", "restricted.leased_stock_h100e", Bloc::restricted, "Capacity reserved abroad", "H100e",
     true},
    {"largest_cluster_h100e", "frontier.largest_cluster_h100e", Bloc::frontier, "Largest cluster", "H100e", true},
    {"power_gw", "frontier.power_gw", Bloc::frontier, "Power drawn by AI chips", "GW", true},
    {"offshore_capacity_h100e", "restricted.offshore_capacity_h100e", Bloc::restricted,
     "Capacity leased to it offshore", "H100e", true},
    {"offshore_cluster_h100e", "restricted.offshore_cluster_h100e", Bloc::restricted, "Largest offshore cluster",
     "H100e", true},
    {"offshore_block_h100e", "restricted.offshore_block_h100e", Bloc::restricted, "Largest offshore cluster (usable)",
     "H100e", true},
    {"distillation_share", "restricted.distillation_share", Bloc::restricted, "Share of the lead copied", "share",
     false},
};

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
