// The explorable's application layer: layout, shortcuts, recompute scheduling and the link to the page.
#include "app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chart_panels.h"
#include "charts.h"
#include "embedded_assets.h"
#include "exact_entry.h"
#include "csv.h"
#include "headline.h"
#include "i18n.h"
#include "imgui.h"
#include "panels.h"
#include "state.h"
#include "text.h"
#include "theme.h"
#include "web_bridge.h"

namespace cp::shell {

struct App::Impl {
    ExplorerState state;
    AppOptions options;
    bool quit = false;
    bool show_advanced = false;
    bool show_frame_overlay = false;
    uint64_t published_revision = 0;
    std::string published_link;
    std::string published_message;
    double frame_ms = 0;  // CPU time of the last frame's UI build + recompute
    int frames_drawn = 0;
    double idle_seconds = 0;
    char path_buffer[512] = "scenario.json";

    void shortcuts();
    void top_bar(float width);
    void message_bar(float width);
    void levers_section(float width, bool* dragging);
    void layout_wide(ImVec2 display);
    void layout_narrow(ImVec2 display);
    // Where the content would end with every panel at its own height, whatever the frame's size:
    // an embed stretches its charts to fill its frame, so the cursor alone would only echo the
    // frame back to a host that sizes the frame from it (and grow it without end).
    float natural_bottom = 0;
    bool shows(const char* panel) const;
    void frame_overlay();
    void publish();
    void export_csv(const char* path);
};

App::App() : impl_(new Impl) {}
App::~App() {
    set_bridge_state(nullptr);
    delete impl_;
}

void App::init(const AppOptions& options) {
    impl_->options = options;
    // Full keyboard use: Tab between controls, arrows to adjust, Enter/Space to activate.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    std::vector<std::pair<std::string, std::string>> presets;
    for (int i = 0; i < assets::file_count(); ++i) {
        const assets::File& file = assets::file(i);
        std::string name = file.name;
        if (name.rfind("scenarios/", 0) == 0)
            presets.emplace_back(name, std::string(reinterpret_cast<const char*>(file.data), file.size));
    }
    // The desktop app has its translations compiled in; the page installs them when asked.
    if (const assets::File* zh = assets::find("i18n/zh-Hans.figure.json")) {
        const std::string problem =
            install_translation(std::string_view(reinterpret_cast<const char*>(zh->data), zh->size));
        if (!problem.empty()) std::fprintf(stderr, "translation error: %s\n", problem.c_str());
    }
    impl_->state.init(presets);
    if (const assets::File* record = assets::find("record/record.json"))
        impl_->state.load_record(std::string_view(reinterpret_cast<const char*>(record->data), record->size));
    for (const std::string& error : impl_->state.load_errors())
        std::fprintf(stderr, "preset error: %s\n", error.c_str());
    if (!options.initial_state.empty()) impl_->state.apply_permalink(options.initial_state);
    impl_->state.forget_history();
    set_bridge_state(&impl_->state);
    apply_theme(false);
    sync_language();
}

bool App::sync_language() {
    ExplorerState& state = impl_->state;
    const Language wanted = state.language();
    if (wanted != language() && !set_language(wanted)) {
        // Not installed: the page fetches it and calls back (cp_web_set_language); a build without
        // it says so and stays in the language it shows.
        if (!bridge_request_language(wanted)) {
            state.set_language(language());
            state.set_error(tr(txt::message_language_unavailable));
        }
    }
    return fonts_stale();
}

void App::load_fonts(float pixel_ratio) { cp::shell::load_fonts(pixel_ratio); }
bool App::wants_quit() const { return impl_->quit; }

bool App::request_chart_picture(const std::string& chart_name) { return request_chart_capture(chart_name); }
std::string App::chart_names(const char* separator) { return cp::shell::chart_names(separator); }

bool App::take_capture_request(float* x, float* y, float* width, float* height, std::string* file_name) {
    CaptureRequest request;
    if (!cp::shell::take_capture_request(&request)) return false;
    *x = request.x, *y = request.y, *width = request.width, *height = request.height;
    *file_name = request.file_name;
    return true;
}
ExplorerState& App::state() { return impl_->state; }

void App::set_draw_stats(int frames_drawn, double idle_seconds) {
    impl_->frames_drawn = frames_drawn;
    impl_->idle_seconds = idle_seconds;
}

void App::Impl::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    bool ctrl = io.KeyCtrl || io.KeySuper;
    if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift)
            state.redo();
        else
            state.undo();
    }
    if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) state.redo();
    // F2 toggles the frame-time overlay (SDL's scancode for F2 is 59; ImGui 1.86 has no key enum for it).
    if (ImGui::IsKeyPressed(59, false)) show_frame_overlay ^= true;
}

namespace {

// Puts the next item on the same line when `next_width` still fits, else starts a new line (narrow screens).
void flow_same_line(float next_width, float right_edge) {
    float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + next_width <= right_edge) ImGui::SameLine();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

// "text###id": the text is translated, the ImGui id ("###" keeps only what follows) is not, so keyboard
// focus stays on a control when the language or the text (Pin/Unpin, Light/Dark) changes.
std::string label_id(const char* text, const std::string& id) { return std::string(text) + "###" + id; }
bool labelled_button(txt::Id text, const char* id, const ImVec2& size = ImVec2(0, 0)) {
    return ImGui::Button(label_id(tr(text), id).c_str(), size);
}

}  // namespace

void App::Impl::top_bar(float width) {
    float right = ImGui::GetCursorScreenPos().x + width;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Compute Poverty");  // the project's name: Latin letters in every language
    ImGui::PopFont();
    // As wide as the longest preset title (never clipped), but no wider than the bar.
    float title_width = 0;
    for (int i = 0; i < state.preset_count(); ++i)
        title_width = std::max(title_width, ImGui::CalcTextSize(preset_title(state.preset(i))).x);
    float preset_width = std::min(width, title_width + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
    flow_same_line(preset_width, right);
    ImGui::SetNextItemWidth(preset_width);
    const char* current =
        state.preset_index() >= 0 ? preset_title(state.preset(state.preset_index())) : state.scenario().title.c_str();
    bool preset_open = ImGui::BeginCombo("##preset", current[0] ? current : state.scenario().id.c_str());
    record_control_rect("preset");
    if (preset_open) {
        for (int i = 0; i < state.preset_count(); ++i) {
            const Scenario& p = state.preset(i);
            if (ImGui::Selectable(label_id(preset_title(p), "preset:" + p.id).c_str(), i == state.preset_index()))
                state.select_preset(i);
            record_control_rect("preset:" + p.id);
            if (ImGui::IsItemHovered() && !p.description.empty()) ImGui::SetTooltip("%s", preset_description(p));
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered() && !preset_open) ImGui::SetTooltip("%s", tr(txt::app_presets_tooltip));
    flow_same_line(button_width(tr(txt::app_reset)), right);
    ImGui::BeginDisabled(!state.changed_from_start());
    if (labelled_button(txt::app_reset, "reset")) state.reset_to_preset();
    ImGui::EndDisabled();
    flow_same_line(button_width(tr(txt::app_undo)), right);
    ImGui::BeginDisabled(!state.can_undo());
    if (labelled_button(txt::app_undo, "undo")) state.undo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Z");
    flow_same_line(button_width(tr(txt::app_redo)), right);
    ImGui::BeginDisabled(!state.can_redo());
    if (labelled_button(txt::app_redo, "redo")) state.redo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Shift+Z");
    flow_same_line(button_width(tr(txt::app_unpin)), right);
    if (state.baseline()) {
        if (labelled_button(txt::app_unpin, "pin")) state.clear_baseline();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(txt::app_unpin_tooltip));
    } else {
        if (labelled_button(txt::app_pin, "pin")) state.pin_baseline("baseline");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(txt::app_pin_tooltip));
    }
    flow_same_line(button_width(tr(txt::app_light)), right);
    if (labelled_button(theme_is_dark() ? txt::app_light : txt::app_dark, "theme")) {
        ExplorerState::View view = state.view();
        view.dark = !view.dark;
        state.set_view(view);
    }
    // The other language, named in itself; shown once its fonts are at hand (the desktop app always,
    // the page after a reader chose Chinese: before that, the page's own switch fetches them).
    if (cjk_fonts_available() && !options.embed) {
        flow_same_line(button_width(tr(txt::app_other_language)), right);
        if (labelled_button(txt::app_other_language, "language"))
            state.set_language(language() == Language::en ? Language::zh : Language::en);
    }
#ifndef __EMSCRIPTEN__
    flow_same_line(button_width(tr(txt::app_file)), right);
    if (labelled_button(txt::app_file, "file")) ImGui::OpenPopup("file");
    if (ImGui::BeginPopup("file")) {
        ImGui::SetNextItemWidth(320);
        ImGui::InputText(label_id(tr(txt::app_path), "path").c_str(), path_buffer, sizeof path_buffer);
        if (labelled_button(txt::app_open_scenario, "open")) {
            std::ifstream in(path_buffer, std::ios::binary);
            if (!in) {
                state.load_scenario_json("", path_buffer);  // reports the problem with the usual message
                state.set_notice(trf(txt::app_could_not_open, {{"path", path_buffer}}));
            } else {
                std::stringstream text;
                text << in.rdbuf();
                state.load_scenario_json(text.str(), path_buffer);
            }
        }
        ImGui::SameLine();
        if (labelled_button(txt::app_save_scenario, "save")) {
            std::ofstream(path_buffer) << state.scenario_json();
            state.set_notice(trf(txt::app_saved, {{"path", path_buffer}}));
        }
        ImGui::SameLine();
        if (labelled_button(txt::app_export_csv, "csv")) export_csv(path_buffer);
        ImGui::Checkbox(label_id(tr(txt::app_frame_overlay), "overlay").c_str(), &show_frame_overlay);
        ImGui::EndPopup();
    }
#endif
}

void App::Impl::export_csv(const char* path) {
    std::string target = path;
    if (target.size() < 4 || target.substr(target.size() - 4) != ".csv") target += ".csv";
    std::ofstream out(target);
    out << series_csv(state.results().run);
    state.set_notice(trf(out ? txt::app_exported : txt::app_could_not_write, {{"path", target}}));
}

void App::Impl::message_bar(float width) {
    if (state.message().empty()) return;
    const Palette& pal = palette();
    ImGui::PushStyleColor(ImGuiCol_Text, state.message_is_error() ? pal.error : pal.text_dim);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 40);
    text_wrapped(state.message());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine(width - 24);
    if (ImGui::SmallButton("x")) state.clear_message();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(txt::app_dismiss));
}

void App::Impl::levers_section(float width, bool* dragging) {
    *dragging = draw_levers(state, width);
    ImGui::Spacing();
    // A full-width toggle of the column's width (a CollapsingHeader would span the whole window).
    bool open = state.view().advanced;
    if (labelled_button(open ? txt::app_hide_advanced_levers : txt::app_show_every_lever, "advanced",
                        ImVec2(width, 0))) {
        ExplorerState::View view = state.view();
        view.advanced = !open;
        state.set_view(view);
        open = view.advanced;
    }
    record_control_rect("advanced");
    if (open) draw_advanced(state, width);
}

void App::Impl::layout_wide(ImVec2 display) {
    const ImGuiStyle& style = ImGui::GetStyle();
    bool levers = shows("levers");
    float left_width = levers ? std::clamp(display.x * (options.embed ? 0.36f : 0.28f), 280.0f, 440.0f) : 0.0f;
    ImVec2 start = ImGui::GetCursorPos();

    // Levers first, so that a moved slider is in this frame's results (one frame from input to chart).
    // Everything lives in the one root window (no child windows), so Tab and the arrow keys reach
    // every control and the page scrolls as a whole.
    bool dragging = false;
    if (levers) {
        ImGui::SetCursorPos(start);
        ImGui::BeginGroup();
        levers_section(left_width, &dragging);
        ImGui::EndGroup();
    }
    float levers_bottom = levers ? ImGui::GetCursorPosY() : start.y;
    state.update(dragging);

    float right_x = start.x + (levers ? left_width + style.ItemSpacing.x * 3 : 0.0f);
    float right_width = display.x - right_x - style.WindowPadding.x - style.ScrollbarSize;
    float charts_y = start.y;
    if (shows("headline")) {
        ImGui::SetCursorPos(ImVec2(right_x, start.y));
        ImGui::BeginGroup();
        draw_headline(state, right_width);
        ImGui::EndGroup();
        charts_y = ImGui::GetCursorPosY() + style.ItemSpacing.y;
    }
    std::vector<const ChartPanel*> charts;
    for (const ChartPanel& chart : chart_panels())
        if (shows(chart.panel)) charts.push_back(&chart);
    float bottom = std::max(levers_bottom, charts_y);
    if (!charts.empty()) {
        int columns = right_width >= 1500 ? 3 : (right_width >= 760 ? 2 : 1);
        columns = std::min(columns, static_cast<int>(charts.size()));
        float gap = style.ItemSpacing.x * 2;
        float chart_w = (right_width - gap * (columns - 1)) / columns;
        int rows = (static_cast<int>(charts.size()) + columns - 1) / columns;
        float visible_height = display.y - charts_y - style.WindowPadding.y;
        // An embed fills a frame taller than its charts need (never shrinking them below their own
        // height); the full page shows about two rows at a time and scrolls.
        float own_h = std::clamp(chart_w * 0.6f, 220.0f, 420.0f);
        float chart_h = options.embed ? std::max(own_h, visible_height / rows - style.ItemSpacing.y * 2)
                                      : std::clamp(visible_height / 2.0f - style.ItemSpacing.y * 2, 260.0f, 460.0f);
        if (!options.embed) own_h = chart_h;
        for (size_t i = 0; i < charts.size(); ++i) {
            int row = static_cast<int>(i) / columns, column = static_cast<int>(i) % columns;
            ImGui::SetCursorPos(
                ImVec2(right_x + column * (chart_w + gap), charts_y + row * (chart_h + style.ItemSpacing.y * 2)));
            draw_chart(state, *charts[i], ImVec2(chart_w, chart_h));
        }
        natural_bottom = std::max(bottom, charts_y + rows * (own_h + style.ItemSpacing.y * 2));
        bottom = std::max(bottom, charts_y + rows * (chart_h + style.ItemSpacing.y * 2));
    } else {
        natural_bottom = bottom;
    }
    // The root window's content ends below the taller column (scroll range, content height).
    ImGui::SetCursorPos(ImVec2(start.x, bottom));
}

void App::Impl::layout_narrow(ImVec2 display) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = display.x - style.WindowPadding.x * 2 - style.ScrollbarSize;
    ImVec2 start = ImGui::GetCursorPos();
    // Visual order: headline, main chart, levers, other charts. Submission order: levers first (at the
    // position last frame's layout gave them) so a slider moved now is drawn by this frame's charts.
    const ChartPanel& main = chart_panels()[0];
    bool headline = shows("headline"), main_chart = shows(main.panel);
    float headline_height =
        headline ? ImGui::GetStateStorage()->GetFloat(ImGui::GetID("headline_h"), 200.0f) + style.ItemSpacing.y : 0.0f;
    const float own_main_chart_h = std::clamp(width * 0.8f, 240.0f, 380.0f);
    float main_chart_h = own_main_chart_h;
    if (options.embed && !shows("levers"))
        main_chart_h = std::max(main_chart_h, display.y - start.y - headline_height - 20);
    float levers_y = start.y + headline_height + (main_chart ? main_chart_h + style.ItemSpacing.y * 2 : 0.0f);
    bool dragging = false;
    float after_levers = levers_y;
    if (shows("levers")) {
        ImGui::SetCursorPos(ImVec2(start.x, levers_y));
        ImGui::BeginGroup();
        levers_section(width, &dragging);
        ImGui::EndGroup();
        after_levers = ImGui::GetCursorPosY();
    }
    state.update(dragging);

    if (headline) {
        ImGui::SetCursorPos(start);
        ImGui::BeginGroup();
        draw_headline(state, width);
        ImGui::EndGroup();
        ImGui::GetStateStorage()->SetFloat(ImGui::GetID("headline_h"), ImGui::GetItemRectSize().y);
    }
    if (main_chart) {
        ImGui::SetCursorPos(ImVec2(start.x, start.y + headline_height));
        draw_chart(state, main, ImVec2(width, main_chart_h));
    }
    ImGui::SetCursorPos(ImVec2(start.x, after_levers + style.ItemSpacing.y * 2));
    float chart_h = std::clamp(width * 0.8f, 240.0f, 380.0f);
    for (const ChartPanel& chart : chart_panels()) {
        if (&chart == &main || !shows(chart.panel)) continue;
        // In one column the page scrolls: a panel that fits its content needs no fixed box.
        draw_chart(state, chart, ImVec2(width, chart.fits_content ? 0.0f : chart_h));
    }
    natural_bottom = ImGui::GetCursorPosY() - (main_chart ? main_chart_h - own_main_chart_h : 0.0f);
}

bool App::Impl::shows(const char* panel) const {
    if (!options.embed) return true;
    std::string list = "," + (options.panels.empty() ? std::string("headline,chart,levers") : options.panels) + ",";
    return list.find("," + std::string(panel) + ",") != std::string::npos;
}

// Developer-facing (F2): its read-outs stay in English.
void App::Impl::frame_overlay() {
    if (!show_frame_overlay) return;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - 10), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##frame", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::Text("frame %.1f ms (%.0f fps while drawing)", 1000.0f / std::max(1.0f, io.Framerate), io.Framerate);
    // Nothing is drawn while nothing changes: the count stands still and the gap shows how long.
    ImGui::Text("frames drawn %d, %.1f s idle before this one", frames_drawn, idle_seconds);
    ImGui::Text("UI + recompute %.2f ms", frame_ms);
    ImGui::Text("last recompute %.2f ms, %d draws", state.results().compute_ms, state.results().draws_used);
    ImGui::End();
}

void App::Impl::publish() {
    // A refusal changes no outcome, so the page hears about the message on its own.
    if (state.message() != published_message) {
        published_message = state.message();
        publish_message(published_message);
    }
    if (state.revision() == published_revision) return;
    published_revision = state.revision();
    published_link = state.permalink();
    publish_outcomes(outcomes_json(state, published_link));
}

void App::frame() {
    auto start = std::chrono::steady_clock::now();
    Impl& m = *impl_;
    clear_control_rects();
    new_entry_frame();
    clear_chart_marks();
    if (m.state.view().dark != theme_is_dark()) apply_theme(m.state.view().dark);
    m.shortcuts();
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 display = io.DisplaySize;
    // Embeds go two-column from 640 px (levers beside the figure), the full page from 900 px, unless
    // the page says otherwise (its reading layout keeps the figure in a column beside the text).
    const float two_column_from = bridge_two_column_from();
    bool narrow = display.x < (two_column_from > 0 ? two_column_from : m.options.embed ? 640.0f : 900.0f);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    // The root window scrolls: on a phone the figure is taller than the screen, and on a desktop the
    // charts run below the fold.
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Compute Poverty", nullptr, flags);
    if (bridge_take_scroll_to_top()) ImGui::SetScrollY(0.0f);
    float width = display.x - ImGui::GetStyle().WindowPadding.x * 2 - ImGui::GetStyle().ScrollbarSize;
    if (!m.options.embed) m.top_bar(width);
    m.message_bar(width);
    ImGui::Spacing();
    if (narrow)
        m.layout_narrow(display);
    else
        m.layout_wide(display);
    set_bridge_content_height((m.options.embed ? m.natural_bottom : ImGui::GetCursorPosY()) +
                              ImGui::GetStyle().WindowPadding.y);
    ImGui::End();
    m.frame_overlay();
    m.publish();
    m.frame_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    set_bridge_frame_ms(m.frame_ms);
}

}  // namespace cp::shell
