// cp_run: loads a scenario, applies --set overrides, runs the model and the analyses, prints text/CSV/JSON or a digest.
#include "cli.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "csv.h"

namespace cp::cli {

namespace {

using ojson = nlohmann::ordered_json;

const char* kUsage =
    "usage: cp_run SCENARIO.json [--format text|csv|json|digest] [--set KEY=VALUE]... [--set LEVER@YEAR=VALUE]...\n"
    "              [--policy-year Y] [--mc N] [--seed S] [--attribution] [--sensitivity] [--year Y]\n"
    "              [--metric years_behind|log10_compute_gap]\n"
    "       cp_run --list-params    (the parameter table as JSON)\n";

struct Options {
    std::string path;
    std::string format = "text";
    std::vector<std::string> sets;
    int mc = 0;
    uint64_t seed = 1;
    bool attribution = false;
    bool sensitivity = false;
    int year = 0;         // 0 = the scenario's summary year
    int policy_year = 0;  // 0 = the scenario's own
    Metric metric = Metric::years_behind;
};

bool parse_int(const std::string& s, long long lo, long long hi, long long& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v < lo || v > hi) return false;
    out = v;
    return true;
}

// FNV-1a over the exact bit patterns of every number computed: two builds print the same digest
// only if they agree to the last bit (text output rounds, and so could hide a difference).
class Digest {
public:
    void add(double v) {
        uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        for (int i = 0; i < 8; ++i) {
            hash_ = (hash_ ^ ((bits >> (8 * i)) & 0xffu)) * 0x100000001b3ull;
        }
        ++count_;
    }
    void add(const double (*rows)[kMaxYears], int years) {
        for (int s = 0; s < kSeriesCount; ++s)
            for (int y = 0; y < years; ++y) add(rows[s][y]);
    }
    std::string text() const {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "fnv1a64 %016llx %d numbers\n", static_cast<unsigned long long>(hash_),
                      count_);
        return buffer;
    }

private:
    uint64_t hash_ = 0xcbf29ce484222325ull;
    int count_ = 0;
};

// Returns an error message, or empty on success.
std::string parse_args(const std::vector<std::string>& args, Options& o) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& v) -> bool {
            if (i + 1 >= args.size()) return false;
            v = args[++i];
            return true;
        };
        std::string v;
        long long n = 0;
        if (a == "--format") {
            if (!value(v) || (v != "text" && v != "csv" && v != "json" && v != "digest"))
                return "--format needs text, csv, json or digest";
            o.format = v;
        } else if (a == "--set") {
            if (!value(v)) return "--set needs KEY=VALUE";
            o.sets.push_back(v);
        } else if (a == "--mc") {
            if (!value(v) || !parse_int(v, 1, 1000000, n)) return "--mc needs a number of draws in [1, 1000000]";
            o.mc = static_cast<int>(n);
        } else if (a == "--seed") {
            if (!value(v) || v.empty() || v[0] == '-') return "--seed needs a non-negative integer";
            char* end = nullptr;
            errno = 0;
            const unsigned long long s = std::strtoull(v.c_str(), &end, 10);
            if (errno != 0 || *end != '\0') return "--seed needs a non-negative integer below 2^64";
            o.seed = s;
        } else if (a == "--year") {
            if (!value(v) || !parse_int(v, kFirstYear, kMaxEndYear, n))
                return "--year needs a year in [" + std::to_string(kFirstYear) + ", " + std::to_string(kMaxEndYear) +
                       "]";
            o.year = static_cast<int>(n);
        } else if (a == "--policy-year") {
            if (!value(v) || !parse_int(v, kFirstYear, kMaxPolicyYear, n))
                return "--policy-year needs a year in [" + std::to_string(kFirstYear) + ", " +
                       std::to_string(kMaxPolicyYear) + "]";
            o.policy_year = static_cast<int>(n);
        } else if (a == "--metric") {
            if (!value(v)) return "--metric needs years_behind or log10_compute_gap";
            if (v == "years_behind")
                o.metric = Metric::years_behind;
            else if (v == "log10_compute_gap")
                o.metric = Metric::log10_compute_gap;
            else
                return "--metric needs years_behind or log10_compute_gap";
        } else if (a == "--attribution") {
            o.attribution = true;
        } else if (a == "--sensitivity") {
            o.sensitivity = true;
        } else if (!a.empty() && a[0] == '-') {
            return "unknown option '" + a + "'";
        } else if (o.path.empty()) {
            o.path = a;
        } else {
            return "more than one scenario file given ('" + o.path + "', '" + a + "')";
        }
    }
    if (o.path.empty()) return "no scenario file given";
    return {};
}

bool read_file(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    return !in.bad();
}

std::string file_stem(const std::string& path) {
    const size_t slash = path.find_last_of("/\\");
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    const size_t dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

const char* metric_name(Metric m) { return m == Metric::years_behind ? "years_behind" : "log10_compute_gap"; }

// Numbers for people: 3 significant digits.
std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

ojson series_object(const double (&v)[kSeriesCount][kMaxYears], int years) {
    ojson o = ojson::object();
    for (int s = 0; s < kSeriesCount; ++s) {
        ojson arr = ojson::array();
        for (int y = 0; y < years; ++y) arr.push_back(v[s][y]);
        o[series_info(s).key] = std::move(arr);
    }
    return o;
}

// Cumulative acquisitions by a year: the figure calibration.md reports.
double cumulative(const Run& run, int series, int year) {
    double sum = 0;
    for (int y = run.first_year; y <= year; ++y) sum += run.at(series, y);
    return sum;
}

// Years behind in `year` if every lease, rented block and licensed import were cut in that year.
double switch_off_years_behind(const Scenario& sc, int year) {
    auto cut = std::make_unique<Run>();
    simulate_switch_off(sc, sc.params, year, *cut);
    return cut->at(r_years_behind, year);
}

ojson summary_json(const Scenario& sc, const Run& run, int year) {
    ojson s;
    s["scenario"] = sc.id;
    s["title"] = sc.title;
    s["restricted_name"] = sc.restricted_name;
    s["frontier_name"] = sc.frontier_name;
    s["year"] = year;
    s["policy_year"] = sc.policy_year;
    for (int k = 0; k < kSeriesCount; ++k) s[series_info(k).key] = run.at(k, year);
    s["restricted.switch_off_years_behind"] = switch_off_years_behind(sc, year);
    s["restricted.cumulative_legal_h100e"] = cumulative(run, r_acquired_legal_h100e, year);
    s["restricted.cumulative_smuggled_h100e"] = cumulative(run, r_acquired_smuggled_h100e, year);
    s["restricted.cumulative_domestic_h100e"] = cumulative(run, r_acquired_domestic_h100e, year);
    return s;
}

void write_text(const Scenario& sc, const Run& run, int year, const Attribution* attr, const Bands* bands,
                const Tornado* tor, std::string& out) {
    std::ostringstream o;
    o << sc.title << " [" << sc.id << "]\n";
    o << sc.restricted_name << " vs " << sc.frontier_name << ", " << year << ":\n";
    o << "  levers from " << sc.policy_year << " on (history before)\n";
    o << "  years behind the frontier      " << num(run.at(r_years_behind, year)) << " (compute)\n";
    o << "  capability lag                 " << num(run.at(r_capability_lag_months, year)) << " months ("
      << num(100 * run.at(r_distillation_share, year)) << "% of the lead copied from frontier models)\n";
    o << "  if foreign cloud and licences were cut in " << year << ": " << num(switch_off_years_behind(sc, year))
      << " years behind\n";
    o << "  largest training run           " << num(run.at(r_largest_training_run_flop, year)) << " FLOP vs "
      << num(run.at(f_largest_training_run_flop, year)) << "\n";
    o << "    trained on: own cluster " << num(run.at(r_own_cluster_h100e, year)) << ", hyperscaler block "
      << num(run.at(r_rented_block_h100e, year)) << ", offshore cluster " << num(run.at(r_offshore_block_h100e, year))
      << " H100e usable (leased " << num(run.at(r_offshore_cluster_h100e, year)) << ")\n";
    o << "  usable compute vs frontier     " << num(100 * run.at(r_compute_ratio, year)) << "%\n";
    o << "  usable compute                 " << num(run.at(r_usable_compute_h100e, year)) << " H100e (foreign cloud "
      << num(run.at(r_foreign_cloud_h100e, year)) << ")\n";
    o << "  leverage (could be switched off) " << num(100 * run.at(r_leverage_share, year)) << "%\n";
    o << "  exposed to seizure             " << num(run.at(r_seizure_exposure_h100e, year)) << " H100e\n";
    o << "  inference served from abroad   " << num(100 * run.at(r_inference_abroad_share, year)) << "%\n";
    o << "  industry held back             " << num(100 * run.at(r_industry_impact, year)) << "%\n";
    o << "  cost per usable H100e-year     $" << num(run.at(r_cost_per_usable_h100e_year, year)) << "\n";
    o << "  rent per H100e-hour            $" << num(run.at(r_rent_usd_per_h100e_hour, year)) << "\n";
    o << "  budget no route would take     $" << num(run.at(r_unspent_budget_usd, year)) << " of $"
      << num(run.at(r_budget_usd, year)) << "\n\n";
    o << "year  owned_H100e  legal_acq  smuggled_acq  domestic_acq  cloud_H100e  run_FLOP   frontier_run  yrs_behind\n";
    for (int y = run.first_year; y <= run.end_year; ++y) {
        char line[256];
        std::snprintf(line, sizeof line, "%d  %11.3g  %9.3g  %12.3g  %12.3g  %11.3g  %9.3g  %12.3g  %10.2f\n", y,
                      run.at(r_owned_stock_h100e, y), run.at(r_acquired_legal_h100e, y),
                      run.at(r_acquired_smuggled_h100e, y), run.at(r_acquired_domestic_h100e, y),
                      run.at(r_foreign_cloud_h100e, y), run.at(r_largest_training_run_flop, y),
                      run.at(f_largest_training_run_flop, y), run.at(r_years_behind, y));
        o << line;
    }
    if (attr) {
        o << "\nAttribution of " << metric_name(attr->metric) << " in " << attr->year << " (Shapley): open "
          << num(attr->open_value) << " -> current " << num(attr->current_value) << "\n";
        for (int l = 0; l < kLeverCount; ++l)
            o << "  " << param_info(lever_index(l)).key << "  " << num(attr->lever[l]) << "\n";
    }
    if (bands) {
        const int i = year - run.first_year;
        o << "\nMonte Carlo (" << bands->draws << " draws, seed " << bands->seed << "), " << year << " p5/p50/p95:\n";
        for (int s : {static_cast<int>(r_years_behind), static_cast<int>(r_compute_ratio),
                      static_cast<int>(r_leverage_share), static_cast<int>(r_industry_impact)})
            o << "  " << series_info(s).key << "  " << num(bands->p5[s][i]) << " / " << num(bands->p50[s][i]) << " / "
              << num(bands->p95[s][i]) << "\n";
    }
    if (tor) {
        o << "\nTornado of " << metric_name(tor->metric) << " in " << tor->year << " (base " << num(tor->base)
          << "), top 10:\n";
        for (int k = 0; k < tor->count && k < 10; ++k) {
            const TornadoBar& b = tor->bar[k];
            o << "  " << param_info(b.param).key << "  [" << num(b.low) << " -> " << num(b.metric_low) << ", "
              << num(b.high) << " -> " << num(b.metric_high) << "]\n";
        }
    }
    out = o.str();
}

// The parameter table as JSON (for docs, the front end's tooltips and generating scenario files).
std::string params_json() {
    static const char* kGroups[] = {"headline", "chips",    "cloud",    "privacy_latency",
                                    "conflict", "industry", "frontier", "economics"};
    ojson arr = ojson::array();
    for (int i = 0; i < param_count(); ++i) {
        const ParamInfo& p = param_info(i);
        arr.push_back({{"key", p.key},
                       {"label", p.label},
                       {"unit", p.unit},
                       {"min", p.min},
                       {"max", p.max},
                       {"default", p.default_value},
                       {"meaning", p.meaning},
                       {"source", p.source},
                       {"low_words", p.low_words},
                       {"high_words", p.high_words},
                       {"group", kGroups[static_cast<int>(p.group)]}});
    }
    return arr.dump(2) + "\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::string& out, std::string& err) {
    out.clear();
    err.clear();
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") {
            out = kUsage;
            return kExitOk;
        }
        if (a == "--list-params") {
            out = params_json();
            return kExitOk;
        }
    }
    Options o;
    std::string msg = parse_args(args, o);
    if (!msg.empty()) {
        err = "cp_run: " + msg + "\n" + kUsage;
        return kExitBadInput;
    }
    std::string text;
    if (!read_file(o.path, text)) {
        err = "cp_run: cannot read '" + o.path + "'\n";
        return kExitBadInput;
    }
    Scenario base = default_scenario();
    base.id = file_stem(o.path);
    LoadResult loaded = parse_scenario(text, base);
    if (!loaded.ok) {
        err = "cp_run: " + o.path + ": " + loaded.error + "\n";
        return kExitBadInput;
    }
    Scenario& sc = loaded.scenario;
    if (o.policy_year != 0) {
        msg = set_policy_year(sc, o.policy_year);
        if (!msg.empty()) {
            err = "cp_run: --policy-year: " + msg + "\n";
            return kExitBadInput;
        }
    }
    for (const std::string& s : o.sets) {
        msg = apply_scenario_assignment(sc, s);
        if (!msg.empty()) {
            err = "cp_run: --set " + s + ": " + msg + "\n";
            return kExitBadInput;
        }
        if (s.find('@') == std::string::npos || s.find('@') > s.find('='))
            sc.source[static_cast<size_t>(find_param(s.substr(0, s.find('='))))] = "--set on the command line";
    }
    const int year = o.year != 0 ? o.year : sc.summary_year;
    if (year > sc.end_year) {
        err = "cp_run: --year " + std::to_string(year) + " is after the scenario's end_year " +
              std::to_string(sc.end_year) + "\n";
        return kExitBadInput;
    }

    auto run_ptr = std::make_unique<Run>();
    Run& r = *run_ptr;
    simulate(sc, r);
    Attribution attr;
    if (o.attribution) attr = shapley(sc, sc.params, o.metric, year);
    std::unique_ptr<Bands> bands;
    if (o.mc > 0) {
        bands = std::make_unique<Bands>();
        monte_carlo(sc, sc.params, o.mc, o.seed, *bands);
    }
    std::unique_ptr<Tornado> tor;
    if (o.sensitivity) {
        tor = std::make_unique<Tornado>();
        tornado(sc, sc.params, o.metric, year, *tor);
    }

    if (o.format == "digest") {
        Digest d;
        d.add(r.value, r.years());
        if (bands) {
            d.add(bands->p5, r.years());
            d.add(bands->p50, r.years());
            d.add(bands->p95, r.years());
        }
        if (o.attribution) {
            d.add(attr.open_value);
            d.add(attr.current_value);
            for (double v : attr.lever) d.add(v);
        }
        if (tor) {
            d.add(tor->base);
            for (int i = 0; i < tor->count; ++i) {
                d.add(tor->bar[i].param);
                d.add(tor->bar[i].metric_low);
                d.add(tor->bar[i].metric_high);
            }
        }
        out = d.text();
        return kExitOk;
    }
    if (o.format == "csv") {
        out = series_csv(r);
        return kExitOk;
    }
    if (o.format == "text") {
        write_text(sc, r, year, o.attribution ? &attr : nullptr, bands.get(), tor.get(), out);
        return kExitOk;
    }
    ojson j;
    ojson years = ojson::array();
    for (int y = r.first_year; y <= r.end_year; ++y) years.push_back(y);
    j["years"] = years;
    j["series"] = series_object(r.value, r.years());
    j["summary"] = summary_json(sc, r, year);
    if (bands) {
        j["bands"] = {{"draws", bands->draws},
                      {"seed", bands->seed},
                      {"p5", series_object(bands->p5, r.years())},
                      {"p50", series_object(bands->p50, r.years())},
                      {"p95", series_object(bands->p95, r.years())}};
    }
    if (o.attribution) {
        ojson levers = ojson::object();
        for (int l = 0; l < kLeverCount; ++l) levers[param_info(lever_index(l)).key] = attr.lever[l];
        j["attribution"] = {{"metric", metric_name(attr.metric)},
                            {"year", attr.year},
                            {"open_value", attr.open_value},
                            {"current_value", attr.current_value},
                            {"levers", levers}};
    }
    if (tor) {
        ojson bars = ojson::array();
        for (int k = 0; k < tor->count; ++k) {
            const TornadoBar& b = tor->bar[k];
            bars.push_back({{"key", param_info(b.param).key},
                            {"low", b.low},
                            {"high", b.high},
                            {"metric_low", b.metric_low},
                            {"metric_high", b.metric_high}});
        }
        j["tornado"] = {{"metric", metric_name(tor->metric)}, {"year", tor->year}, {"base", tor->base}, {"bars", bars}};
    }
    // replace: scenario names given by users must not make dump() throw on invalid UTF-8.
    out = j.dump(-1, ' ', false, ojson::error_handler_t::replace) + "\n";
    return kExitOk;
}

}  // namespace cp::cli
