// Tests of the cp_run contract (in-process through cp::cli::run): exit codes, formats and JSON shape.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli.h"
#include "test_util.h"

using namespace cp;
using json = nlohmann::json;

namespace {

struct Result {
    int code;
    std::string out, err;
};

Result run_cli(std::vector<std::string> args) {
    Result r;
    r.code = cli::run(args, r.out, r.err);
    return r;
}

const std::string kToday = cp::test::scenario_path("today");

}  // namespace

TEST_CASE("cp_run exits 2 with a message on bad input", "[cli]") {
    const std::vector<std::vector<std::string>> bad = {
        {},
        {kToday, "--format", "xml"},
        {kToday, "--format"},
        {kToday, "--mc", "0"},
        {kToday, "--mc", "ten"},
        {kToday, "--seed", "-1"},
        {kToday, "--year", "2019"},
        {kToday, "--year", "2040"},  // after today's end_year
        {kToday, "--set", "export_controls=2"},
        {kToday, "--set", "nokey=1"},
        {kToday, "--bogus"},
        {kToday, "--set", "cloud_denial@2036=1"},  // after the run
        {kToday, "--set", "cloud_denial@2021=1"},  // before it
        {kToday, "--set", "cloud_denial@20x8=1"},
        {kToday, "--set", "utilisation@2028=0.5"},  // steps are for levers only
        {kToday, "--set", "cloud_denial@2028=1.5"},
        {kToday, "--set", "nokey@2028=1"},
        {kToday, "--set", "cloud_denial@2028"},
        {kToday, "--policy-year", "2036"},
        {kToday, "--policy-year", "2021"},
        {kToday, "--policy-year"},
        {kToday, kToday},
        {cp::test::scenario_path("missing_file")},
        {std::string(CP_SCENARIO_DIR) + "/../../tests/core/CMakeLists.txt"},  // not JSON
    };
    for (const auto& args : bad) {
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        INFO(joined);
        const Result r = run_cli(args);
        CHECK(r.code == cli::kExitBadInput);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("cp_run: ", 0) == 0);
    }
    CHECK(run_cli({kToday, "--set", "export_controls=2"}).err.find("[0, 1]") != std::string::npos);
}

TEST_CASE("cp_run --format json has the documented shape", "[cli]") {
    const Result r =
        run_cli({kToday, "--format", "json", "--mc", "100", "--seed", "7", "--attribution", "--sensitivity"});
    INFO(r.err);
    REQUIRE(r.code == cli::kExitOk);
    const json j = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    REQUIRE(j["years"].size() == 14);
    CHECK(j["years"][0] == 2022);
    CHECK(j["years"][13] == 2035);
    REQUIRE(j["series"].size() == static_cast<size_t>(kSeriesCount));
    for (int s = 0; s < kSeriesCount; ++s) {
        const json& arr = j["series"][series_info(s).key];
        REQUIRE(arr.size() == 14);
        for (const json& v : arr) REQUIRE(v.is_number());
    }
    CHECK(j["summary"]["year"] == 2030);
    CHECK(j["summary"]["scenario"] == "today");
    CHECK(j["summary"]["restricted.years_behind"] == j["series"]["restricted.years_behind"][8]);
    CHECK(j["bands"]["draws"] == 100);
    CHECK(j["bands"]["seed"] == 7);
    CHECK(j["bands"]["p50"]["restricted.years_behind"].size() == 14);
    const json& a = j["attribution"];
    const double sum = a["levers"]["export_controls"].get<double>() + a["levers"]["cloud_denial"].get<double>() +
                       a["levers"]["privacy_law"].get<double>();
    CHECK(sum == Approx(a["current_value"].get<double>() - a["open_value"].get<double>()).margin(1e-9));
    CHECK(j["tornado"]["bars"].size() == static_cast<size_t>(param_count()));
    CHECK(j["tornado"]["bars"][0].contains("metric_high"));
}

TEST_CASE("cp_run: --set and --year change the answer, csv and text formats", "[cli]") {
    const Result base = run_cli({kToday, "--format", "json"});
    const Result strict = run_cli({kToday, "--format", "json", "--set", "export_controls=1", "--year", "2028"});
    REQUIRE(base.code == 0);
    REQUIRE(strict.code == 0);
    const json b = json::parse(base.out), s = json::parse(strict.out);
    CHECK(s["summary"]["year"] == 2028);
    // Full controls from the policy year (2026) end legal imports; the history before still has them.
    CHECK(s["series"]["restricted.acquired_legal_h100e"][6] == 0.0);
    CHECK(s["series"]["restricted.acquired_legal_h100e"][3].get<double>() > 0.0);
    CHECK(s["series"]["restricted.acquired_legal_h100e"][3] == b["series"]["restricted.acquired_legal_h100e"][3]);
    CHECK(s["series"]["restricted.years_behind"][6].get<double>() >
          b["series"]["restricted.years_behind"][6].get<double>());

    const Result csv = run_cli({kToday, "--format", "csv"});
    REQUIRE(csv.code == 0);
    size_t lines = 0;
    for (char c : csv.out) lines += c == '\n';
    CHECK(lines == 15);  // header + 14 years
    CHECK(csv.out.rfind("year,restricted.owned_stock_h100e,", 0) == 0);

    const Result text = run_cli({kToday});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("years behind") != std::string::npos);
    const Result help = run_cli({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("usage") != std::string::npos);
    const Result list = run_cli({"--list-params"});
    REQUIRE(list.code == 0);
    CHECK(json::parse(list.out).size() == static_cast<size_t>(param_count()));
}

TEST_CASE("cp_run --format digest covers every number and changes with any of them", "[cli]") {
    const std::vector<std::string> full = {kToday, "--format",      "digest",       "--mc",
                                           "50",   "--attribution", "--sensitivity"};
    const Result a = run_cli(full);
    const Result again = run_cli(full);
    REQUIRE(a.code == 0);
    CHECK(a.out == again.out);
    CHECK(a.out.rfind("fnv1a64 ", 0) == 0);
    // Run and three bands for 14 years, 5 attribution numbers, the tornado's base and 3 per bar.
    const int expected = kSeriesCount * 14 * 4 + 5 + 1 + 3 * param_count();
    CHECK(a.out.substr(24) == " " + std::to_string(expected) + " numbers\n");

    // Another seed moves only the bands; a parameter nudged by one ulp moves the run.
    std::vector<std::string> seeded = full;
    seeded.insert(seeded.end(), {"--seed", "2"});
    CHECK(run_cli(seeded).out != a.out);
    const Result plain = run_cli({kToday, "--format", "digest"});
    const Result nudged = run_cli({kToday, "--format", "digest", "--set", "export_controls=0.7500000000000001"});
    CHECK(plain.out != nudged.out);
    CHECK(plain.out.find(" numbers") != std::string::npos);
}

TEST_CASE("cp_run: lever steps and the policy year act from their year on, never before", "[cli]") {
    auto series = [](const Result& r, const char* key) { return json::parse(r.out)["series"][key]; };
    const Result base = run_cli({kToday, "--format", "json"});
    const Result step = run_cli({kToday, "--format", "json", "--set", "cloud_denial@2028=1"});
    const Result late = run_cli({kToday, "--format", "json", "--policy-year", "2029", "--set", "export_controls=1"});
    REQUIRE(base.code == 0);
    REQUIRE(step.code == 0);
    REQUIRE(late.code == 0);
    const json years = json::parse(base.out)["years"];
    for (size_t i = 0; i < years.size(); ++i) {
        const int y = years[i].get<int>();
        INFO("year " << y);
        const double b = series(base, "restricted.years_behind")[i].get<double>();
        if (y < 2028) CHECK(series(step, "restricted.years_behind")[i].get<double>() == b);
        if (y >= 2028) CHECK(series(step, "restricted.years_behind")[i].get<double>() > b);
        // Before 2026 both follow the history; 2026-2028 keep 2025's last history value in `late`.
        if (y < 2026) CHECK(series(late, "restricted.years_behind")[i].get<double>() == b);
        if (y >= 2029) CHECK(series(late, "restricted.years_behind")[i].get<double>() > b);
    }
    const json summary = json::parse(base.out)["summary"];
    CHECK(summary["policy_year"] == 2026);
    CHECK(summary["restricted.switch_off_years_behind"].get<double>() >
          summary["restricted.years_behind"].get<double>());
    for (const char* key :
         {"restricted.capability_lag_months", "restricted.rent_usd_per_h100e_hour", "restricted.unspent_budget_usd"})
        CHECK(json::parse(base.out)["series"].contains(key));
}
