// The article's claims (index.html: each section's "Try:" sentence and its description) checked on the model as built.
#include <catch2/catch.hpp>

#include <memory>

#include "param_ids.h"
#include "test_util.h"

using namespace cp;

namespace {

// The outcome `series` in the summary year of `preset` with `sets` ("key=value") applied.
double outcome(const char* preset, std::initializer_list<const char*> sets, int series) {
    Scenario sc = cp::test::load_preset(preset);
    REQUIRE(sc.id == preset);
    for (const char* s : sets) REQUIRE(apply_scenario_assignment(sc, s).empty());
    auto run = std::make_unique<Run>();
    simulate(sc, *run);
    return run->at(series, sc.summary_year);
}

}  // namespace

TEST_CASE("article, renting: the loophole puts twice as much abroad, offshore clusters keep its run close",
          "[article]") {
    CHECK(outcome("cloud_loophole", {}, r_leverage_share) >= 1.8 * outcome("today", {}, r_leverage_share));
    // Stricter chip controls than today, yet the largest run is at least as close: the offshore clusters.
    CHECK(outcome("cloud_loophole", {}, r_years_behind) <= outcome("today", {}, r_years_behind));
    // Renting at cost buys more compute, more of it exposed, and no larger run: the cluster one can lease
    // is sized by what operators build, not by price.
    CHECK(outcome("cloud_loophole", {"rent_premium=1"}, r_usable_compute_h100e) >
          1.1 * outcome("cloud_loophole", {}, r_usable_compute_h100e));
    CHECK(outcome("cloud_loophole", {"rent_premium=1"}, r_leverage_share) >
          outcome("cloud_loophole", {}, r_leverage_share) + 0.05);
    CHECK(outcome("cloud_loophole", {"rent_premium=1"}, r_years_behind) ==
          outcome("cloud_loophole", {}, r_years_behind));
    // Without an offshore cluster the years behind grow.
    CHECK(outcome("cloud_loophole", {"rent_premium=1", "offshore_block_share=0"}, r_years_behind) >
          outcome("cloud_loophole", {"rent_premium=1"}, r_years_behind) + 0.1);
}

TEST_CASE("article, controls: closing the leak lowers usable compute and raises the years behind", "[article]") {
    CHECK(outcome("leaky_controls", {"export_controls=1"}, r_usable_compute_h100e) <
          outcome("leaky_controls", {}, r_usable_compute_h100e));
    CHECK(outcome("leaky_controls", {"export_controls=1"}, r_years_behind) >
          outcome("leaky_controls", {}, r_years_behind) + 0.05);
}

TEST_CASE("article, cloud: full denial lowers leverage and usable compute", "[article]") {
    CHECK(outcome("cloud_loophole", {"cloud_denial=1"}, r_leverage_share) <
          outcome("cloud_loophole", {}, r_leverage_share));
    CHECK(outcome("cloud_loophole", {"cloud_denial=1"}, r_usable_compute_h100e) <
          outcome("cloud_loophole", {}, r_usable_compute_h100e));
}

TEST_CASE("article, privacy: lifting the law reopens the loophole", "[article]") {
    CHECK(outcome("data_localisation", {"privacy_law=0"}, r_foreign_cloud_h100e) >
          1.5 * outcome("data_localisation", {}, r_foreign_cloud_h100e));
    CHECK(outcome("data_localisation", {"privacy_law=0"}, r_years_behind) <
          outcome("data_localisation", {}, r_years_behind));
}

TEST_CASE("article, latency: a shorter round trip serves more inference from abroad", "[article]") {
    CHECK(outcome("cloud_loophole", {"rtt_abroad_ms=20"}, r_inference_abroad_share) >
          outcome("cloud_loophole", {"rtt_abroad_ms=150"}, r_inference_abroad_share));
}

TEST_CASE("article, seizure: no conflict risk raises usable compute", "[article]") {
    CHECK(outcome("cloud_loophole", {"conflict_probability=0"}, r_usable_compute_h100e) >
          outcome("cloud_loophole", {"conflict_probability=0.2"}, r_usable_compute_h100e));
}

TEST_CASE("article, industry: a lower barrier lowers the industry number, not the developers' gap", "[article]") {
    CHECK(outcome("today", {"foreign_model_barrier=0"}, r_industry_impact) <
          outcome("today", {"foreign_model_barrier=1"}, r_industry_impact));
    CHECK(outcome("today", {"foreign_model_barrier=0"}, r_years_behind) ==
          outcome("today", {"foreign_model_barrier=1"}, r_years_behind));
}

TEST_CASE("article, who is right: the oil world has less compute but keeps up in its largest run", "[article]") {
    CHECK(outcome("oil_world", {}, r_compute_ratio) < 0.5);
    CHECK(outcome("oil_world", {}, r_years_behind) < 0.1);
    CHECK(outcome("today", {}, r_years_behind) > 1.0);
}

TEST_CASE("article, timeline: a 2028 cut-off leaves every number up to 2027 as today and widens the gap after",
          "[article]") {
    Scenario today = cp::test::load_preset("today"), cut = cp::test::load_preset("cloud_cutoff_2028");
    auto a = std::make_unique<Run>(), b = std::make_unique<Run>();
    simulate(today, *a);
    simulate(cut, *b);
    for (int y = kFirstYear; y <= 2027; ++y)
        for (int s = 0; s < kSeriesCount; ++s) CHECK(a->at(s, y) == b->at(s, y));
    for (int y = 2028; y <= 2035; ++y) {
        CHECK(b->at(r_years_behind, y) > a->at(r_years_behind, y));
        CHECK(b->at(r_leverage_share, y) < a->at(r_leverage_share, y));
    }
}

TEST_CASE("article, record: full controls from 2026 change nothing before 2026 and move the lines after", "[article]") {
    Scenario today = cp::test::load_preset("today");
    Scenario strict = today;
    REQUIRE(apply_scenario_assignment(strict, "export_controls=1").empty());
    auto a = std::make_unique<Run>(), b = std::make_unique<Run>();
    simulate(today, *a);
    simulate(strict, *b);
    for (int y = kFirstYear; y < 2026; ++y)
        CHECK(a->at(r_largest_training_run_flop, y) == b->at(r_largest_training_run_flop, y));
    CHECK(b->at(r_largest_training_run_flop, 2030) < a->at(r_largest_training_run_flop, 2030));
    CHECK(b->at(r_acquired_smuggled_h100e, 2030) < a->at(r_acquired_smuggled_h100e, 2030));
}
