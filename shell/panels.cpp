// The explorable's panels (levers, headline, charts, compare), each drawn from ExplorerState with ImGui.
#include "panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "charts.h"
#include "exact_entry.h"
#include "format.h"
#include "headline.h"
#include "i18n.h"
#include "text.h"
#include "theme.h"
#include "timeline.h"

namespace cp::shell {
namespace {

const char* group_title(ParamGroup group) {
    switch (group) {
        case ParamGroup::headline:
            return tr(txt::levers_group_headline);
        case ParamGroup::chips:
            return tr(txt::levers_group_chips);
        case ParamGroup::cloud:
            return tr(txt::levers_group_cloud);
        case ParamGroup::privacy_latency:
            return tr(txt::levers_group_privacy_latency);
        case ParamGroup::conflict:
            return tr(txt::levers_group_conflict);
        case ParamGroup::industry:
            return tr(txt::levers_group_industry);
        case ParamGroup::frontier:
            return tr(txt::levers_group_frontier);
        case ParamGroup::economics:
            return tr(txt::levers_group_economics);
    }
    return "";
}

bool is_share(const ParamInfo& info) { return std::strcmp(info.unit, "share") == 0; }

std::string value_text(const ParamInfo& info, double value) {
    if (is_share(info)) return format_percent(value);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.3g %s", value, unit_text(info.unit));
    return buffer;
}

std::string range_text(const ParamInfo& info) {
    return trf(txt::entry_range, {{"low", value_text(info, info.min)}, {"high", value_text(info, info.max)}});
}

void parameter_tooltip(const ParamInfo& info, const Scenario& scenario, int index) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    text_wrapped(param_meaning(index));
    ImGui::Spacing();
    text_wrapped_dim(trf(txt::levers_tooltip_range, {{"range", range_text(info)}}));
    // The scenario's note on this value (the model's own when it gives none), in the reader's language.
    text_wrapped_dim(trf(txt::levers_tooltip_source, {{"source", scenario_param_note(scenario, index)}}));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Slider for one parameter in its display unit (shares as percent). A typed or pasted value goes
// through exact_entry's check: refused with a message, never clamped. Returns true while it is held.
bool parameter_slider(ExplorerState& state, int index, float width, bool large) {
    const ParamInfo& info = param_info(index);
    const EntryField field = param_entry_field(index);
    double shown = state.param(index) * field.scale;
    double lo = info.min * field.scale, hi = info.max * field.scale;
    char format[48];
    if (is_share(info))
        std::snprintf(format, sizeof format, "%%.0f%%%%");
    else if (info.is_integer)
        std::snprintf(format, sizeof format, "%%.0f %s", unit_text(info.unit));
    else
        std::snprintf(format, sizeof format, "%%.3g %s", unit_text(info.unit));
    ImGuiSliderFlags flags = info.log_slider ? ImGuiSliderFlags_Logarithmic : 0;
    if (large) {
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 11));
        ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 26.0f);
    }
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(index);
    begin_entry_field(state, field);
    bool changed = ImGui::SliderScalar("##value", ImGuiDataType_Double, &shown, &lo, &hi, format, flags);
    const bool typing = end_entry_field();
    ImGui::PopID();
    if (large) ImGui::PopStyleVar(2);
    if (changed) {
        double value = shown / field.scale;
        // A drag lands on the format's precision; a typed value is checked as typed (2.5 is not whole).
        if (info.is_integer && !typing) value = std::round(value);
        std::string problem = entry_problem(field, value);
        if (!problem.empty())
            state.set_error(problem);
        else if (state.set_param_live(index, value) && typing && state.message_is_error())
            state.clear_message();  // the reader put right what they had typed wrong
    }
    if (ImGui::IsItemDeactivated()) state.finish_edit();
    record_control_rect(info.key);
    parameter_tooltip(info, state.scenario(), index);
    return ImGui::IsItemActive();
}

// The value above a slider, drawn as a link that opens the slider's text box (as Ctrl+click does):
// a visible way in for readers without a Ctrl key (touch screens; the page puts a numeric field
// there instead, web/entry.js). Placed at `x` (from the start of the group, as ImGui::SameLine) on
// the current line.
bool entry_link(const std::string& name, const std::string& text, ImU32 colour, float x) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    ImGui::SameLine(x);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(name.c_str());
    const bool clicked = ImGui::InvisibleButton("##entry", ImVec2(std::max(size.x, 1.0f), size.y));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(at, colour, text.c_str());
    // Dotted underline, solid under the mouse: it reads as something to press, not a heading.
    const float y = at.y + size.y - 1.0f;
    if (hovered)
        draw->AddLine(ImVec2(at.x, y), ImVec2(at.x + size.x, y), colour);
    else
        for (float dx = 0; dx < size.x; dx += 4.0f)
            draw->AddLine(ImVec2(at.x + dx, y), ImVec2(at.x + std::min(dx + 2.0f, size.x), y), colour);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", tr(txt::levers_entry_link_tooltip));
    }
    record_control_rect("entry:" + name);
    return clicked;
}

void small_text(const char* text, ImU32 colour) {
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

std::vector<ControlRect> g_control_rects;
CaptureRequest g_capture;
bool g_capture_pending = false;
int g_capture_delay = 0;

const char* const kChartFileNames[] = {"training_run", "usable_compute", "chip_flows",   "attribution",
                                       "sensitivity",  "exposure",       "years_behind", "who_is_right"};
static_assert(sizeof(kChartFileNames) / sizeof(kChartFileNames[0]) == static_cast<size_t>(ChartId::count),
              "a file name per chart");

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

int g_pending_chart = -1;  // a chart whose picture was asked for by name (command line)

CaptureRequest chart_capture(ChartId id, ImVec2 min, ImVec2 size) {
    CaptureRequest request;
    request.x = min.x;
    request.y = min.y;
    request.width = size.x;
    request.height = size.y;
    request.file_name = std::string("chart-") + kChartFileNames[static_cast<int>(id)] + ".png";
    return request;
}

// Right-click (or long-press) on a chart offers its picture.
void chart_menu(ChartId id, ImVec2 min, ImVec2 size) {
    if (g_pending_chart == static_cast<int>(id)) {
        request_capture(chart_capture(id, min, size));
        g_pending_chart = -1;
    }
    ImGui::PushID(static_cast<int>(id));
    if (ImGui::IsMouseHoveringRect(min, ImVec2(min.x + size.x, min.y + size.y)) && ImGui::IsMouseReleased(1) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))
        ImGui::OpenPopup("chart_menu");
    if (ImGui::BeginPopup("chart_menu")) {
        if (ImGui::MenuItem((std::string(tr(txt::chart_save_png)) + "###save_png").c_str()))
            request_capture(chart_capture(id, min, size));
        ImGui::EndPopup();
    }
    ImGui::PopID();
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

}  // namespace

const std::vector<ControlRect>& control_rects() { return g_control_rects; }
void request_capture(const CaptureRequest& request) {
    g_capture = request;
    g_capture_pending = true;
    g_capture_delay = 1;
}
bool request_chart_capture(const std::string& chart_name) {
    for (int i = 0; i < static_cast<int>(ChartId::count); ++i)
        if (chart_name == kChartFileNames[i]) {
            g_pending_chart = i;
            return true;
        }
    return false;
}

bool take_capture_request(CaptureRequest* out) {
    if (!g_capture_pending) return false;
    // The menu that asked is still drawn in the frame it was clicked; capture the next one, without it.
    if (g_capture_delay-- > 0) return false;
    *out = g_capture;
    g_capture_pending = false;
    return true;
}
void clear_control_rects() { g_control_rects.clear(); }
void record_control_rect(std::string name) {
    g_control_rects.push_back({std::move(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

bool draw_levers(ExplorerState& state, float width) {
    const Palette& pal = palette();
    bool dragging = false;
    for (int lever = 0; lever < kLeverCount; ++lever) {
        int index = lever_index(lever);
        const ParamInfo& info = param_info(index);
        ImGui::PushID(lever);
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(param_label(index));
        ImGui::PopFont();
        std::string value = format_percent(state.param(index));
        if (entry_link(info.key, value, pal.lever[lever], width - ImGui::CalcTextSize(value.c_str()).x))
            ImGui::SetKeyboardFocusHere();  // the slider, next: its text box opens
        ImGui::PushStyleColor(ImGuiCol_SliderGrab, pal.lever[lever]);
        ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, pal.lever[lever]);
        dragging |= parameter_slider(state, index, width, true);
        ImGui::PopStyleColor(2);
        // The words at both ends matter more than the number.
        float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
        small_text(param_low_words(index), pal.text_dim);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
        small_text(param_high_words(index), pal.text_dim);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        draw_lever_timeline(state, lever, width);
        ImGui::Spacing();
        ImGui::PopID();
    }
    dragging |= draw_policy_year(state, width);
    ImGui::Spacing();
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(tr(txt::heading_panel_year_shown));
    ImGui::PopFont();
    int year = state.year();
    const EntryField year_field = year_entry_field(state);
    ImGui::SetNextItemWidth(width);
    begin_entry_field(state, year_field);
    const bool year_changed = ImGui::SliderInt("##year", &year, kFirstYear, state.scenario().end_year, "%d");
    end_entry_field();
    if (year_changed) {
        // A typed year outside the scenario is refused like any other value, not clamped.
        std::string problem = entry_problem(year_field, year);
        if (problem.empty())
            state.set_year(year);
        else
            state.set_error(problem);
    }
    record_control_rect("year");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(txt::levers_year_tooltip));
    return dragging;
}

void draw_advanced(ExplorerState& state, float width) {
    const Palette& pal = palette();
    for (int g = 1; g <= static_cast<int>(ParamGroup::economics); ++g) {
        ParamGroup group = static_cast<ParamGroup>(g);
        bool any = false;
        for (int i = 0; i < param_count(); ++i) any |= param_info(i).group == group;
        if (!any) continue;
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
        ImGui::TextUnformatted(group_title(group));
        ImGui::PopStyleColor();
        // A rule as wide as the column (ImGui::Separator would cross into the charts).
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + width, at.y), pal.grid);
        ImGui::Dummy(ImVec2(width, 1));
        for (int i = 0; i < param_count(); ++i) {
            const ParamInfo& info = param_info(i);
            if (info.group != group) continue;
            bool changed_from_preset = state.param(i) != state.scenario().params[i];
            // The label wraps (never runs under the value link) when the column is narrow.
            const std::string value = entry_value_text(param_entry_field(i), state.param(i));
            const float link_x = width - ImGui::CalcTextSize(value.c_str()).x;
            const float left = ImGui::GetCursorPosX(), top = ImGui::GetCursorPosY();
            const float room = link_x - ImGui::GetStyle().ItemSpacing.x * 2;
            ImGui::PushTextWrapPos(left + room);
            const char* label = param_label(i);
            text_wrapped(label);
            if (changed_from_preset) {
                const char* changed = tr(txt::levers_changed);
                const float changed_w = ImGui::CalcTextSize(changed).x + ImGui::GetStyle().ItemSpacing.x;
                if (ImGui::CalcTextSize(label).x + changed_w <= room) ImGui::SameLine();
                ImGui::PushStyleColor(ImGuiCol_Text, pal.restricted);
                ImGui::TextUnformatted(changed);
                ImGui::PopStyleColor();
            }
            ImGui::PopTextWrapPos();
            const float below = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(left, top));
            ImGui::Dummy(ImVec2(0, 0));
            const bool open_entry = entry_link(info.key, value, pal.text_dim, link_x);
            ImGui::SetCursorPosY(std::max(below, ImGui::GetCursorPosY()));
            if (open_entry) ImGui::SetKeyboardFocusHere();
            parameter_slider(state, i, width, false);
        }
    }
}

void draw_headline(const ExplorerState& state, float width) {
    const Results& results = state.results();
    Headline h = make_headline(state.scenario(), results.run, state.year(), &results.attribution);
    const Palette& pal = palette();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(fonts().heading);
    text_wrapped(h.sentence);
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // Big numbers: all five in a row when there is room, else three or two to a row.
    int per_row = width >= 760 ? kHeadlineNumbers : (width >= 460 ? 3 : 2);
    float cell = (width - ImGui::GetStyle().ItemSpacing.x * (per_row - 1)) / per_row;
    const Baseline* baseline = state.baseline();
    const Headline pinned = baseline ? make_headline(state.scenario(), baseline->run, state.year()) : Headline{};
    for (int i = 0; i < kHeadlineNumbers; ++i) {
        if (i % per_row != 0) ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushFont(fonts().big);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.restricted);
        ImGui::TextUnformatted(h.numbers[i].text.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell - 4);
        small_text(h.numbers[i].caption, pal.text_dim);
        if (baseline) {
            std::string was = trf(txt::panel_baseline_value, {{"value", pinned.numbers[i].text}});
            small_text(was.c_str(), pal.text_dim);
        }
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(cell, 0));
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) {
            const int series = find_series((std::string("restricted.") + h.numbers[i].outcome).c_str());
            const std::string text =
                trf(txt::panel_number_tooltip, {{"series", series_label(series)},
                                                {"year", std::to_string(state.year())},
                                                {"value", format_exact(h.numbers[i].value, series_info(series).unit)}});
            ImGui::SetTooltip("%s", text.c_str());
        }
    }
    if (baseline) {
        // What changed since the pin, in the reader's units.
        std::string changes;
        for (int i = 0; i < param_count(); ++i) {
            if (baseline->params[i] == state.params()[i]) continue;
            const ParamInfo& info = param_info(i);
            if (!changes.empty()) changes += tr(txt::panel_baseline_change_separator);
            changes += trf(txt::panel_baseline_change, {{"param", param_label(i)},
                                                        {"from", value_text(info, baseline->params[i])},
                                                        {"to", value_text(info, state.params()[i])}});
        }
        std::string line = changes.empty() ? std::string(tr(txt::panel_baseline_same))
                                           : trf(txt::panel_baseline_changed, {{"changes", changes}});
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        small_text(line.c_str(), pal.text_dim);
        ImGui::PopTextWrapPos();
    }
}

const char* chart_title(ChartId id) {
    switch (id) {
        case ChartId::training_run:
            return tr(txt::chart_training_run_title);
        case ChartId::usable_compute:
            return tr(txt::chart_usable_compute_title);
        case ChartId::chip_flows:
            return tr(txt::chart_chip_flows_title);
        case ChartId::attribution:
            return tr(txt::chart_attribution_title);
        case ChartId::sensitivity:
            return tr(txt::chart_sensitivity_title);
        case ChartId::exposure:
            return tr(txt::chart_exposure_title);
        case ChartId::years_behind:
            return tr(txt::chart_years_behind_title);
        case ChartId::who_is_right:
            return tr(txt::heading_who_is_right);
        case ChartId::count:
            break;
    }
    return "";
}

void draw_chart(ExplorerState& state, ChartId id, ImVec2 size) {
    ImVec2 chart_min = ImGui::GetCursorScreenPos();
    const Results& r = state.results();
    const Run& run = r.run;
    const Bands& bands = *r.bands;
    const Palette& pal = palette();
    const Baseline* baseline = state.baseline();
    int first = run.first_year, last = run.end_year, n = run.years();
    const std::string who = restricted_name(state.scenario());
    const std::string frontier = frontier_name(state.scenario());
    const char* baseline_name = tr(txt::chart_legend_baseline);
    const std::string note = trf(r.draws_used < state.full_draws ? txt::chart_band_note_dragging : txt::chart_band_note,
                                 {{"draws", std::to_string(r.draws_used)}});
    int picked = -1;
    TimeChart chart;
    chart.set_policy_year(state.scenario().policy_year);
    switch (id) {
        case ChartId::training_run: {
            Axis y = log_axis_covering({run.value[r_largest_training_run_flop], run.value[f_largest_training_run_flop],
                                        bands.p5[r_largest_training_run_flop], bands.p95[f_largest_training_run_flop]},
                                       n, AxisFormat::log_decade);
            if (chart.begin("training_run", chart_title(id),
                            trf(txt::chart_training_run_note, {{"band", note}}).c_str(), size, first, last, y,
                            state.year())) {
                chart.band(bands.p5[f_largest_training_run_flop], bands.p95[f_largest_training_run_flop],
                           with_alpha(pal.frontier, 0.18f));
                chart.band(bands.p5[r_largest_training_run_flop], bands.p95[r_largest_training_run_flop],
                           with_alpha(pal.restricted, 0.18f));
            }
            chart.line(frontier.c_str(), run.value[f_largest_training_run_flop], pal.frontier, 2.5f, false, "FLOP");
            chart.line(who.c_str(), run.value[r_largest_training_run_flop], pal.restricted, 2.5f, false, "FLOP");
            if (baseline)
                chart.line(baseline_name, baseline->run.value[r_largest_training_run_flop],
                           with_alpha(pal.restricted, 0.6f), 1.5f, true, "FLOP");
            chart.observed(trf(txt::chart_legend_record_of, {{"name", frontier}}).c_str(),
                           record_points(state, f_largest_training_run_flop), pal.frontier);
            chart.observed(trf(txt::chart_legend_record_of, {{"name", who}}).c_str(),
                           record_points(state, r_largest_training_run_flop), pal.restricted);
            picked = chart.end();
            break;
        }
        case ChartId::usable_compute: {
            // Stacked: legal stock, smuggled stock, domestic stock, usable foreign cloud.
            static double stack[5][kMaxYears];
            for (int i = 0; i < n; ++i) {
                stack[0][i] = 0;
                stack[1][i] = run.value[r_stock_legal_h100e][i];
                stack[2][i] = stack[1][i] + run.value[r_stock_smuggled_h100e][i];
                stack[3][i] = stack[2][i] + run.value[r_stock_domestic_h100e][i];
                stack[4][i] = stack[3][i] + run.value[r_foreign_cloud_h100e][i];
            }
            Axis y = log_axis_covering({stack[4], run.value[f_usable_compute_h100e], stack[1]}, n, AxisFormat::count);
            chart.begin("usable_compute", chart_title(id), tr(txt::chart_usable_compute_note), size, first, last, y,
                        state.year());
            chart.area(tr(txt::chart_legend_bought_legally), stack[0], stack[1], run.value[r_stock_legal_h100e],
                       pal.source_legal, "H100e");
            chart.area(tr(txt::chart_legend_smuggled), stack[1], stack[2], run.value[r_stock_smuggled_h100e],
                       pal.source_smuggled, "H100e");
            chart.area(tr(txt::chart_legend_domestic_chips), stack[2], stack[3], run.value[r_stock_domestic_h100e],
                       pal.source_domestic, "H100e");
            chart.area(tr(txt::chart_legend_foreign_cloud), stack[3], stack[4], run.value[r_foreign_cloud_h100e],
                       pal.source_cloud, "H100e");
            chart.line(frontier.c_str(), run.value[f_usable_compute_h100e], pal.frontier, 2.5f, false, "H100e");
            if (baseline)
                chart.line(baseline_name, baseline->run.value[r_usable_compute_h100e], pal.marker, 1.5f, true, "H100e");
            picked = chart.end();
            break;
        }
        case ChartId::chip_flows: {
            Axis y = log_axis_covering({run.value[r_acquired_legal_h100e], run.value[r_acquired_smuggled_h100e],
                                        run.value[r_acquired_domestic_h100e]},
                                       n, AxisFormat::count);
            chart.begin("chip_flows", chart_title(id), tr(txt::chart_chip_flows_note), size, first, last, y,
                        state.year());
            chart.line(tr(txt::chart_legend_bought_legally), run.value[r_acquired_legal_h100e], pal.source_legal, 2.5f,
                       false, "H100e");
            chart.line(tr(txt::chart_legend_smuggled), run.value[r_acquired_smuggled_h100e], pal.source_smuggled, 2.5f,
                       false, "H100e");
            chart.line(tr(txt::chart_legend_domestic_chips), run.value[r_acquired_domestic_h100e], pal.source_domestic,
                       2.5f, false, "H100e");
            chart.observed(tr(txt::chart_legend_record_legal), record_points(state, r_acquired_legal_h100e),
                           pal.source_legal);
            chart.observed(tr(txt::chart_legend_record_smuggled), record_points(state, r_acquired_smuggled_h100e),
                           pal.source_smuggled);
            chart.observed(tr(txt::chart_legend_record_domestic), record_points(state, r_acquired_domestic_h100e),
                           pal.source_domestic);
            picked = chart.end();
            break;
        }
        case ChartId::years_behind: {
            // Compute years and capability months are different gaps: followers catch up in capability
            // through published methods, open weights and distillation. Both in years on one axis.
            static double lag_years[kMaxYears];
            for (int i = 0; i < n; ++i) lag_years[i] = run.value[r_capability_lag_months][i] / 12.0;
            Axis y;
            y.format = AxisFormat::years;
            y.min = 0;
            double hi = 1;
            for (int i = 0; i < n; ++i)
                hi = std::max(
                    {hi, bands.p95[r_years_behind][i], run.value[r_years_behind][i], r.switch_off_years_behind[i]});
            y.max = std::ceil(hi);
            if (chart.begin("years_behind", chart_title(id), tr(txt::chart_years_behind_note), size, first, last, y,
                            state.year()))
                chart.band(bands.p5[r_years_behind], bands.p95[r_years_behind], with_alpha(pal.restricted, 0.18f));
            chart.line(tr(txt::chart_legend_compute_largest_run), run.value[r_years_behind], pal.restricted, 2.5f,
                       false, "years");
            chart.line(tr(txt::chart_legend_capability), lag_years, pal.frontier, 2.5f, false, "years");
            chart.line(tr(txt::chart_legend_compute_if_cut_off), r.switch_off_years_behind, pal.source_cloud, 1.5f,
                       true, "years");
            if (baseline)
                chart.line(baseline_name, baseline->run.value[r_years_behind], pal.marker, 1.5f, true, "years");
            chart.observed(tr(txt::chart_legend_record_capability),
                           record_points(state, r_capability_lag_months, 1.0 / 12.0, "months"), pal.frontier);
            picked = chart.end();
            break;
        }
        case ChartId::exposure: {
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
            const int at = std::clamp(state.year(), first, last) - first;
            const std::string switch_off =
                trf(txt::chart_exposure_note, {{"year", std::to_string(first + at)},
                                               {"before", format_years(run.value[r_years_behind][at])},
                                               {"after", format_years(r.switch_off_years_behind[at])}});
            if (chart.begin("exposure", chart_title(id), switch_off.c_str(), size, first, last, y, state.year()))
                chart.band(bands.p5[r_leverage_share], bands.p95[r_leverage_share],
                           with_alpha(pal.source_cloud, 0.18f));
            chart.line(tr(txt::chart_legend_switchable), run.value[r_leverage_share], pal.source_cloud, 2.5f, false,
                       "share");
            chart.line(tr(txt::chart_legend_seizure), seizure_share, pal.source_smuggled, 2.0f, false, "share");
            chart.line(tr(txt::chart_legend_inference_abroad), run.value[r_inference_abroad_share], pal.frontier, 2.0f,
                       false, "share");
            chart.line(tr(txt::chart_legend_industry_held_back), run.value[r_industry_impact], pal.restricted, 2.5f,
                       false, "share");
            picked = chart.end();
            break;
        }
        case ChartId::attribution: {
            const Attribution& a = r.attribution;
            WaterfallStep steps[kLeverCount];
            for (int l = 0; l < kLeverCount; ++l) steps[l] = {param_label(lever_index(l)), a.lever[l], pal.lever[l]};
            const std::string title = trf(txt::chart_attribution_year_title, {{"year", std::to_string(a.year)}});
            waterfall("attribution", title.c_str(), size, tr(txt::chart_attribution_no_levers), a.open_value, steps,
                      kLeverCount, tr(txt::chart_as_set), AxisFormat::years);
            break;
        }
        case ChartId::sensitivity: {
            const Tornado& t = r.tornado;
            std::vector<TornadoRow> rows;
            int shown = std::min(t.count, std::max(3, static_cast<int>((size.y - 60) / 26)));
            for (int i = 0; i < shown; ++i) {
                const TornadoBar& bar = t.bar[i];
                const ParamInfo& info = param_info(bar.param);
                rows.push_back({param_label(bar.param), bar.metric_low, bar.metric_high, value_text(info, bar.low),
                                value_text(info, bar.high)});
            }
            const std::string title = trf(txt::chart_sensitivity_year_title, {{"year", std::to_string(t.year)}});
            tornado_chart("sensitivity", title.c_str(), size, t.base, rows, AxisFormat::years);
            break;
        }
        case ChartId::who_is_right:
            size = draw_who_is_right(state, size);
            break;
        case ChartId::count:
            break;
    }
    chart_menu(id, chart_min, size);
    if (picked >= 0) state.set_year(picked);
}

}  // namespace cp::shell
