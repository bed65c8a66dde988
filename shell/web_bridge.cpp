// The page's side of the app: outcome updates to JavaScript and functions JavaScript may call (web only).
#include "web_bridge.h"

#include <cstdio>

#include "exports.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "panels.h"
#include "state.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// clang-format off
EM_JS(void, cp_js_publish_outcomes, (const char* json), {
    var cp = typeof window !== 'undefined' ? window.ComputePoverty : undefined;
    if (cp && typeof cp.onOutcomes === 'function') cp.onOutcomes(UTF8ToString(json));
});
// clang-format on
#define CP_WEB_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define CP_WEB_EXPORT
#endif

namespace cp::shell {
namespace {
ExplorerState* g_state = nullptr;
std::string g_last_error;
std::string g_export;  // keeps the last exported text alive for the page to copy
double g_frame_ms = 0;
float g_content_height = 0;
std::string g_locating;  // the file name of the chart picture requested only to learn its rect
std::string g_located;   // that rect as JSON once known
bool g_wake = false;     // the page changed something the next frame must draw

// `"x":..,"y":..,"w":..,"h":..` (CSS pixels of the canvas): the one shape every rect the page reads has.
std::string rect_fields(float x, float y, float width, float height) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f", x, y, width, height);
    return buffer;
}

}  // namespace

void set_bridge_state(ExplorerState* state) { g_state = state; }

bool bridge_take_wake() {
    const bool wake = g_wake;
    g_wake = false;
    return wake;
}

void set_bridge_frame_ms(double ms) { g_frame_ms = ms; }
void set_bridge_content_height(float height) { g_content_height = height; }

bool bridge_take_located(const std::string& file_name, float x, float y, float width, float height) {
    if (g_locating.empty() || file_name != g_locating) return false;
    g_locating.clear();
    g_located = "{" + rect_fields(x, y, width, height) + "}";
    return true;
}

void publish_outcomes([[maybe_unused]] const std::string& json) {
#ifdef __EMSCRIPTEN__
    cp_js_publish_outcomes(json.c_str());
#endif
}

}  // namespace cp::shell

// Functions the page calls (Module.ccall). They return an empty string on success, otherwise the
// message shown to the reader; the state is unchanged on failure.
extern "C" {

CP_WEB_EXPORT const char* cp_web_set_param(const char* key, double value) {
    cp::shell::g_wake = true;
    using namespace cp;
    cp::shell::g_last_error.clear();
    if (!cp::shell::g_state) return "the explorable is not ready yet";
    int index = find_param(key ? key : "");
    if (index < 0) {
        cp::shell::g_last_error = std::string("unknown parameter \"") + (key ? key : "") + "\"";
        return cp::shell::g_last_error.c_str();
    }
    if (!cp::shell::g_state->set_param(index, value)) cp::shell::g_last_error = cp::shell::g_state->message();
    return cp::shell::g_last_error.c_str();
}

CP_WEB_EXPORT const char* cp_web_apply_permalink(const char* hash) {
    cp::shell::g_wake = true;
    cp::shell::g_last_error.clear();
    if (!cp::shell::g_state) return "the explorable is not ready yet";
    if (!cp::shell::g_state->apply_permalink(hash ? hash : "")) cp::shell::g_last_error = cp::shell::g_state->message();
    return cp::shell::g_last_error.c_str();
}

// Changes to the current state from a host message (web/embed.js): "policy_year=2027&cloud_denial@2028=1"
// (ExplorerState::apply_edits), all-or-nothing.
CP_WEB_EXPORT const char* cp_web_apply_edits(const char* edits) {
    cp::shell::g_wake = true;
    cp::shell::g_last_error.clear();
    if (!cp::shell::g_state) return "the explorable is not ready yet";
    if (!cp::shell::g_state->apply_edits(edits ? edits : "")) cp::shell::g_last_error = cp::shell::g_state->message();
    return cp::shell::g_last_error.c_str();
}

CP_WEB_EXPORT double cp_web_frame_ms() { return cp::shell::g_frame_ms; }
CP_WEB_EXPORT double cp_web_content_height() { return cp::shell::g_content_height; }

// Whether the wheel over the canvas should go to the app: only when a window under the mouse can
// scroll further in the wheel's direction (dy > 0: down, dy < 0: up, 0: either). Otherwise the page
// lets the host article scroll (embeds must not trap the reader's wheel, even at a panel's end).
CP_WEB_EXPORT int cp_web_wheel_wanted(double dy) {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return 0;
    for (ImGuiWindow* window = context->HoveredWindow; window; window = window->ParentWindow) {
        if (window->ScrollMax.y <= 0.0f) continue;
        if (dy > 0 && window->Scroll.y >= window->ScrollMax.y - 0.5f) continue;
        if (dy < 0 && window->Scroll.y <= 0.5f) continue;
        return 1;
    }
    return 0;
}

// Whether a touch starting at (x, y) (CSS pixels of the canvas) belongs to the figure rather than to
// the page: on a control (a slider is dragged sideways, and a vertical pan must not set it), on a
// scrollbar of a panel that scrolls, or anywhere while a popup or menu is open. Elsewhere the page
// scrolls under the finger and a tap reaches the figure as a click.
CP_WEB_EXPORT int cp_web_touch_wanted(double x, double y) {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return 0;
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return 1;
    const ImVec2 p(static_cast<float>(x), static_cast<float>(y));
    for (const cp::shell::ControlRect& rect : cp::shell::control_rects())
        if (ImRect(rect.min, rect.max).Contains(p)) return 1;
    for (ImGuiWindow* window : context->Windows) {
        if (!window->Active || !window->ScrollbarY) continue;
        if (ImGui::GetWindowScrollbarRect(window, ImGuiAxis_Y).Contains(p)) return 1;
    }
    return 0;
}

// The control the keyboard is on, in CSS pixels of the canvas ({"x":..,"y":..,"w":..,"h":..}), or ""
// when the keyboard is not in use. When the canvas is as tall as the figure the page must scroll to
// it, as ImGui would scroll its own window (web/fit.js).
CP_WEB_EXPORT const char* cp_web_nav_rect() {
    cp::shell::g_export.clear();
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context || !context->NavWindow || context->NavId == 0 || context->NavDisableHighlight)
        return cp::shell::g_export.c_str();
    ImGuiWindow* window = context->NavWindow;
    const ImRect r = ImGui::WindowRectRelToAbs(window, window->NavRectRel[context->NavLayer]);
    cp::shell::g_export = "{" + cp::shell::rect_fields(r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()) + "}";
    return cp::shell::g_export.c_str();
}

// Exports for the page's download buttons; the text stays valid until the next call.
CP_WEB_EXPORT const char* cp_web_series_csv() {
    if (!cp::shell::g_state) return "";
    cp::shell::g_export = cp::shell::series_csv(cp::shell::g_state->results().run);
    return cp::shell::g_export.c_str();
}

CP_WEB_EXPORT const char* cp_web_scenario_json() {
    if (!cp::shell::g_state) return "";
    cp::shell::g_export = cp::shell::g_state->scenario_json();
    return cp::shell::g_export.c_str();
}

// The reader's message (a rejected link, a notice) as the figure shows it; empty when none.
CP_WEB_EXPORT const char* cp_web_message() {
    if (!cp::shell::g_state) return "";
    cp::shell::g_export = cp::shell::g_state->message();
    return cp::shell::g_export.c_str();
}

// Where the main controls were drawn in the last frame, in CSS pixels of the canvas:
// [{"name":"export_controls","x":..,"y":..,"w":..,"h":..},...] (browser tests, page tooling).
CP_WEB_EXPORT const char* cp_web_control_rects() {
    std::string out = "[";
    for (const cp::shell::ControlRect& rect : cp::shell::control_rects()) {
        if (out.size() > 1) out += ",";
        out += "{\"name\":\"";
        for (char c : rect.name)
            if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) out += c;
        out += "\"," +
               cp::shell::rect_fields(rect.min.x, rect.min.y, rect.max.x - rect.min.x, rect.max.y - rect.min.y) + "}";
    }
    cp::shell::g_export = out + "]";
    return cp::shell::g_export.c_str();
}

// Where a chart ("training_run", ... as in `cp_app --save-chart`) was drawn, in CSS pixels of the
// canvas: cp_web_locate_chart asks (0 for an unknown name), and a few frames later
// cp_web_located_chart returns {"x":..,"y":..,"w":..,"h":..} (browser tests find charts by name).
CP_WEB_EXPORT int cp_web_locate_chart(const char* name) {
    cp::shell::g_wake = true;
    cp::shell::g_located.clear();
    if (!name || !cp::shell::request_chart_capture(name)) return 0;
    cp::shell::g_locating = std::string("chart-") + name + ".png";
    return 1;
}

CP_WEB_EXPORT const char* cp_web_located_chart() { return cp::shell::g_located.c_str(); }

// Asks for a picture of the whole figure, taken after the next frame is rendered (shell/main.cpp
// reads it and hands it to window.ComputePoverty.onCapture, which downloads it as `name`).
CP_WEB_EXPORT void cp_web_request_png() {
    cp::shell::g_wake = true;
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return;
    cp::shell::CaptureRequest request;
    request.width = ImGui::GetIO().DisplaySize.x;
    request.height = ImGui::GetIO().DisplaySize.y;
    request.file_name = "compute-poverty.png";
    cp::shell::request_capture(request);
}

CP_WEB_EXPORT const char* cp_web_permalink() {
    if (!cp::shell::g_state) return "";
    cp::shell::g_export = cp::shell::g_state->permalink();
    return cp::shell::g_export.c_str();
}

}  // extern "C"
