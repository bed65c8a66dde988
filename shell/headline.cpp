// The headline: one sentence and a few big numbers built from the current results (no UI code).
#include "headline.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "format.h"
#include "state.h"

namespace cp::shell {
namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string json_number(double value) {
    if (!std::isfinite(value)) return "null";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

}  // namespace

Headline make_headline(const Scenario& scenario, const Run& run, int year, const Attribution* attribution) {
    Headline h;
    double ratio = run.at(r_compute_ratio, year);
    double behind = run.at(r_years_behind, year);
    double lag = run.at(r_capability_lag_months, year);
    double leverage = run.at(r_leverage_share, year);
    double impact = run.at(r_industry_impact, year);
    const std::string& who = scenario.restricted_name;

    std::string gap = behind < 0.05 ? "keeps pace with the frontier's"
                                    : "is " + format_years(behind) + " behind the frontier's in compute (" +
                                          format_months(lag) + " in capability)";
    h.sentence = "With these settings, in " + std::to_string(year) + " " + who + "'s AI developers can use " +
                 format_percent(ratio) + " of the compute the frontier has; their largest training run " + gap + "; " +
                 format_percent(leverage) + " of their compute could be switched off by a foreign government.";
    // The lever with the largest share of the gap, when it has a share worth naming.
    if (attribution && attribution->year == year && behind >= 0.05) {
        int top = -1;
        for (int l = 0; l < kLeverCount; ++l)
            if (attribution->lever[l] >= 0.05 && (top < 0 || attribution->lever[l] > attribution->lever[top])) top = l;
        if (top >= 0) {
            std::string name = param_info(lever_index(top)).label;
            for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            h.sentence +=
                " Of the levers, " + name + " move the gap most (" + format_years(attribution->lever[top]) + " of it).";
        }
    }
    h.numbers[0] = {"compute_ratio", ratio, format_percent(ratio), "of the frontier's usable compute"};
    h.numbers[1] = {"years_behind", behind, format_years(behind), "behind in the largest training run (compute)"};
    h.numbers[2] = {"capability_lag_months", lag, format_months(lag), "behind in capability (catch-up narrows it)"};
    h.numbers[3] = {"leverage_share", leverage, format_percent(leverage), "could be switched off from abroad"};
    h.numbers[4] = {"industry_impact", impact, format_percent(impact), "of the wider AI industry held back"};
    return h;
}

std::string plan_sentence(const Scenario& scenario) {
    std::string out = "Your settings apply from " + std::to_string(scenario.policy_year);
    out += scenario.policy_year > kFirstYear ? "; the years before follow the record." : ".";
    std::string steps;
    for (int l = 0; l < kLeverCount; ++l) {
        const LeverSchedule& s = scenario.steps[static_cast<size_t>(l)];
        for (int i = 0; i < s.count; ++i) {
            steps += steps.empty() ? " Steps: " : "; ";
            steps += std::string(param_info(lever_index(l)).label) + " " +
                     format_percent(s.step[static_cast<size_t>(i)].value) + " from " +
                     std::to_string(s.step[static_cast<size_t>(i)].year);
        }
    }
    return out + (steps.empty() ? "" : steps + ".");
}

std::string outcomes_json(const Scenario& scenario, const Params& params, const Run& run, int year,
                          const std::string& permalink, const Attribution* attribution,
                          const double* switch_off_years_behind, const std::vector<RecordPoint>* record) {
    Headline h = make_headline(scenario, run, year, attribution);
    std::string out = "{\"year\":" + std::to_string(year) + ",\"scenario\":" + json_string(scenario.id) +
                      ",\"sentence\":" + json_string(h.sentence) + ",\"plan\":" + json_string(plan_sentence(scenario)) +
                      ",\"numbers\":[";
    for (int i = 0; i < kHeadlineNumbers; ++i) {
        if (i) out += ",";
        out += "{\"outcome\":" + json_string(h.numbers[i].outcome) + ",\"value\":" + json_number(h.numbers[i].value) +
               ",\"text\":" + json_string(h.numbers[i].text) + ",\"caption\":" + json_string(h.numbers[i].caption) +
               "}";
    }
    out += "],\"outcomes\":{";
    bool first = true;
    if (switch_off_years_behind) {
        out += "\"switch_off_years_behind\":" + json_number(*switch_off_years_behind);
        first = false;
    }
    for (int s = 0; s < kSeriesCount; ++s) {
        const SeriesInfo& info = series_info(s);
        if (!first) out += ",";
        first = false;
        // Restricted-country outcomes go by their plain name (the page's data-outcome), the frontier's by key.
        std::string name = info.bloc == Bloc::restricted ? info.name : info.key;
        out += json_string(name) + ":" + json_number(run.at(s, year));
    }
    out += "},\"params\":{";
    for (int i = 0; i < param_count(); ++i) {
        if (i) out += ",";
        out += json_string(param_info(i).key) + ":" + json_number(params[i]);
    }
    out += "},\"policy_year\":" + std::to_string(scenario.policy_year) + ",\"steps\":{";
    for (int l = 0; l < kLeverCount; ++l) {
        const LeverSchedule& s = scenario.steps[static_cast<size_t>(l)];
        out += std::string(l ? "," : "") + json_string(param_info(lever_index(l)).key) + ":[";
        for (int i = 0; i < s.count; ++i)
            out += std::string(i ? "," : "") + "{\"year\":" + std::to_string(s.step[static_cast<size_t>(i)].year) +
                   ",\"value\":" + json_number(s.step[static_cast<size_t>(i)].value) + "}";
        out += "]";
    }
    out += "},\"hash\":" + json_string(permalink);
    if (record) {
        out += ",\"record\":[";
        for (size_t i = 0; i < record->size(); ++i) {
            const RecordPoint& p = (*record)[i];
            const SeriesInfo& info = series_info(p.series);
            const std::string& bloc = info.bloc == Bloc::restricted ? scenario.restricted_name : scenario.frontier_name;
            out += std::string(i ? "," : "") + "{\"series\":" + json_string(info.key) +
                   ",\"what\":" + json_string(bloc + ", " + info.label + " (" + info.unit + ")") +
                   ",\"year\":" + std::to_string(p.year) + ",\"value\":" + json_number(p.value) +
                   ",\"label\":" + json_string(p.label) + ",\"source\":" + json_string(p.source) + "}";
        }
        out += "]";
    }
    return out + "}";
}

std::string outcomes_json(const ExplorerState& state, const std::string& permalink) {
    const Results& r = state.results();
    const int year = std::clamp(state.year(), r.run.first_year, r.run.end_year);
    return outcomes_json(state.scenario(), state.params(), r.run, year, permalink, &r.attribution,
                         &r.switch_off_years_behind[year - r.run.first_year], &state.record());
}

}  // namespace cp::shell
