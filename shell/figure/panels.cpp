// The explorable's panels (levers, headline, charts, compare), each drawn from ExplorerState with ImGui.
#include "panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "charts.h"
#include "exact_entry.h"
#include "figure_context.h"
#include "format.h"
#include "headline.h"
#include "i18n.h"
#include "text.h"
#include "theme.h"
#include "timeline.h"

namespace cp::shell {
namespace {

// The advanced levers' group headings, in ParamGroup's order.
constexpr txt::Id kGroupTitles[] = {
    txt::levers_group_headline,        txt::levers_group_chips,     txt::levers_group_cloud,
    txt::levers_group_privacy_latency, txt::levers_group_conflict,  txt::levers_group_industry,
    txt::levers_group_frontier,        txt::levers_group_economics,
};
static_assert(sizeof kGroupTitles / sizeof kGroupTitles[0] == static_cast<size_t>(ParamGroup::economics) + 1,
              "one heading for each ParamGroup");

const char* group_title(ParamGroup group) { return tr(kGroupTitles[static_cast<int>(group)]); }

bool is_share(const ParamInfo& info) { return std::strcmp(info.unit, "share") == 0; }

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

// `value` to three significant digits, as ImGui's "%.3g" slider format used to round a drag.
double three_digits(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return std::strtod(buffer, nullptr);
}

// Slider for one parameter in its display unit (shares as percent). A typed or pasted value goes
// through exact_entry's check: refused with a message, never clamped. Returns true while it is held.
bool parameter_slider(ExplorerState& state, int index, float width, bool large) {
    const ParamInfo& info = param_info(index);
    const EntryField field = param_entry_field(index);
    double shown = state.param(index) * field.scale;
    double lo = info.min * field.scale, hi = info.max * field.scale;
    // Shares as whole percents; every other value written by the one formatter ("216,000 H100e/yr",
    // "1 × 10⁶ dies/yr", "4×"), handed to ImGui as a format with no conversion in it (a '%' doubled).
    std::string format = "%.0f%%";
    if (!is_share(info)) {
        format.clear();
        for (char c : value_text(info, state.param(index))) format += c == '%' ? std::string("%%") : std::string(1, c);
    }
    ImGuiSliderFlags flags = info.log_slider ? ImGuiSliderFlags_Logarithmic : 0;
    if (large) {
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 11));
        ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 26.0f);
    }
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(index);
    begin_entry_field(state, field);
    bool changed = ImGui::SliderScalar("##value", ImGuiDataType_Double, &shown, &lo, &hi, format.c_str(), flags);
    const bool typing = end_entry_field();
    ImGui::PopID();
    if (large) ImGui::PopStyleVar(2);
    if (changed) {
        double value = shown / field.scale;
        // A drag lands where a reader would set it: a whole percent, a whole number, else three
        // significant digits (216,000, not 216,137.48); a typed value is checked as typed (2.5 is not whole).
        if (!typing && !is_share(info)) value = info.is_integer ? std::round(value) : three_digits(value);
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

}  // namespace

std::string value_text(const ParamInfo& info, double value) {
    return is_share(info) ? format_percent(value) : format_param_value(value, info.unit, Notation::canvas);
}

void small_text(const char* text, ImU32 colour) {
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

const std::vector<ControlRect>& control_rects() { return figure().control_rects; }
void request_capture(const CaptureRequest& request) {
    figure().capture = request;
    figure().capture_pending = true;
    figure().capture_delay = 1;
}
bool take_capture_request(CaptureRequest* out) {
    if (!figure().capture_pending) return false;
    // The menu that asked is still drawn in the frame it was clicked; capture the next one, without it.
    if (figure().capture_delay-- > 0) return false;
    *out = figure().capture;
    figure().capture_pending = false;
    return true;
}
void clear_control_rects() { figure().control_rects.clear(); }
void record_control_rect(std::string name) {
    figure().control_rects.push_back({std::move(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
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

}  // namespace cp::shell
