// Fuzz target: the scenario JSON loader (files a reader opens, presets). Accepted input must be valid
// in every field, survive a save/load round trip unchanged, and simulate to finite, non-negative values.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "analysis.h"
#include "fuzz_check.h"
#include "scenario.h"

namespace {

bool same_distribution(const cp::Distribution& a, const cp::Distribution& b) {
    return a.kind == b.kind && a.lo == b.lo && a.hi == b.hi && a.mode == b.mode;
}

bool same_schedule(const cp::LeverSchedule& a, const cp::LeverSchedule& b) {
    if (a.count != b.count) return false;
    for (int i = 0; i < a.count; ++i) {
        const size_t u = static_cast<size_t>(i);
        if (a.step[u].year != b.step[u].year || a.step[u].value != b.step[u].value) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const cp::LoadResult loaded = cp::parse_scenario(text);
    if (!loaded.ok) {
        FUZZ_REQUIRE(!loaded.error.empty());  // every refusal names its reason
        return 0;
    }
    const cp::Scenario& sc = loaded.scenario;
    for (int i = 0; i < cp::param_count(); ++i) FUZZ_REQUIRE(cp::check_param_value(i, sc.params[i]).empty());
    FUZZ_REQUIRE(sc.summary_year <= sc.end_year);

    // What "Save scenario" writes must load back as the same scenario.
    const cp::LoadResult again = cp::parse_scenario(cp::scenario_to_json(sc));
    FUZZ_REQUIRE(again.ok);
    FUZZ_REQUIRE(again.scenario.params == sc.params);
    FUZZ_REQUIRE(again.scenario.end_year == sc.end_year && again.scenario.summary_year == sc.summary_year);
    for (int i = 0; i < cp::param_count(); ++i) {
        const size_t u = static_cast<size_t>(i);
        FUZZ_REQUIRE(same_distribution(again.scenario.uncertainty[u], sc.uncertainty[u]));
    }
    FUZZ_REQUIRE(again.scenario.policy_year == sc.policy_year);
    for (size_t l = 0; l < cp::kLeverCount; ++l) {
        FUZZ_REQUIRE(same_schedule(again.scenario.history[l], sc.history[l]));
        FUZZ_REQUIRE(same_schedule(again.scenario.steps[l], sc.steps[l]));
    }

    static auto run = std::make_unique<cp::Run>();
    cp::simulate(sc, sc.params, *run);
    for (int s = 0; s < cp::kSeriesCount; ++s)
        for (int y = 0; y < run->years(); ++y) FUZZ_REQUIRE(std::isfinite(run->value[s][y]) && run->value[s][y] >= 0);

    // A few Monte Carlo draws over whatever uncertainty the file declares: bands finite and ordered.
    static auto bands = std::make_unique<cp::Bands>();
    cp::monte_carlo(sc, sc.params, 8, 1, *bands);
    for (int s = 0; s < cp::kSeriesCount; ++s)
        for (int y = 0; y < run->years(); ++y) {
            FUZZ_REQUIRE(std::isfinite(bands->p5[s][y]) && std::isfinite(bands->p95[s][y]));
            FUZZ_REQUIRE(bands->p5[s][y] <= bands->p50[s][y] && bands->p50[s][y] <= bands->p95[s][y]);
        }
    return 0;
}
