// The parameter table (key, range, default, meaning, source, words for each end) and value checks.
#include "params.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "param_ids.h"

namespace cp {

namespace {

using G = ParamGroup;

// Row order must match ParamId in param_ids.h. Defaults describe today's policy (2025).
// One row per parameter with its fields packed reads better than one field a line.
// clang-format off
const ParamInfo kTable[] = {
    // ---- headline levers ------------------------------------------------------------------
    {"export_controls", "Export controls", "share", 0, 1, 0.75,
     "From the policy year on: how much frontier hardware may legally be bought and at what price, how hard smuggling "
     "is "
     "policed (volume and price), how much HBM/tool controls slow domestic chips, and how small the sites a country "
     "that cannot buy at scale builds",
     "[S26,S59] from 2026: H200 approved Dec 2025 with a 25% cut and a volume cap, customs reportedly not admitting "
     "them, Blackwell excluded: strict but leaky, hence 75%. Earlier years follow the built-in history (2022-2025)",
     "0% = no controls: any chip at the market price",
     "100% = no frontier chip reaches the country, smuggling policed hard", G::headline, false, false},
    {"cloud_denial", "Cloud denial", "share", 0, 1, 0.2,
     "From the policy year on: how much of the world's rentable cloud is closed to the country's developers (KYC at "
     "hyperscalers, third-country enforcement), the largest block they can rent, its price, and how likely what "
     "remains is cut off",
     "[S41,S44,S59] from 2026: KYC rule proposed Jan 2024 but not final; Remote Access Security Act passed the House "
     "Jan 2026, not law; Alibaba and ByteDance rent in Malaysia/Singapore: mostly open, hence 20%",
     "0% = every foreign cloud rents to them", "100% = hyperscalers closed, third countries policed, cut-off likely",
     G::headline, false, false},
    {"privacy_law", "Privacy law", "share", 0, 1, 0.6,
     "From the policy year on: how much AI work on personal data (training) and for domestic users (serving) must stay "
     "on domestic soil",
     "[S46,S47,S48,S41] PIPL/DSL in force; CAC assessment above 1M persons (relaxed Mar 2024); private customer data "
     "may not go abroad for training: hence 60%", "0% = any workload may run abroad",
     "100% = all personal-data training and all serving of domestic users stays home", G::headline, false, false},

    // ---- chips -------------------------------------------------------------------------------
    {"legal_quota", "Licensed chip volume", "H100e/yr", 0, 5e6, 216e3,
     "H100e per year of below-threshold chips that sellers may ship when controls are at 50% (scales with (1-c)/c)",
     "EST from [S14]: China legal Nvidia 144k H100e in 2024 at that year's 60% controls = 216k x 0.4/0.6",
     "0 = nothing licensed", "5M = licences are no real limit", G::chips, false, false},
    {"legal_chip_penalty", "Legal-chip price penalty", "x", 1, 20, 4.0,
     "Price per H100e of the best legal chip relative to a frontier chip in 2024 at the strictest controls; grows with "
     "price-performance because the threshold is fixed (price = market x (penalty x ppi^(year-2024))^c)",
     "EST from [S20,S32,S14]: H20 ~$12k for 0.15 H100e of dense FLOP is ~4.5x an H100e, but buyers valued its memory "
     "bandwidth for inference; 4.0 lets the model's buyers take H20-class chips in 2024-25 as they did (2.3x at 2024's "
     "60%, 4.0x at 2025's 80%), and no longer once cloud is cheaper per usable H100e",
     "1x = legal chips as good as frontier ones", "20x = only crippled chips are legal", G::chips, false, false},
    {"smuggling_leak", "Smuggling leak", "share", 0, 0.3, 0.07,
     "Share of the world's yearly frontier chip supply that leaks to the country when smuggling is not policed",
     "EST from [S15,S28]: 159k H100e smuggled in 2024, ~500k in 2025 = 3-4% of world supply after the policing of "
     "those years (7% x (1 - 0.6..0.8 x 0.7))", "0% = nothing leaks", "30% = a large grey market", G::chips, false,
     false, {Distribution::triangular, 0.03, 0.07, 0.18},
     "[S15] 2024 smuggled units 90% CI 69k-451k around 171k"},
    {"smuggling_policing", "Smuggling policing", "share", 0, 1, 0.7,
     "Share of the leak stopped when export controls are at 100% (scaled by the export-control lever)",
     "assumption: enforcement cases [S28,S43] catch some orders; Chip Security Act not yet law [S45]",
     "0% = smuggling never policed", "100% = strict controls stop all smuggling", G::chips, false, false},
    {"smuggling_premium", "Smuggling price premium", "x", 1, 5, 2.4,
     "Price of a smuggled H100e relative to the market price at 100% controls; half of it (in the exponent) applies to "
     "any grey trade, the other half grows with controls: market x premium^(0.5 + 0.5c)",
     "[S28,S30] 2,400 H100 for $120M (~2x list) and black-market servers +50% to 2x in 2023-25, when controls were "
     "60-80%: 2.4^0.8..0.9 = 2.0-2.2x", "1x = smuggled chips at list price", "5x = smuggling is very expensive",
     G::chips, false, false},
    {"domestic_dies_2024", "Domestic dies (2024)", "dies/yr", 0, 1e7, 1.0e6,
     "Gross AI-chip dies the domestic industry produced in 2024, before yield",
     "EST from [S15,S31,S34]: 450k Ascend units in 2024 at ~45% yield", "0 = no domestic chips",
     "10M = a huge domestic industry", G::chips, false, false},
    {"domestic_yield", "Domestic yield", "share", 0.05, 1, 0.45, "Share of domestic dies that become working chips",
     "[S31,S34] 910C 20% (Nov 2024) to ~40% (Feb 2025); 910B ~50%", "5% = almost every die fails",
     "100% = every die works", G::chips, false, false, {Distribution::uniform, 0.2, 0, 0.6},
     "[S31,S34] 910C 20-40%, target 60%"},
    {"domestic_perf_2024", "Domestic chip performance (2024)", "H100e/chip", 0.05, 2, 0.4,
     "Performance of an average domestic chip in 2024, in H100-equivalents",
     "[S15] 450k Ascend units = 180k H100e in 2024", "0.05 = toy chips", "2 = twice an H100", G::chips, false, false},
    {"domestic_perf_growth", "Domestic performance growth", "x/yr", 1, 2.5, 1.5,
     "Yearly growth of the average domestic chip's performance without tool controls (controls remove c x "
     "hbm_tool_drag of the growth)", "EST from [S15,S31]: 910B 0.35 -> 910C 0.77 H100e in about two years",
     "1x = no progress", "2.5x = very fast catch-up", G::chips, false, false},
    {"domestic_output_growth", "Domestic output growth", "x/yr", 1, 3, 1.8,
     "Yearly growth of domestic die output without HBM/tool controls",
     "EST from [S15,S33]: 450k (2024) to ~800k units (2025) under controls, with part of it from a TSMC die bank; SMIC "
     "capacity 45k -> 80k wafers/month 2025-27", "1x = output flat", "3x = very fast ramp", G::chips, false, false,
     {Distribution::triangular, 1.3, 1.8, 2.5},
     "[S33] 805k (2025) -> ~300k (2026) if HBM-limited, or up"},
    {"hbm_tool_drag", "HBM and tool drag", "share", 0, 1, 0.6,
     "Share of domestic output growth and per-chip performance growth removed at 100% export controls (HBM and tool "
     "controls)",
     "[S21,S33] Dec 2024 HBM and equipment controls; SemiAnalysis: HBM is the bottleneck (805k Ascend in 2025 could "
     "fall to ~300k in 2026)", "0% = controls do not slow the domestic ramp", "100% = no growth at strict controls",
     G::chips, false, false, {Distribution::uniform, 0.3, 0, 0.9},
     "[S33] HBM is the bottleneck; assumption on its strength"},
    {"domestic_chip_price", "Domestic chip price", "USD/chip", 1000, 60000, 15000,
     "Price of one domestic chip; its price per H100e falls as performance grows (never below the market price)",
     "[S32] Ascend 910B ~$15k, 910C ~$20k", "$1k = nearly free", "$60k = very expensive", G::chips, false, false},

    // ---- cloud ---------------------------------------------------------------------------------
    {"rentable_pool_share", "Rentable share of world compute", "share", 0, 1, 0.25,
     "Share of the frontier's installed compute that is rented out to third parties as cloud",
     "assumption: hyperscalers own most Nvidia chips [S14] but use much of it themselves or for exclusive partners",
     "0% = nothing is rentable", "100% = all frontier compute is for rent", G::cloud, false, false,
     {Distribution::uniform, 0.1, 0, 0.4},
     "assumption [S14]"},
    {"third_country_share", "Third-country share of cloud", "share", 0, 1, 0.3,
     "Share of the rentable pool in third countries (outside hyperscalers' home KYC reach)",
     "assumption: Malaysia/Singapore build-out [S43] and specialty clouds", "0% = all cloud under home rules",
     "100% = all cloud in third countries", G::cloud, false, false},
    {"third_country_enforcement", "Third-country enforcement", "share", 0, 1, 0.5,
     "Share of third-country cloud that denial actually closes",
     "[S43] Malaysia permit rule (2025); assumption: KYC in third countries is partial",
     "0% = third countries ignore denial", "100% = third countries enforce fully", G::cloud, false, false},
    {"cutoff_hazard", "Cut-off hazard", "share/yr", 0, 1, 0.1,
     "Yearly chance that foreign cloud access is cut off before denial; denial raises it towards 50%",
     "[S56] AWS and Microsoft cut Russian customers (2022-24); assumption: 10%/yr", "0% = access is certain",
     "100% = access always cut", G::cloud, false, false, {Distribution::uniform, 0.02, 0, 0.3},
     "assumption around the Russia precedent [S56]"},
    {"rent_premium", "Rent premium", "x", 1, 5, 3.0,
     "Price of renting an H100e as a multi-year reservation, relative to buying one; the reservation wears out like a "
     "chip, so its yearly cost is premium x the owner's yearly cost (price decline, depreciation, cost of capital)",
     "EST from [S36,S37,S38]: gives $2.1-2.2 per H100-hour in 2025 (observed $1.70 Oct 2025 to $2.35 Mar 2026 [S36]), "
     "~2-3x an owner's $0.90-1.40 per useful hour [S38]", "1x = renting costs the same as owning",
     "5x = renting is very expensive", G::cloud, false, false, {Distribution::triangular, 2.0, 3.0, 4.0},
     "EST from [S36-S38]: $1.4-2.9 per H100-hour in 2025 around the observed $1.70-2.35"},
    {"owners_yardstick", "Dearest chip worth owning", "x", 1, 10, 3.0,
     "Owners buy a chip (legal, smuggled or domestic) while it costs no more per usable H100e than renting would at "
     "this premium; it is the market's premium, not the rent premium lever: a country buying chips for its own "
     "clusters weighs them against renting at market terms, so cheaper renting adds rented compute without "
     "shrinking what is owned",
     "[S36,S38] the calibrated rent premium (3x an owner's yearly cost); assumption: buyers of chips do not follow "
     "the lever", "1x = only chips as cheap as renting", "10x = almost any chip", G::cloud, false, false},
    {"rent_denial_markup", "Rent markup under denial", "share", 0, 2, 0.5,
     "Extra price of what can still be rented at 100% cloud denial (resellers, fronts, third-country middlemen)",
     "assumption: smuggling's grey-market premium of +50-100% [S30] carried over to rented capacity",
     "0% = denial does not raise the price", "200% = denied cloud costs three times as much", G::cloud, false, false},
    {"control_discount", "Value lost by renting", "share", 0, 0.6, 0.2,
     "Share of a rented H100e's value lost to not controlling the cluster (set-up, scheduling, software stack); also "
     "sets how dear an owned route may be before developers rent instead",
     "assumption from the thread's first reason (cost, certainty, control): frontier developers build or sign "
     "exclusive deals [S57]; owned ~$0.9-1.4 vs rented $2.5-4.5 per useful hour [S38]",
     "0% = renting is as good as owning", "60% = rented compute is worth much less", G::cloud, false, false,
     {Distribution::uniform, 0.1, 0, 0.35},
     "assumption [S38]"},
    {"offshore_capacity_2026", "Offshore capacity (2026)", "H100e", 1e4, 1e7, 4e5,
     "AI compute that operators in third countries (Malaysia, Indonesia, Singapore) lease to the country's developers "
     "in 2026; it grows by offshore_capacity_growth a year (back-cast before 2026) and never beyond the third-country "
     "share of the world's rentable pool",
     "EST from [S58,S61,S43]: Megaspeed ~136k GPUs imported since 2023, ByteDance's Aolani cluster ~36k B200 (~80k "
     "H100e, Mar 2026), Johor data centres >$25bn in 18 months: ~400k H100e", "10k H100e = a few small clusters",
     "10M H100e = a second frontier abroad", G::cloud, false, true, {Distribution::log_uniform, 1.5e5, 0, 1e6},
     "EST from [S58,S61,S43]: one lab's ~80k-H100e cluster plus Megaspeed's ~136k GPUs at least; Johor's build-out "
     "at most"},
    {"offshore_capacity_growth", "Offshore capacity growth", "x/yr", 1, 4, 1.8,
     "Yearly growth of the capacity third-country operators lease to the country's developers (built on their own "
     "schedule: export controls do not make it grow)",
     "EST from [S42,S61,S43]: ~300 servers (~2.4k GPUs) rented in Malaysia (Mar 2025) to a ~80k-H100e cluster for one "
     "lab (Mar 2026); Johor's build-out >$25bn in 18 months", "1x = no new offshore capacity",
     "4x = a very fast build-out", G::cloud, false, false, {Distribution::triangular, 1.3, 1.8, 2.5},
     "assumption around [S42,S43,S61]: the 2025-26 ramp cannot last; the world's compute grows ~2x/yr [S14]"},
    {"offshore_block_share", "Largest offshore cluster (share)", "share", 0, 1, 0.2,
     "Largest share of the offshore capacity one developer can lease as one cluster, reserved years ahead; cloud "
     "denial closes it as far as third countries enforce, privacy law keeps personal-data training at home",
     "EST from [S61,S63,S58]: ByteDance's ~80k H100e out of ~400k H100e (2026); capacity reserved \"five to seven "
     "years into the future\"", "0% = only small slices offshore", "100% = one developer leases all of it", G::cloud,
     false, false, {Distribution::uniform, 0.08, 0, 0.35},
     "EST from [S61,S58]: ByteDance's cluster against 250k-1M H100e of offshore capacity"},
    {"hyperscaler_block_share", "Largest block (hyperscalers)", "share", 0, 1, 0.05,
     "Largest contiguous block a hyperscaler would reserve for the country's developers without denial, as a share of "
     "the frontier's largest cluster; cloud denial closes it",
     "assumption (no data): the large leases on record are third-country operators' [S41,S60,S61], not US "
     "hyperscalers', which are under KYC pressure at home [S44,S59]: a 5-10k GPU reservation out of 100-200k GPU "
     "frontier clusters [S57]", "0% = hyperscalers never rent large blocks",
     "100% = a frontier-size cluster for rent", G::cloud, false, false, {Distribution::log_uniform, 0.01, 0, 0.2},
     "assumption (no data): with cloud denial, the crux of how much hyperscalers matter"},
    {"block_budget_share", "Budget for a rented run", "share", 0.005, 0.5, 0.05,
     "Largest share of the year's budget a developer would spend renting one training run abroad (caps the rented "
     "block for small budgets)", "assumption: frontier training runs cost a few percent of yearly AI capex [S11]",
     "0.5% = a rented run must be cheap", "50% = half the budget on one rented run", G::cloud, false, true},
    {"run_combine_rho", "Cross-site training penalty", "x", 1, 8, 2,
     "How an owned cluster at home and a rented block abroad combine into one run: (own^rho + block^rho)^(1/rho); 1 = "
     "as one cluster, large = only the larger counts",
     "assumption: multi-site training works at some cost (Gemini Ultra trained across data centres); 2 means two equal "
     "sites give 1.4x one site", "1 = sites add up fully", "8 = only the larger site counts", G::cloud, false, false},

    // ---- privacy and latency -------------------------------------------------------------------
    {"training_personal_data_share", "Training on personal data", "share", 0, 1, 0.5,
     "Share of training work that uses domestic personal data (must stay home under strict privacy law)",
     "assumption: chat logs and customer data feed post-training [S41]", "0% = no training uses personal data",
     "100% = all training does", G::privacy_latency, false, false, {Distribution::uniform, 0.2, 0, 0.8},
     "assumption [S41]"},
    {"inference_domestic_user_share", "Serving domestic users", "share", 0, 1, 0.9,
     "Share of inference that serves domestic users (must stay home under strict privacy law)",
     "assumption: the industry mostly serves its home market; remote access counts as export [S47]",
     "0% = all users abroad", "100% = all users at home", G::privacy_latency, false, false},
    {"inference_share", "Inference share of compute", "share", 0, 1, 0.5,
     "Share of compute spent on serving models rather than training",
     "assumption: smuggled share differs for inference and training [S28]; about half", "0% = all training",
     "100% = all inference", G::privacy_latency, false, false},
    {"rtt_abroad_ms", "Round trip abroad", "ms", 5, 500, 60,
     "Network round-trip time from domestic users to the nearest foreign cloud region",
     "[S50,S51] HK 28-47 ms with premium lines, Japan 65-85 ms, US West 150-250 ms", "5 ms = next door",
     "500 ms = across a congested border", G::privacy_latency, false, true},
    {"latency_budget_ms", "Latency budget", "ms", 20, 1000, 100,
     "Network round trip an interactive service can afford; inference abroad is worth budget/RTT when RTT exceeds it",
     "[S53] <100 ms feels instant; network+TLS ~50 ms near, ~200 ms far", "20 ms = very latency-sensitive",
     "1000 ms = latency does not matter", G::privacy_latency, false, true},

    // ---- conflict ---------------------------------------------------------------------------------
    {"conflict_probability", "Conflict probability", "share/yr", 0, 0.5, 0.02,
     "Yearly probability of a conflict in which compute abroad is seized",
     "assumption: no published estimate (calibration gap); 2%/yr", "0% = no conflict",
     "50% = conflict likely every other year", G::conflict, false, false, {Distribution::log_uniform, 0.005, 0, 0.1},
     "assumption: no published estimate"},
    {"seizure_share", "Share seized", "share", 0, 1, 0.8,
     "Share of compute located on rival or allied territory seized in a conflict",
     "assumption: hosts control the data centres; some third countries may not comply", "0% = nothing seized",
     "100% = everything abroad seized", G::conflict, false, false},

    // ---- industry ---------------------------------------------------------------------------------
    {"foreign_model_barrier", "Barrier to foreign models", "share", 0, 1, 0.8,
     "Share of the wider industry that cannot use the frontier's models (blocked APIs, ownership bans, filing rules)",
     "[S54,S55,S49] OpenAI API blocked Jul 2024; Anthropic bans Chinese-owned firms Sep 2025; generative-AI filing",
     "0% = foreign models freely usable", "100% = no foreign models at all", G::industry, false, false,
     {Distribution::uniform, 0.6, 0, 0.95},
     "[S54,S55] assumption on its breadth"},
    {"domestic_model_preference", "Preference for domestic models", "share", 0, 1, 0.5,
     "Share of users with access who still choose domestic models (price, language, compliance)",
     "assumption: domestic models are cheap and compliant by default", "0% = everyone picks the best model",
     "100% = everyone stays domestic", G::industry, false, false},
    {"capability_oom_span", "Capability span", "OOM", 0.5, 6, 3,
     "Orders of magnitude of training compute between a frontier model and a useless one (shortfall = gap / span)",
     "assumption: capability grows with log compute; 3 OOM ~ 4-5 years of frontier growth [S2]",
     "0.5 OOM = small gaps matter fully", "6 OOM = only huge gaps matter", G::industry, false, false},
    {"restricted_cluster_share", "Largest own cluster (share)", "share", 0.001, 1, 0.02,
     "Share of the country's owned compute that can be wired into one training cluster when it can buy at scale (no "
     "controls); controls shrink it through cluster_fragmentation",
     "EST: the same share as the frontier's (frontier_cluster_share); at 2025's controls it gives ~0.012, clusters of "
     "~10-20k GPUs in >500 fragmented DC projects [S17]", "0.1% = compute scattered", "100% = one national cluster",
     G::industry, false, true, {Distribution::log_uniform, 0.008, 0, 0.04},
     "assumption: fragmented build-out [S17] vs frontier-like sites"},

    {"cluster_fragmentation", "Cluster fragmentation", "share", 0, 0.9, 0.5,
     "Share of the largest-cluster share lost at 100% export controls: smuggled chips arrive in small lots, legal ones "
     "are cut-down parts, so a country that cannot buy at scale builds smaller sites",
     "assumption: single smuggling orders of ~2,400 H100 [S28] against 100k+ GPU frontier sites [S57]",
     "0% = controls do not fragment sites", "90% = strict controls leave only small sites", G::industry, false, false,
     {Distribution::uniform, 0.2, 0, 0.8},
     "assumption [S28,S57]"},
    {"algorithmic_progress", "Algorithmic progress", "x/yr", 1, 10, 3,
     "Yearly gain in what a FLOP of training buys (better architectures, data, recipes); capability grows with "
     "compute x algorithms, so a compute gap is worth fewer years of capability than of compute",
     "assumption from Epoch's estimate (Ho et al. 2024, arXiv 2403.05812, not in calibration.md): the compute needed "
     "for a given language-model performance halves every ~8 months (5-14) = ~2.8x/yr",
     "1x = no algorithmic progress", "10x = algorithms dominate", G::industry, false, false,
     {Distribution::triangular, 1.8, 3.0, 5.0},
     "Epoch (Ho et al. 2024): halving time 5-14 months (95% CI) = 1.8-5.3x/yr"},
    {"method_diffusion_delay", "Delay before methods spread", "yr", 0, 3, 0.25,
     "Years before the frontier's training methods reach the country's developers through papers, open weights and "
     "staff; adds delay x ln(algorithmic progress) to the capability gap",
     "assumption: frontier methods appear in papers and open models within months [S9]", "0 = methods spread at once",
     "3 years = methods stay secret", G::industry, false, false, {Distribution::uniform, 0.0, 0, 0.75},
     "assumption: methods spread within months [S9]"},
    {"frontier_model_access", "Labs' access to frontier models", "share", 0, 1, 0.7,
     "Share of the frontier's models (APIs, open weights) the country's developers can learn from by distillation",
     "[S54,S55] OpenAI API blocked in China Jul 2024, Anthropic bans Chinese-owned firms Sep 2025; assumption: labs "
     "still reach outputs through third-country accounts and open weights", "0% = no frontier model reachable",
     "100% = full access", G::industry, false, false, {Distribution::uniform, 0.4, 0, 1.0},
     "[S54,S55] assumption on how much of the frontier's models labs still reach"},
    {"distillation_max", "Copyable share of the lead", "share", 0, 0.95, 0.85,
     "Largest share of the frontier's capability lead a follower with full, practised access copies by learning from "
     "its models (distillation, R1-style recipes); the share reached is this x access x practice",
     "EST from [S9,S64]: capability lag 3-8 months in 2025-26 while the compute gap is ~2 years",
     "0% = nothing can be copied", "95% = almost the whole lead", G::industry, false, false,
     {Distribution::uniform, 0.6, 0, 0.95},
     "EST from [S9,S64]: lags of 3-8 months in 2025-26"},
    {"distillation_years", "Years to learn copying", "yr", 0.1, 5, 0.6,
     "Practice needed to copy well: with access, the copied share approaches its maximum as 1 - exp(-years of "
     "access / this), counting from GPT-4's API (2023)",
     "EST from [S9,S64]: 12-14 months behind in 2023, 6-8 in 2024, 3-7 after R1 (Jan 2025)",
     "0.1 yr = copying is learned at once", "5 yr = copying takes years to learn", G::industry, false, false,
     {Distribution::log_uniform, 0.3, 0, 2.0},
     "EST from [S9,S64]: the lag fell from 12-14 months (2023) to 6-8 (2024) and 3-7 (2025)"},

    // ---- frontier -----------------------------------------------------------------------------------
    {"frontier_run_2023", "Frontier largest run (2023)", "FLOP", 1e24, 1e26, 2.1e25,
     "Largest frontier training run in 2023 (GPT-4)", "[S4] GPT-4 2.1e25 FLOP", "1e24 FLOP", "1e26 FLOP", G::frontier,
     false, true},
    {"frontier_growth", "Frontier growth", "x/yr", 1.5, 10, 4.6,
     "Yearly growth of the frontier's largest run (until its own stock limits it); also the yardstick for years behind",
     "[S1,S2,S3] 4.6x/yr notable models; 4-5x/yr frontier", "1.5x/yr = slow frontier", "10x/yr = explosive frontier",
     G::frontier, false, false, {Distribution::triangular, 4.0, 4.6, 5.2},
     "[S1,S2,S3] 4-5x/yr"},
    {"frontier_cluster_share", "Frontier largest cluster (share)", "share", 0.001, 1, 0.02,
     "Largest share of the frontier's installed compute that can be one training cluster (caps its largest run)",
     "EST from [S57,S14]: ~200k GPUs of ~10-20M H100e in 2025, growing", "0.1% = scattered",
     "100% = one giant cluster", G::frontier, false, true},

    {"frontier_power_growth", "Frontier power growth", "x/yr", 1.05, 2, 1.3,
     "Fastest yearly growth of the power the frontier's AI chips may draw after 2025 (grid and build-out limit); caps "
     "its purchases when the budget would outrun it",
     "assumption: [S13] leading AI supercomputers' power grew 2x/yr 2019-25, but a whole fleet is bound by grid "
     "additions; 1.3x/yr from ~25 GW (2025) is ~90 GW in 2030 and ~340 GW in 2035", "1.05x/yr = power nearly flat",
     "2x/yr = power no real limit", G::frontier, false, false, {Distribution::triangular, 1.15, 1.3, 1.6},
     "assumption [S13]"},
    {"energy_efficiency_growth", "Energy-efficiency growth", "x/yr", 1.05, 1.6, 1.3,
     "Yearly growth of H100e per watt (all-in, 1.4 kW per H100e in 2025)",
     "[S13,S40] AI supercomputer performance 2.5x/yr at 2x/yr power (1.25x); GPU energy efficiency +40-50%/yr",
     "1.05x/yr = little progress", "1.6x/yr = fast progress", G::frontier, false, false},

    // ---- economics ----------------------------------------------------------------------------------
    {"frontier_budget_2025", "Frontier chip spend (2025)", "USD bn/yr", 10, 5000, 160,
     "Frontier bloc's yearly spending on AI accelerators in 2025",
     "EST from [S14]: ~12M H100e bought in 2025 at ~$13k per H100e", "$10bn", "$5tn", G::economics, false, true},
    {"frontier_budget_growth_hist", "Frontier spend growth 2022-25", "x/yr", 1, 4, 1.9,
     "Yearly growth of frontier chip spending up to 2025",
     "EST from [S14]: Nvidia H100e sales 1.39M (2023) -> 3.3M (2024) -> 8.9M (2025) at falling prices", "1x = flat",
     "4x = explosive", G::economics, false, false},
    {"frontier_budget_growth", "Frontier spend growth after 2025", "x/yr", 0.8, 3, 1.3,
     "Yearly growth of frontier chip spending after 2025",
     "[S11] training cost 2.4x/yr; assumption: total capex growth slows to 1.3x/yr", "0.8x = shrinking",
     "3x = explosive", G::economics, false, false, {Distribution::triangular, 1.1, 1.3, 1.6},
     "assumption; [S11] cost growth 2.4x/yr as an upper guide"},
    {"restricted_budget_2022", "Restricted chip spend (2022)", "USD bn/yr", 0.1, 2000, 1.3,
     "Restricted country's spending on AI compute in 2022 (the observed flows at their prices)",
     "EST from [S14]: 32k H100e of legal Nvidia at ~$35-40k per H100e", "$0.1bn", "$2tn", G::economics, false, true},
    {"restricted_budget_2023", "Restricted chip spend (2023)", "USD bn/yr", 0.1, 2000, 5.5,
     "Restricted country's spending on AI compute in 2023 (the observed flows at their prices)",
     "EST from [S14]: 146k H100e of legal A800/H800 at ~$35-40k per H100e", "$0.1bn", "$2tn", G::economics, false,
     true},
    {"restricted_budget_2024", "Restricted chip spend (2024)", "USD bn/yr", 0.1, 2000, 19,
     "Restricted country's spending on AI compute in 2024 (the observed flows at their prices)",
     "EST from [S14,S15,S28,S32]: 144k legal (H20), 159k smuggled, 180k Ascend H100e at ~$36-41k each", "$0.1bn",
     "$2tn", G::economics, false, true},
    {"restricted_budget_2025", "Restricted chip spend (2025)", "USD bn/yr", 0.1, 2000, 30,
     "Restricted country's spending on AI compute (chips and rent) in 2025",
     "EST from [S14,S15,S24,S28,S32]: 2025 legal, smuggled and Ascend flows at their prices ~ $30bn", "$0.1bn",
     "$2tn", G::economics, false, true, {Distribution::triangular, 20, 30, 45},
     "EST from [S14,S15,S24,S28,S32]"},
    {"restricted_budget_growth_hist", "Restricted spend growth before 2022", "x/yr", 1, 4, 1.5,
     "Yearly growth of the restricted country's compute spending before 2022 (sets the stock it held when controls "
     "began)", "assumption: about the world's growth of the time [S14]", "1x = flat", "4x = explosive", G::economics,
     false, false},
    {"restricted_budget_growth", "Restricted spend growth after 2025", "x/yr", 0.8, 3, 1.3,
     "Yearly growth of the restricted country's compute spending after 2025",
     "assumption: same as the frontier's after 2025", "0.8x = shrinking", "3x = explosive", G::economics, false,
     false, {Distribution::triangular, 1.1, 1.3, 1.6},
     "assumption"},
    {"price_h100e_2023", "Price per H100e (2023)", "USD", 5000, 60000, 25000,
     "Market price of one H100-equivalent in 2023", "[S32] H100 $25k", "$5k", "$60k", G::economics, false, false},
    {"price_performance_growth", "Price-performance growth", "x/yr", 1, 2, 1.4,
     "Yearly improvement in H100e per dollar (market price per H100e falls by this factor)",
     "[S40] FLOP/s per $ doubles every 2.07 yr (ML GPUs) = 1.4x/yr", "1x = no progress", "2x = doubling yearly",
     G::economics, false, false, {Distribution::triangular, 1.3, 1.4, 1.5},
     "[S40] doubling every 2.07-2.46 yr"},
    {"cost_of_capital", "Cost of capital", "share/yr", 0, 0.3, 0.1,
     "Yearly return an owner forgoes by holding chips (or a prepaid reservation); part of the owner's yearly cost",
     "assumption: ~10% for hyperscalers and neoclouds; owned H100 ~$0.90-1.40 per useful hour [S38]",
     "0% = money is free", "30% = money is very dear", G::economics, false, false},
    {"depreciation_life", "Depreciation life", "yr", 2, 10, 5,
     "Useful life of a chip; owned stock loses 1/life of itself every year",
     "[S39] hyperscalers 5-6 yr; AWS AI servers 5 yr (2025)", "2 yr = chips age fast", "10 yr = chips last",
     G::economics, false, false},
    {"utilisation", "Utilisation", "share", 0.1, 0.8, 0.4, "Model FLOP utilisation during a training run",
     "EST from [S4,S57]: Grok-3 4.6e26 FLOP on ~100k H100 over ~3-4 months = ~40%", "10% = poor utilisation",
     "80% = near peak", G::economics, false, false, {Distribution::triangular, 0.3, 0.4, 0.5},
     "EST from [S4,S57]"},
    {"run_length_days", "Training-run length", "days", 10, 365, 100, "Length of the largest training run",
     "assumption: frontier runs last ~3-4 months [S4,S57]", "10 days", "one year", G::economics, false, false},
};
// clang-format on

constexpr int kCount = static_cast<int>(sizeof(kTable) / sizeof(kTable[0]));
static_assert(kCount == kParamIdCount, "parameter table and ParamId disagree");
static_assert(kCount <= kMaxParams, "too many parameters");

// Shortest round-trip formatting keeps messages readable and exact.
std::string fmt(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace

int param_count() { return kCount; }

const ParamInfo& param_info(int index) {
    if (index < 0 || index >= kCount) return kTable[0];
    return kTable[index];
}

int find_param(std::string_view key) {
    for (int i = 0; i < kCount; ++i)
        if (key == kTable[i].key) return i;
    return -1;
}

int lever_export_controls() { return p_export_controls; }
int lever_cloud_denial() { return p_cloud_denial; }
int lever_privacy_law() { return p_privacy_law; }

int lever_index(int lever) {
    static const int kLevers[kLeverCount] = {p_export_controls, p_cloud_denial, p_privacy_law};
    if (lever < 0 || lever >= kLeverCount) return -1;
    return kLevers[lever];
}

int lever_of(std::string_view key) {
    const int index = find_param(key);
    for (int l = 0; l < kLeverCount; ++l)
        if (index >= 0 && lever_index(l) == index) return l;
    return -1;
}

std::string lever_keys() {
    std::string keys;
    for (int l = 0; l < kLeverCount; ++l) keys += (l ? ", " : "") + std::string(param_info(lever_index(l)).key);
    return keys;
}

Params default_params() {
    Params p;
    for (int i = 0; i < kCount; ++i) p[i] = kTable[i].default_value;
    return p;
}

std::string param_range_text(int index) {
    const ParamInfo& info = param_info(index);
    return "[" + fmt(info.min) + ", " + fmt(info.max) + "]" + (info.is_integer ? " (integer)" : "");
}

ParamError::Kind check_bounds(double value, double min, double max, bool integer) {
    using Kind = ParamError::Kind;
    if (!std::isfinite(value)) return Kind::not_finite;
    if (value < min || value > max) return Kind::out_of_range;
    if (integer && value != std::floor(value)) return Kind::not_integer;
    return Kind::none;
}

ParamError check_param(int index, double value) {
    ParamError error;
    error.param = index;
    error.value = value;
    if (index < 0 || index >= kCount) {
        error.kind = ParamError::Kind::unknown_parameter;
        return error;
    }
    const ParamInfo& info = kTable[index];
    error.kind = check_bounds(value, info.min, info.max, info.is_integer);
    return error;
}

ParamError parse_assignment(Params& params, std::string_view assignment) {
    ParamError error;
    const size_t eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        error.kind = ParamError::Kind::malformed;
        error.given = std::string(assignment);
        return error;
    }
    const std::string key(assignment.substr(0, eq));
    const std::string text(assignment.substr(eq + 1));
    error.param = find_param(key);
    if (error.param < 0) {
        error.kind = ParamError::Kind::unknown_parameter;
        error.given = key;
        return error;
    }
    // strtod accepts "nan"/"inf" and hex; check_param rejects the first two as not finite.
    char* end = nullptr;
    const double value = text.empty() ? 0.0 : std::strtod(text.c_str(), &end);
    // Compared with the length, not '\0': a NUL inside the text must not hide a trailing "junk".
    if (text.empty() || end != text.c_str() + text.size()) {
        error.kind = ParamError::Kind::not_a_number;
        error.given = text;
        return error;
    }
    error = check_param(error.param, value);
    error.given = text;
    if (error.ok()) params[error.param] = value;
    return error;
}

std::string describe(const ParamError& error) {
    using Kind = ParamError::Kind;
    switch (error.kind) {
        case Kind::none:
            return {};
        case Kind::malformed:
            return "expected KEY=VALUE, got '" + error.given + "'";
        case Kind::unknown_parameter:
            // By key when it came as text, by index when a caller passed a bad one.
            if (!error.given.empty()) return "unknown parameter '" + error.given + "'";
            return "unknown parameter index " + std::to_string(error.param);
        default:
            break;
    }
    const ParamInfo& info = param_info(error.param);
    const std::string key = std::string("parameter '") + info.key + "'";
    const std::string range = param_range_text(error.param);
    switch (error.kind) {
        case Kind::not_a_number:
            return key + ": '" + error.given + "' is not a number; allowed range " + range;
        case Kind::not_finite:
            return key + " must be a finite number in " + range;
        case Kind::out_of_range:
            return key + " = " + fmt(error.value) + " is outside the allowed range " + range + " " + info.unit;
        case Kind::not_integer:
            return key + " must be an integer in " + range;
        default:
            return {};
    }
}

std::string check_param_value(int index, double value) { return describe(check_param(index, value)); }

std::string apply_assignment(Params& params, std::string_view assignment) {
    return describe(parse_assignment(params, assignment));
}

}  // namespace cp
