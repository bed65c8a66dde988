// The figure's charts: the table of every chart (chart_panels.h) and the function that draws each one.
#include "chart_panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "charts.h"
#include "figure_context.h"
#include "format.h"
#include "headline.h"
#include "i18n.h"
#include "panels.h"
#include "text.h"
#include "theme.h"

namespace cp::shell {

// What every chart reads, gathered once per draw; a draw function sets `picked` to a year the
// reader clicked or dragged to, and a chart that fits its content sets `size` to what it took.
struct ChartFrame {
    ExplorerState& state;
    const ChartPanel& chart;
    ImVec2 size;
    const Results& r;
    const Run& run;
    const Bands& bands;
    const Palette& pal;
    const Baseline* baseline;
    int first, last, n;
    std::string who, frontier;
    const char* baseline_name;
    int picked = -1;

    const char* title() const { return chart_title(chart); }
    // Begins `c` as this panel's time chart on axis `y` under `note`: the panel's name as its id, its
    // title, the run's years and the year shown. Years before the policy year follow the record: every
    // time chart shades them and marks the year. Returns begin()'s answer (whether bands may be drawn).
    bool begin(TimeChart& c, const char* note, const Axis& y) const {
        c.set_policy_year(state.scenario().policy_year);
        return c.begin(chart.name, title(), note, size, first, last, y, state.year());
    }
    // A log axis that covers every value of `covered` over the run's years.
    Axis log_axis(const std::vector<const double*>& covered, AxisFormat format) const {
        return log_axis_covering(covered, n, format);
    }
};

namespace {

// The record's points for one series, as a chart draws them (value scaled for the chart's unit).
std::vector<TimeChart::Observed> record_points(const ExplorerState& state, int series, double scale = 1.0,
                                               const char* unit_text = nullptr) {
    std::vector<TimeChart::Observed> out;
    const SeriesInfo& info = series_info(series);
    const char* unit = unit_text ? unit_text : info.unit;
    const std::vector<RecordPoint>& record = state.record();
    for (size_t k = 0; k < record.size(); ++k) {
        const RecordPoint& p = record[k];
        if (p.series != series) continue;
        std::string value = format_exact(p.value, unit);
        if (p.low != p.high)
            value = trf(txt::chart_record_value_range,
                        {{"value", value}, {"low", format_exact(p.low, unit)}, {"high", format_exact(p.high, unit)}});
        const std::string label = record_label(p);
        std::string text =
            p.confidence.empty()
                ? trf(txt::chart_record_point,
                      {{"label", label}, {"value", value}, {"year", std::to_string(p.year)}, {"source", p.source}})
                : trf(txt::chart_record_point_epoch, {{"label", label},
                                                      {"value", value},
                                                      {"year", std::to_string(p.year)},
                                                      {"confidence", p.confidence},
                                                      {"source", p.source}});
        if (p.misfit) text = trf(txt::chart_record_misfit, {{"point", text}});
        out.push_back({static_cast<double>(p.year), p.value * scale, text});
    }
    return out;
}

// The thread's two positions side by side: the commodity ("oil") view, where compute is bought and
// rented like oil, and the reader's settings; then the assumptions that separate them. With a height
// (the two-column layouts) it fills that box and lists as many assumptions as fit; with none (size.y
// <= 0: one column, where the page scrolls) it is as tall as what it lists, up to
// kMostSeparating, and never ends in an empty block. Returns the size it took.
constexpr int kMostSeparating = 6;
ImVec2 draw_who_is_right(const ExplorerState& state, ImVec2 size) {
    const Results& r = state.results();
    const Palette& pal = palette();
    const bool fit = size.y <= 0;
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (fit) {
        // The panel's background goes under its content once the content's height is known.
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(start.x + pad.x, start.y + pad.y));
        ImGui::BeginGroup();
    } else {
        // Padded like the one-column panel: text does not touch the edge of its background.
        ImGui::BeginChild("who_is_right", size, false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                              ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw = ImGui::GetWindowDrawList();
    }
    const float w = fit ? size.x - pad.x * 2 : ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushFont(fonts().heading);
    text_wrapped(tr(txt::heading_who_is_right));
    ImGui::PopFont();
    if (!r.has_commodity) {
        ImGui::TextDisabled("%s", tr(txt::panel_who_is_right_missing));
    } else {
        int year = state.year();
        Headline oil = make_headline(state.scenario(), r.commodity_run, year);
        Headline yours = make_headline(state.scenario(), r.run, year);
        float column = (w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        const char* names[2] = {tr(txt::panel_who_is_right_commodity_view), tr(txt::panel_who_is_right_yours)};
        const Headline* both[2] = {&oil, &yours};
        for (int c = 0; c < 2; ++c) {
            if (c) ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
            ImGui::PushStyleColor(ImGuiCol_Text, c ? pal.restricted : pal.frontier);
            text_wrapped(names[c]);
            ImGui::PopStyleColor();
            for (int i = 0; i < 2; ++i) {
                std::string line = trf(txt::panel_who_is_right_number, {{"number", both[c]->numbers[i].text},
                                                                        {"caption", both[c]->numbers[i].caption}});
                small_text(line.c_str(), pal.text);
            }
            ImGui::PopTextWrapPos();
            ImGui::Dummy(ImVec2(column, 0));
            ImGui::EndGroup();
        }
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
        text_wrapped(trf(txt::panel_who_is_right_separates, {{"year", std::to_string(year)}}));
        ImGui::PopStyleColor();
        double largest = 1e-9;
        for (const AssumptionGap& g : r.separating) largest = std::max(largest, std::fabs(g.effect_years));
        float text_h = ImGui::GetFontSize() * 14.0f / 16.0f;
        // A line of text, then its 8 px bar, each followed by the item spacing.
        float row_h = text_h + 8.0f + ImGui::GetStyle().ItemSpacing.y * 2;
        int rows = fit ? kMostSeparating : std::max(0, static_cast<int>((ImGui::GetContentRegionAvail().y) / row_h));
        int listed = 0;
        for (int i = 0; i < static_cast<int>(r.separating.size()) && i < rows; ++i, ++listed) {
            const AssumptionGap& g = r.separating[static_cast<size_t>(i)];
            // Largest first: from here on they would read "+0.00 yr", which separates nothing.
            if (std::fabs(g.effect_years) < 0.005) break;
            char effect[32];
            std::snprintf(effect, sizeof effect, "%+.2f", g.effect_years);
            const bool history = g.param == AssumptionGap::kLeverHistory;
            const std::string text = history ? trf(txt::panel_who_is_right_history, {{"effect", effect}})
                                             : trf(txt::panel_who_is_right_assumption,
                                                   {{"param", param_label(g.param)},
                                                    {"yours", value_text(param_info(g.param), g.current)},
                                                    {"commodity", value_text(param_info(g.param), g.commodity)},
                                                    {"effect", effect}});
            ImGui::PushFont(fonts().small);
            text_wrapped(text);  // Chinese rows wrap between characters, never inside "+1.15"
            ImGui::PopFont();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", history ? tr(txt::panel_who_is_right_history_tooltip) : param_meaning(g.param));
            ImVec2 at = ImGui::GetCursorScreenPos();
            float length = static_cast<float>(std::fabs(g.effect_years) / largest) * w;
            draw->AddRectFilled(ImVec2(at.x, at.y), ImVec2(at.x + std::max(1.0f, length), at.y + 6.0f),
                                g.effect_years >= 0 ? with_alpha(pal.positive, 0.8f) : with_alpha(pal.negative, 0.8f),
                                2.0f);
            ImGui::Dummy(ImVec2(w, 8.0f));
        }
        if (listed == 0 && (r.separating.empty() || std::fabs(r.separating[0].effect_years) < 0.005))
            small_text(tr(txt::panel_who_is_right_none), pal.text_dim);
    }
    ImGui::PopTextWrapPos();
    if (!fit) {
        ImGui::EndChild();
        return size;
    }
    ImGui::EndGroup();
    const ImVec2 end(start.x + size.x, ImGui::GetItemRectMax().y + pad.y);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, end, pal.panel, ImGui::GetStyle().ChildRounding);
    draw->ChannelsMerge();
    // One item over the whole panel, so that the layout moves on below it (and menus find it).
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(size.x, end.y - start.y));
    return ImVec2(size.x, end.y - start.y);
}

void draw_training_run(ChartFrame& f) {
    const Run& run = f.run;
    const Bands& bands = f.bands;
    const Palette& pal = f.pal;
    const std::string note =
        trf(f.r.draws_used < f.state.full_draws ? txt::chart_band_note_dragging : txt::chart_band_note,
            {{"draws", std::to_string(f.r.draws_used)}});
    const Axis y = f.log_axis({run.value[r_largest_training_run_flop], run.value[f_largest_training_run_flop],
                               bands.p5[r_largest_training_run_flop], bands.p95[f_largest_training_run_flop]},
                              AxisFormat::log_decade);
    TimeChart chart;
    if (f.begin(chart, trf(txt::chart_training_run_note, {{"band", note}}).c_str(), y)) {
        chart.band(bands.p5[f_largest_training_run_flop], bands.p95[f_largest_training_run_flop],
                   with_alpha(pal.frontier, 0.18f));
        chart.band(bands.p5[r_largest_training_run_flop], bands.p95[r_largest_training_run_flop],
                   with_alpha(pal.restricted, 0.18f));
    }
    chart.line(f.frontier.c_str(), run.value[f_largest_training_run_flop], pal.frontier, 2.5f, false, "FLOP");
    chart.line(f.who.c_str(), run.value[r_largest_training_run_flop], pal.restricted, 2.5f, false, "FLOP");
    if (f.baseline)
        chart.line(f.baseline_name, f.baseline->run.value[r_largest_training_run_flop],
                   with_alpha(pal.restricted, 0.6f), 1.5f, true, "FLOP");
    chart.observed(trf(txt::chart_legend_record_of, {{"name", f.frontier}}).c_str(),
                   record_points(f.state, f_largest_training_run_flop), pal.frontier);
    chart.observed(trf(txt::chart_legend_record_of, {{"name", f.who}}).c_str(),
                   record_points(f.state, r_largest_training_run_flop), pal.restricted);
    f.picked = chart.end();
}

void draw_usable_compute(ChartFrame& f) {
    const Run& run = f.run;
    const Palette& pal = f.pal;
    const int n = f.n;
    // Stacked: legal stock, smuggled stock, domestic stock, usable foreign cloud.
    static double stack[5][kMaxYears];
    for (int i = 0; i < n; ++i) {
        stack[0][i] = 0;
        stack[1][i] = run.value[r_stock_legal_h100e][i];
        stack[2][i] = stack[1][i] + run.value[r_stock_smuggled_h100e][i];
        stack[3][i] = stack[2][i] + run.value[r_stock_domestic_h100e][i];
        stack[4][i] = stack[3][i] + run.value[r_foreign_cloud_h100e][i];
    }
    TimeChart chart;
    f.begin(chart, tr(txt::chart_usable_compute_note),
            f.log_axis({stack[4], run.value[f_usable_compute_h100e], stack[1]}, AxisFormat::count));
    chart.area(tr(txt::chart_legend_bought_legally), stack[0], stack[1], run.value[r_stock_legal_h100e],
               pal.source_legal, "H100e");
    chart.area(tr(txt::chart_legend_smuggled), stack[1], stack[2], run.value[r_stock_smuggled_h100e],
               pal.source_smuggled, "H100e");
    chart.area(tr(txt::chart_legend_domestic_chips), stack[2], stack[3], run.value[r_stock_domestic_h100e],
               pal.source_domestic, "H100e");
    chart.area(tr(txt::chart_legend_foreign_cloud), stack[3], stack[4], run.value[r_foreign_cloud_h100e],
               pal.source_cloud, "H100e");
    chart.line(f.frontier.c_str(), run.value[f_usable_compute_h100e], pal.frontier, 2.5f, false, "H100e");
    if (f.baseline)
        chart.line(f.baseline_name, f.baseline->run.value[r_usable_compute_h100e], pal.marker, 1.5f, true, "H100e");
    f.picked = chart.end();
}

// A line of a chart of H100e counts: its legend, series and colour, the legend of the record's points
// of the same series where the record has them (drawn in the line's colour), and a thinner or dashed
// stroke to set it apart.
struct CountLine {
    txt::Id legend;
    int series;
    ImU32 colour;
    std::optional<txt::Id> record = std::nullopt;
    float thickness = 2.5f;
    bool dashed = false;
};

// A chart of H100e counts on a log axis that covers the series `covered`: its lines, then the record's
// points over them.
void draw_count_chart(ChartFrame& f, txt::Id note, std::initializer_list<int> covered,
                      std::initializer_list<CountLine> lines) {
    std::vector<const double*> arrays;
    for (int series : covered) arrays.push_back(f.run.value[series]);
    TimeChart chart;
    f.begin(chart, tr(note), f.log_axis(arrays, AxisFormat::count));
    for (const CountLine& l : lines)
        chart.line(tr(l.legend), f.run.value[l.series], l.colour, l.thickness, l.dashed, "H100e");
    for (const CountLine& l : lines)
        if (l.record) chart.observed(tr(*l.record), record_points(f.state, l.series), l.colour);
    f.picked = chart.end();
}

// Where the largest run is trained: the three sites the model combines into one run (usable H100e),
// with the offshore cluster as leased beside the record's (ByteDance's in Malaysia, 2026), against the
// frontier's largest cluster.
void draw_run_sites(ChartFrame& f) {
    const Palette& pal = f.pal;
    // Rented abroad keeps the foreign-cloud colour of the other charts; the hyperscaler block, small by
    // default, is drawn thin and grey.
    draw_count_chart(f, txt::chart_run_sites_note,
                     {f_largest_cluster_h100e, r_own_cluster_h100e, r_offshore_cluster_h100e},
                     {{txt::chart_legend_frontier_cluster, f_largest_cluster_h100e, pal.frontier},
                      {txt::chart_legend_own_cluster, r_own_cluster_h100e, pal.restricted},
                      {txt::chart_legend_offshore_cluster, r_offshore_block_h100e, pal.source_cloud},
                      {txt::chart_legend_offshore_leased, r_offshore_cluster_h100e, pal.source_cloud,
                       txt::chart_legend_record_offshore, 1.5f, true},
                      {txt::chart_legend_hyperscaler_block, r_rented_block_h100e, pal.text_dim, std::nullopt, 1.5f}});
}

// Chips acquired in the year, by source, against the record's.
void draw_chip_flows(ChartFrame& f) {
    const Palette& pal = f.pal;
    draw_count_chart(
        f, txt::chart_chip_flows_note, {r_acquired_legal_h100e, r_acquired_smuggled_h100e, r_acquired_domestic_h100e},
        {{txt::chart_legend_bought_legally, r_acquired_legal_h100e, pal.source_legal, txt::chart_legend_record_legal},
         {txt::chart_legend_smuggled, r_acquired_smuggled_h100e, pal.source_smuggled,
          txt::chart_legend_record_smuggled},
         {txt::chart_legend_domestic_chips, r_acquired_domestic_h100e, pal.source_domestic,
          txt::chart_legend_record_domestic}});
}

void draw_years_behind(ChartFrame& f) {
    const Run& run = f.run;
    const Bands& bands = f.bands;
    const Palette& pal = f.pal;
    const int n = f.n;
    // Compute years and capability months are different gaps: followers catch up in capability
    // through published methods, open weights and distillation. Both in years on one axis.
    static double lag_years[kMaxYears];
    for (int i = 0; i < n; ++i) lag_years[i] = run.value[r_capability_lag_months][i] / 12.0;
    Axis y;
    y.format = AxisFormat::years;
    y.min = 0;
    double hi = 1;
    for (int i = 0; i < n; ++i)
        hi = std::max({hi, bands.p95[r_years_behind][i], run.value[r_years_behind][i], f.r.switch_off_years_behind[i]});
    y.max = std::ceil(hi);
    TimeChart chart;
    if (f.begin(chart, tr(txt::chart_years_behind_note), y))
        chart.band(bands.p5[r_years_behind], bands.p95[r_years_behind], with_alpha(pal.restricted, 0.18f));
    chart.line(tr(txt::chart_legend_compute_largest_run), run.value[r_years_behind], pal.restricted, 2.5f, false,
               "years");
    chart.line(tr(txt::chart_legend_capability), lag_years, pal.frontier, 2.5f, false, "years");
    chart.line(tr(txt::chart_legend_compute_if_cut_off), f.r.switch_off_years_behind, pal.source_cloud, 1.5f, true,
               "years");
    if (f.baseline) chart.line(f.baseline_name, f.baseline->run.value[r_years_behind], pal.marker, 1.5f, true, "years");
    chart.observed(tr(txt::chart_legend_record_capability),
                   record_points(f.state, r_capability_lag_months, 1.0 / 12.0, "months"), pal.frontier);
    f.picked = chart.end();
}

void draw_exposure(ChartFrame& f) {
    const Run& run = f.run;
    const Bands& bands = f.bands;
    const Palette& pal = f.pal;
    const int n = f.n, first = f.first, last = f.last;
    static double seizure_share[kMaxYears];
    for (int i = 0; i < n; ++i) {
        double usable = run.value[r_usable_compute_h100e][i];
        seizure_share[i] = usable > 0 ? std::min(1.0, run.value[r_seizure_exposure_h100e][i] / usable) : 0.0;
    }
    Axis y;
    y.format = AxisFormat::percent;
    y.min = 0;
    y.max = 1;
    // What a switch-off in the year shown would do: the exposure's consequence, in years.
    const int at = std::clamp(f.state.year(), first, last) - first;
    const std::string switch_off =
        trf(txt::chart_exposure_note, {{"year", std::to_string(first + at)},
                                       {"before", format_years(run.value[r_years_behind][at])},
                                       {"after", format_years(f.r.switch_off_years_behind[at])}});
    TimeChart chart;
    if (f.begin(chart, switch_off.c_str(), y))
        chart.band(bands.p5[r_leverage_share], bands.p95[r_leverage_share], with_alpha(pal.source_cloud, 0.18f));
    chart.line(tr(txt::chart_legend_switchable), run.value[r_leverage_share], pal.source_cloud, 2.5f, false, "share");
    chart.line(tr(txt::chart_legend_seizure), seizure_share, pal.source_smuggled, 2.0f, false, "share");
    chart.line(tr(txt::chart_legend_inference_abroad), run.value[r_inference_abroad_share], pal.frontier, 2.0f, false,
               "share");
    chart.line(tr(txt::chart_legend_industry_held_back), run.value[r_industry_impact], pal.restricted, 2.5f, false,
               "share");
    f.picked = chart.end();
}

void draw_attribution(ChartFrame& f) {
    const Attribution& a = f.r.attribution;
    WaterfallStep steps[kLeverCount];
    for (int l = 0; l < kLeverCount; ++l) steps[l] = {param_label(lever_index(l)), a.lever[l], f.pal.lever[l]};
    const std::string title = trf(txt::chart_attribution_year_title, {{"year", std::to_string(a.year)}});
    waterfall("attribution", title.c_str(), f.size, tr(txt::chart_attribution_no_levers), a.open_value, steps,
              kLeverCount, tr(txt::chart_as_set), AxisFormat::years);
}

void draw_sensitivity(ChartFrame& f) {
    const Tornado& t = f.r.tornado;
    std::vector<TornadoRow> rows;
    int shown = std::min(t.count, std::max(3, static_cast<int>((f.size.y - 60) / 26)));
    for (int i = 0; i < shown; ++i) {
        const TornadoBar& bar = t.bar[i];
        const ParamInfo& info = param_info(bar.param);
        rows.push_back({param_label(bar.param), bar.metric_low, bar.metric_high, value_text(info, bar.low),
                        value_text(info, bar.high)});
    }
    const std::string title = trf(txt::chart_sensitivity_year_title, {{"year", std::to_string(t.year)}});
    tornado_chart("sensitivity", title.c_str(), f.size, t.base, rows, AxisFormat::years);
}

void draw_who_is_right_panel(ChartFrame& f) { f.size = draw_who_is_right(f.state, f.size); }

// The figure's charts, in the order it shows them. The first is the main chart (`chart` in an embed's
// panels), drawn above the levers in one column.
const ChartPanel kCharts[] = {
    {"training_run", "chart", txt::chart_training_run_title, false, draw_training_run},
    {"usable_compute", "usable", txt::chart_usable_compute_title, false, draw_usable_compute},
    {"chip_flows", "flows", txt::chart_chip_flows_title, false, draw_chip_flows},
    {"attribution", "attribution", txt::chart_attribution_title, false, draw_attribution},
    {"run_sites", "sites", txt::chart_run_sites_title, false, draw_run_sites},
    {"sensitivity", "sensitivity", txt::chart_sensitivity_title, false, draw_sensitivity},
    {"exposure", "exposure", txt::chart_exposure_title, false, draw_exposure},
    {"years_behind", "years", txt::chart_years_behind_title, false, draw_years_behind},
    {"who_is_right", "who", txt::heading_who_is_right, true, draw_who_is_right_panel},
};
constexpr int kChartCount = static_cast<int>(sizeof kCharts / sizeof kCharts[0]);

CaptureRequest chart_capture(const ChartPanel& chart, ImVec2 min, ImVec2 size) {
    CaptureRequest request;
    request.x = min.x;
    request.y = min.y;
    request.width = size.x;
    request.height = size.y;
    request.file_name = chart_file_name(chart);
    return request;
}

// Right-click (or long-press) on a chart offers its picture.
void chart_menu(const ChartPanel& chart, ImVec2 min, ImVec2 size) {
    const int index = static_cast<int>(&chart - kCharts);
    if (figure().pending_chart == index) {
        request_capture(chart_capture(chart, min, size));
        figure().pending_chart = -1;
    }
    ImGui::PushID(index);
    if (ImGui::IsMouseHoveringRect(min, ImVec2(min.x + size.x, min.y + size.y)) && ImGui::IsMouseReleased(1) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        ImGui::OpenPopup("chart_menu");
    if (ImGui::BeginPopup("chart_menu")) {
        if (ImGui::MenuItem((std::string(tr(txt::chart_save_png)) + "###save_png").c_str()))
            request_capture(chart_capture(chart, min, size));
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

}  // namespace

ChartPanels chart_panels() { return {kCharts, kChartCount}; }

const ChartPanel* find_chart(const std::string& name) {
    for (const ChartPanel& chart : kCharts)
        if (name == chart.name) return &chart;
    return nullptr;
}

std::string chart_names(const char* separator) {
    std::string out;
    for (const ChartPanel& chart : kCharts) out += (out.empty() ? "" : separator) + std::string(chart.name);
    return out;
}

std::string chart_file_name(const ChartPanel& chart) { return std::string("chart-") + chart.name + ".png"; }

const char* chart_title(const ChartPanel& chart) { return tr(chart.title); }

bool request_chart_capture(const std::string& name) {
    const ChartPanel* chart = find_chart(name);
    if (!chart) return false;
    figure().pending_chart = static_cast<int>(chart - kCharts);
    return true;
}

void draw_chart(ExplorerState& state, const ChartPanel& chart, ImVec2 size) {
    const ImVec2 chart_min = ImGui::GetCursorScreenPos();
    const Results& r = state.results();
    ChartFrame frame{state,
                     chart,
                     size,
                     r,
                     r.run,
                     *r.bands,
                     palette(),
                     state.baseline(),
                     r.run.first_year,
                     r.run.end_year,
                     r.run.years(),
                     restricted_name(state.scenario()),
                     frontier_name(state.scenario()),
                     tr(txt::chart_legend_baseline)};
    chart.draw(frame);
    chart_menu(chart, chart_min, frame.size);
    if (frame.picked >= 0) state.set_year(frame.picked);
}

}  // namespace cp::shell
