// The headline: one sentence and a few big numbers built from the current results (no UI code).
#include "headline.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "format.h"
#include "i18n.h"
#include "state.h"

namespace cp::shell {

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

namespace {

std::string json_number(double value) {
    if (!std::isfinite(value)) return "null";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

// The text layer's name for an outcome no catalogue words: "frontier.power_gw" -> "Frontier: power gw".
std::string plain_label(const std::string& name) {
    std::string out;
    for (char c : name) out += c == '.' ? std::string(": ") : std::string(1, c == '_' ? ' ' : c);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

Headline make_headline(const Scenario& scenario, const Run& run, int year, const Attribution* attribution) {
    Headline h;
    double ratio = run.at(r_compute_ratio, year);
    double behind = run.at(r_years_behind, year);
    double lag = run.at(r_capability_lag_months, year);
    double leverage = run.at(r_leverage_share, year);
    double impact = run.at(r_industry_impact, year);
    // The lever with the largest share of the gap, when it has a share worth naming.
    int top = -1;
    if (attribution && attribution->year == year && behind >= 0.05)
        for (int l = 0; l < kLeverCount; ++l)
            if (attribution->lever[l] >= 0.05 && (top < 0 || attribution->lever[l] > attribution->lever[top])) top = l;
    // One template per variant (keeps pace / behind / behind with a lever named): whole sentences, so
    // a translation can order the clauses its own way.
    const txt::Id sentence = behind < 0.05 ? txt::heading_headline_sentence_keeps_pace
                             : top < 0     ? txt::heading_headline_sentence_behind
                                           : txt::heading_headline_sentence_behind_lever;
    std::string lever, lever_years;
    if (top >= 0) {
        lever = param_label(lever_index(top));
        // Mid-sentence in English the lever's name is lower case; other languages keep theirs.
        if (language() == Language::en)
            for (char& ch : lever) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        lever_years = format_years(attribution->lever[top]);
    }
    h.sentence = trf(sentence, {{"year", std::to_string(year)},
                                {"country", restricted_name(scenario)},
                                {"share", format_percent(ratio)},
                                {"years", format_years(behind)},
                                {"months", format_months(lag)},
                                {"leverage", format_percent(leverage)},
                                {"lever", lever},
                                {"lever_years", lever_years}});
    h.numbers[0] = {"compute_ratio", ratio, format_percent(ratio), tr(txt::headline_caption_compute_ratio)};
    h.numbers[1] = {"years_behind", behind, format_years(behind), tr(txt::headline_caption_years_behind)};
    h.numbers[2] = {"capability_lag_months", lag, format_months(lag), tr(txt::headline_caption_capability_lag)};
    h.numbers[3] = {"leverage_share", leverage, format_percent(leverage), tr(txt::headline_caption_leverage_share)};
    h.numbers[4] = {"industry_impact", impact, format_percent(impact), tr(txt::headline_caption_industry_impact)};
    return h;
}

std::string plan_sentence(const Scenario& scenario) {
    const std::string from = trf(scenario.policy_year > kFirstYear ? txt::text_layer_plan_from_policy_year
                                                                   : txt::text_layer_plan_from_first_year,
                                 {{"year", std::to_string(scenario.policy_year)}});
    std::string steps;
    for (int l = 0; l < kLeverCount; ++l) {
        const LeverSchedule& s = scenario.steps[static_cast<size_t>(l)];
        for (int i = 0; i < s.count; ++i) {
            if (!steps.empty()) steps += tr(txt::text_layer_plan_step_separator);
            steps += trf(txt::text_layer_plan_step, {{"lever", param_label(lever_index(l))},
                                                     {"value", format_percent(s.step[static_cast<size_t>(i)].value)},
                                                     {"year", std::to_string(s.step[static_cast<size_t>(i)].year)}});
        }
    }
    return steps.empty() ? from : trf(txt::text_layer_plan_with_steps, {{"plan", from}, {"steps", steps}});
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
    // Every outcome three ways: its value, its text as the page shows it and its label, the catalogue's
    // words in a translation and the outcome's own name in English (the page has always written these).
    std::string values, texts, labels;
    auto add = [&](const std::string& name, double value, const char* unit, const std::string& label) {
        const char* comma = values.empty() ? "" : ",";
        values += comma + json_string(name) + ":" + json_number(value);
        texts += comma + json_string(name) + ":" + json_string(format_text_outcome(value, unit));
        labels += comma + json_string(name) + ":" + json_string(label);
    };
    const bool english = language() == Language::en;
    if (switch_off_years_behind)
        add("switch_off_years_behind", *switch_off_years_behind, "years", plain_label("switch_off_years_behind"));
    for (int s = 0; s < kSeriesCount; ++s) {
        const SeriesInfo& info = series_info(s);
        // Restricted-country outcomes go by their plain name (the page's data-outcome), the frontier's by key.
        std::string name = info.bloc == Bloc::restricted ? info.name : info.key;
        add(name, run.at(s, year), info.unit, english ? plain_label(name) : series_label(s));
    }
    out += "],\"outcomes\":{" + values + "},\"texts\":{" + texts + "},\"labels\":{" + labels +
           "},\"outcome_item\":" + json_string(tr(txt::text_layer_outcome_item)) +
           ",\"record_item\":" + json_string(tr(txt::text_layer_record_item)) + ",\"params\":{";
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
    if (!english) out += std::string(",\"lang\":") + json_string(language_tag(language()));
    if (record) {
        out += ",\"record\":[";
        for (size_t i = 0; i < record->size(); ++i) {
            const RecordPoint& p = (*record)[i];
            const SeriesInfo& info = series_info(p.series);
            const std::string bloc =
                info.bloc == Bloc::restricted ? restricted_name(scenario) : frontier_name(scenario);
            const std::string what =
                trf(txt::text_layer_record_what,
                    {{"bloc", bloc}, {"series", series_label(p.series)}, {"unit", unit_text(info.unit)}});
            out += std::string(i ? "," : "") + "{\"series\":" + json_string(info.key) +
                   ",\"what\":" + json_string(what) + ",\"year\":" + std::to_string(p.year) +
                   ",\"value\":" + json_number(p.value) + ",\"text\":" + json_string(format_text_number(p.value)) +
                   ",\"label\":" + json_string(record_label((*record)[i])) + ",\"source\":" + json_string(p.source) +
                   "}";
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
