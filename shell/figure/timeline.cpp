// The levers over time in the levers panel: the policy-year control, each lever's yearly strip and its steps.
#include "timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "format.h"
#include "i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "panels.h"
#include "text.h"
#include "theme.h"

namespace cp::shell {
namespace {

ImFont* small_font() { return fonts().small ? fonts().small : ImGui::GetFont(); }
float small_size() { return ImGui::GetFontSize() * 14.0f / 16.0f; }

void small_text(const std::string& text, ImU32 colour) {
    ImGui::PushFont(small_font());
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// "Cloud denial" -> "cloud denial", for a label inside a sentence.
std::string lower_first(const char* label) {
    std::string text = label;
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

// Where a lever's value in `year` comes from, in words, with its source when it has one.
std::string origin_of(const Scenario& sc, int lever, int year) {
    const size_t l = static_cast<size_t>(lever);
    // The latest event at or before the year decides (as in lever_path): a step, the policy year, or
    // a history entry before the policy year.
    int step_year = -1, history_year = -1;
    for (int i = 0; i < sc.steps[l].count; ++i) {
        const int y = sc.steps[l].step[static_cast<size_t>(i)].year;
        if (y <= year) step_year = std::max(step_year, y);
    }
    for (int i = 0; i < sc.history[l].count; ++i) {
        const int y = sc.history[l].step[static_cast<size_t>(i)].year;
        if (y <= year && y < sc.policy_year) history_year = std::max(history_year, y);
    }
    const int policy = sc.policy_year <= year ? sc.policy_year : -1;
    if (step_year >= 0 && step_year >= policy && step_year >= history_year) {
        const std::string source = scenario_step_note(sc, lever, step_year);
        const std::initializer_list<Arg> args = {{"year", std::to_string(step_year)}, {"source", source}};
        if (step_year == year)
            return trf(source.empty() ? txt::timeline_origin_step : txt::timeline_origin_step_sourced, args);
        return trf(source.empty() ? txt::timeline_origin_step_from : txt::timeline_origin_step_from_sourced, args);
    }
    if (policy >= 0 && policy >= history_year)
        return trf(txt::timeline_origin_setting_from, {{"year", std::to_string(sc.policy_year)}});
    if (history_year >= 0) {
        const std::string source = scenario_history_note(sc, lever, history_year);
        const std::initializer_list<Arg> args = {{"year", std::to_string(history_year)}, {"source", source}};
        if (history_year == year)
            return trf(source.empty() ? txt::timeline_origin_record : txt::timeline_origin_record_sourced, args);
        return trf(source.empty() ? txt::timeline_origin_record_held : txt::timeline_origin_record_held_sourced, args);
    }
    return tr(year < sc.policy_year ? txt::timeline_origin_before_policy : txt::timeline_origin_setting);
}

// The yearly strip: one bar per year, the record's years grey, the reader's in the lever's colour.
void draw_strip(const ExplorerState& state, int lever, float width) {
    const Scenario& sc = state.scenario();
    const Palette& pal = palette();
    const int first = kFirstYear, last = sc.end_year, n = last - first + 1;
    double path[kMaxYears];
    lever_path(sc, lever, state.param(lever_index(lever)), path);

    const float strip_h = 26.0f, label_h = small_size() + 2.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // A dummy, not a button: the strip is read, not operated, and must not be a keyboard stop.
    ImGui::Dummy(ImVec2(width, strip_h + label_h));
    if (!ImGui::IsItemVisible()) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float column = width / static_cast<float>(n);
    auto x_of = [&](int year) { return origin.x + column * static_cast<float>(year - first); };
    const float bottom = origin.y + strip_h;

    draw->AddRectFilled(origin, ImVec2(origin.x + width, bottom), with_alpha(pal.text_dim, 0.07f), 3.0f);
    const int policy = std::clamp(sc.policy_year, first, last + 1);
    if (policy > first)
        draw->AddRectFilled(origin, ImVec2(x_of(policy), bottom), with_alpha(pal.text_dim, 0.12f), 3.0f);
    const size_t l = static_cast<size_t>(lever);
    for (int year = first; year <= last; ++year) {
        const double v = std::clamp(path[year - first], 0.0, 1.0);
        const float h = std::max(1.5f, static_cast<float>(v) * (strip_h - 7.0f));
        const float x0 = x_of(year) + 1.0f, x1 = std::max(x0 + 1.0f, x_of(year + 1) - 1.0f);
        const bool is_step = sc.steps[l].find(year) >= 0;
        const ImU32 colour = year < sc.policy_year && !is_step ? with_alpha(pal.text_dim, 0.55f)
                                                               : with_alpha(pal.lever[lever], is_step ? 1.0f : 0.75f);
        draw->AddRectFilled(ImVec2(x0, bottom - h), ImVec2(x1, bottom), colour, 1.0f);
        if (is_step) {
            // A notch above the bar: where a step starts.
            const float cx = (x0 + x1) * 0.5f;
            draw->AddTriangleFilled(ImVec2(cx - 4.0f, origin.y + 1.0f), ImVec2(cx + 4.0f, origin.y + 1.0f),
                                    ImVec2(cx, origin.y + 6.0f), pal.text);
        }
    }
    if (sc.policy_year >= first && sc.policy_year <= last) {
        const float x = x_of(sc.policy_year);
        draw->AddLine(ImVec2(x, origin.y - 1.0f), ImVec2(x, bottom + 2.0f), pal.text, 1.5f);
    }
    // Under the strip: the run's first and last years, and where the reader's settings start.
    auto text_width = [](const std::string& text) {
        return small_font()->CalcTextSizeA(small_size(), 1e9f, 0.0f, text.c_str()).x;
    };
    auto label = [&](const std::string& text, float x) {
        draw->AddText(small_font(), small_size(), ImVec2(x, bottom + 1.0f), pal.text_dim, text.c_str());
    };
    const std::string first_text = std::to_string(first), last_text = std::to_string(last);
    const float first_end = origin.x + text_width(first_text);
    float last_x = origin.x + width - text_width(last_text);
    if (sc.policy_year > first && sc.policy_year <= last) {
        const std::string text = trf(txt::timeline_from_year, {{"year", std::to_string(sc.policy_year)}});
        const float x = std::min(x_of(sc.policy_year) + 3.0f, origin.x + width - text_width(text));
        if (x > first_end + 4.0f) label(first_text, origin.x);
        label(text, x);
        if (x + text_width(text) + 6.0f > last_x) last_x = -1.0f;  // no room for the last year
    } else {
        label(first_text, origin.x);
    }
    if (last_x > 0.0f) label(last_text, last_x);

    // Hover: the value of the year under the mouse and where it comes from.
    if (ImGui::IsMouseHoveringRect(origin, ImVec2(origin.x + width, bottom + label_h)) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        const int year =
            std::clamp(first + static_cast<int>((ImGui::GetIO().MousePos.x - origin.x) / column), first, last);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
        text_wrapped(trf(txt::timeline_strip_tooltip, {{"lever", param_label(lever_index(lever))},
                                                       {"year", std::to_string(year)},
                                                       {"value", format_percent(path[year - first])}}));
        text_wrapped_dim(origin_of(sc, lever, year));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// ImGui writes a slider's value across its middle, where the grab often covers it: the value is
// written instead at the end away from the grab (unless the reader is typing into the slider).
// `t` is the value's place in the range (0..1).
void hide_slider_text_begin(const char* id, bool* typing) {
    *typing = ImGui::TempInputIsActive(ImGui::GetID(id));
    if (!*typing) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
}
void hide_slider_text_end(bool typing, const std::string& text, float t) {
    if (typing) return;
    ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float x = t > 0.5f ? min.x + pad : max.x - pad - size.x;
    ImGui::GetWindowDrawList()->AddText(ImVec2(x, (min.y + max.y - size.y) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                                        text.c_str());
}

// Puts the next item on this line when it fits before `right`, else on the next one (narrow screens).
void flow(float next_width, float right) {
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + next_width <= right) ImGui::SameLine();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

// The new-step editor of one lever: a year, a value, Add and Cancel. Its fields live in ImGui's
// storage (per figure), so two figures or two tests never share them.
void draw_step_editor(ExplorerState& state, int lever, float width) {
    const int index = lever_index(lever);
    const ParamInfo& info = param_info(index);
    const Scenario& sc = state.scenario();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID open_id = ImGui::GetID("editor_open"), year_id = ImGui::GetID("editor_year"),
                  value_id = ImGui::GetID("editor_value");
    int year = storage->GetInt(year_id, sc.policy_year);
    float percent = storage->GetFloat(value_id, 100.0f);
    const std::string key = info.key;

    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 7));
    // A narrow grab: it hides less of the year and value written across the slider.
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 12.0f);
    small_text(trf(txt::timeline_new_step, {{"lever", lower_first(param_label(index))}}), palette().text_dim);
    bool typing = false;
    ImGui::SetNextItemWidth(width);
    hide_slider_text_begin("##step_year", &typing);
    if (ImGui::SliderInt("##step_year", &year, kFirstYear, sc.end_year, "%d")) storage->SetInt(year_id, year);
    hide_slider_text_end(
        typing, trf(txt::timeline_from_year, {{"year", std::to_string(year)}}),
        static_cast<float>(year - kFirstYear) / static_cast<float>(std::max(1, sc.end_year - kFirstYear)));
    record_control_rect("step_year:" + key);
    ImGui::SetNextItemWidth(width);
    hide_slider_text_begin("##step_value", &typing);
    if (ImGui::SliderFloat("##step_value", &percent, 0.0f, 100.0f, "%.0f")) storage->SetFloat(value_id, percent);
    char value_text[32];
    std::snprintf(value_text, sizeof value_text, "%.0f%%", static_cast<double>(percent));
    hide_slider_text_end(typing, trf(txt::timeline_step_to, {{"value", value_text}}), percent / 100.0f);
    record_control_rect("step_value:" + key);
    const float right = ImGui::GetCursorScreenPos().x + width;
    // "###": the buttons keep their ids (keyboard focus, tests) whatever the language.
    if (ImGui::Button((std::string(tr(txt::timeline_add_step)) + "###add_step").c_str())) {
        // Whole tenths of a percent: a slider's float must not leave 0.37000000476 in a link.
        const double value = std::round(static_cast<double>(percent) * 10.0) / 1000.0;
        if (state.add_step(lever, year, value)) storage->SetInt(open_id, 0);
    }
    record_control_rect("step_add:" + key);
    const char* cancel = tr(txt::timeline_cancel);
    flow(button_width(cancel), right);
    if (ImGui::Button((std::string(cancel) + "###cancel").c_str())) storage->SetInt(open_id, 0);
    record_control_rect("step_cancel:" + key);
    ImGui::PopStyleVar(2);
}

}  // namespace

bool draw_policy_year(ExplorerState& state, float width) {
    const Scenario& sc = state.scenario();
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 9));
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(tr(txt::heading_timeline_settings_apply_from));
    ImGui::PopFont();
    // Beside its words when the slider keeps a usable width, under them otherwise (phones).
    float slider_width = left + width - ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
    if (slider_width >= 140.0f)
        ImGui::SameLine();
    else
        slider_width = width;
    int year = sc.policy_year;
    const int last = std::min(kMaxPolicyYear, sc.end_year);
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 22.0f);
    ImGui::SetNextItemWidth(slider_width);
    bool typing = false;
    hide_slider_text_begin("##policy_year", &typing);
    const bool changed = ImGui::SliderInt("##policy_year", &year, kFirstYear, last, "%d");
    hide_slider_text_end(typing, std::to_string(year),
                         static_cast<float>(year - kFirstYear) / static_cast<float>(std::max(1, last - kFirstYear)));
    ImGui::PopStyleVar(2);
    // A typed year outside the run is refused with a message, never clamped.
    if (changed) state.set_policy_year_live(year);
    if (ImGui::IsItemDeactivated()) state.finish_edit();
    record_control_rect("policy_year");
    const bool active = ImGui::IsItemActive();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        ImGui::SetTooltip("%s", tr(txt::timeline_policy_year_tooltip));
    return active;
}

void draw_lever_timeline(ExplorerState& state, int lever, float width) {
    const int index = lever_index(lever);
    const ParamInfo& info = param_info(index);
    const Palette& pal = palette();
    const std::string key = info.key;
    ImGui::PushID("timeline");
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID open_id = ImGui::GetID("editor_open");
    const bool open = storage->GetInt(open_id, 0) != 0;
    const float right = ImGui::GetCursorScreenPos().x + width;
    ImGui::PushFont(small_font());
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 12.0f);
    // The strip and "+ step" share a line: the panel must stay short enough for the levers and the
    // year to fit a laptop screen.
    const char* add_step = tr(txt::timeline_plus_step);
    const float add_width = button_width(add_step);
    draw_strip(state, lever, width - add_width - ImGui::GetStyle().ItemSpacing.x);
    ImGui::SameLine();
    ImGui::BeginDisabled(open);
    if (ImGui::Button((std::string(add_step) + "###plus_step").c_str())) {
        // Start where a step is likely wanted: two years after the policy year, or the next free year.
        const Scenario& sc = state.scenario();
        int year = std::min(sc.end_year, sc.policy_year + 2);
        while (year < sc.end_year && sc.steps[static_cast<size_t>(lever)].find(year) >= 0) ++year;
        double path[kMaxYears];
        lever_path(sc, lever, state.param(index), path);
        storage->SetInt(open_id, 1);
        storage->SetInt(ImGui::GetID("editor_year"), year);
        storage->SetFloat(ImGui::GetID("editor_value"), path[year - kFirstYear] < 0.5 ? 100.0f : 0.0f);
    }
    ImGui::EndDisabled();
    record_control_rect("add_step:" + key);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr(txt::timeline_plus_step_tooltip));

    // One chip per step; a chip removes its step when pressed (mouse, touch, or Space/Enter once
    // the arrow keys reach it).
    const LeverSchedule steps = state.scenario().steps[static_cast<size_t>(lever)];  // a copy: a press edits it
    for (int i = 0; i < steps.count; ++i) {
        const LeverStep step = steps.step[static_cast<size_t>(i)];
        const std::string label =
            trf(txt::timeline_step_chip, {{"value", format_percent(step.value)}, {"year", std::to_string(step.year)}}) +
            "  \u00d7";
        if (i > 0) flow(button_width(label.c_str()), right);
        ImGui::PushID(step.year);
        ImGui::PushStyleColor(ImGuiCol_Button, with_alpha(pal.lever[lever], 0.22f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, with_alpha(pal.lever[lever], 0.38f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, with_alpha(pal.lever[lever], 0.55f));
        const bool pressed = ImGui::Button((label + "###chip").c_str());
        ImGui::PopStyleColor(3);
        ImGui::PopID();
        record_control_rect("step:" + key + ":" + std::to_string(step.year));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", trf(txt::timeline_remove_step_tooltip, {{"lever", param_label(index)},
                                                                            {"value", format_percent(step.value)},
                                                                            {"year", std::to_string(step.year)}})
                                        .c_str());
        if (pressed) state.remove_step(lever, step.year);
    }
    ImGui::PopStyleVar(2);
    ImGui::PopFont();
    if (open) draw_step_editor(state, lever, width);
    ImGui::PopID();
}

}  // namespace cp::shell
