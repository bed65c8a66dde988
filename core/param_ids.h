// Compile-time indices of the parameter table, so the model reads parameters without key look-ups.
#pragma once

namespace cp {

// Must follow the row order of the table in params.cpp (a test checks every key against it).
enum ParamId : int {
    p_export_controls,
    p_cloud_denial,
    p_privacy_law,
    // chips
    p_legal_quota,
    p_legal_chip_penalty,
    p_smuggling_leak,
    p_smuggling_policing,
    p_smuggling_premium,
    p_domestic_dies_2024,
    p_domestic_yield,
    p_domestic_perf_2024,
    p_domestic_perf_growth,
    p_domestic_output_growth,
    p_hbm_tool_drag,
    p_domestic_chip_price,
    // cloud
    p_rentable_pool_share,
    p_third_country_share,
    p_third_country_enforcement,
    p_cutoff_hazard,
    p_rent_premium,
    p_owners_yardstick,
    p_rent_denial_markup,
    p_control_discount,
    p_offshore_capacity_2026,
    p_offshore_capacity_growth,
    p_offshore_block_share,
    p_hyperscaler_block_share,
    p_block_budget_share,
    p_run_combine_rho,
    // privacy and latency
    p_training_personal_data_share,
    p_inference_domestic_user_share,
    p_inference_share,
    p_rtt_abroad_ms,
    p_latency_budget_ms,
    // conflict
    p_conflict_probability,
    p_seizure_share,
    // industry
    p_foreign_model_barrier,
    p_domestic_model_preference,
    p_capability_oom_span,
    p_restricted_cluster_share,
    p_cluster_fragmentation,
    p_algorithmic_progress,
    p_method_diffusion_delay,
    p_frontier_model_access,
    p_distillation_max,
    p_distillation_years,
    // frontier
    p_frontier_run_2023,
    p_frontier_growth,
    p_frontier_cluster_share,
    p_frontier_power_growth,
    p_energy_efficiency_growth,
    // economics
    p_frontier_budget_2025,
    p_frontier_budget_growth_hist,
    p_frontier_budget_growth,
    p_restricted_budget_2022,
    p_restricted_budget_2023,
    p_restricted_budget_2024,
    p_restricted_budget_2025,
    p_restricted_budget_growth_hist,
    p_restricted_budget_growth,
    p_price_h100e_2023,
    p_price_performance_growth,
    p_cost_of_capital,
    p_depreciation_life,
    p_utilisation,
    p_run_length_days,
    kParamIdCount
};

}  // namespace cp
