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
}  // namespace

void set_bridge_state(ExplorerState* state) { g_state = state; }
void set_bridge_frame_ms(double ms) { g_frame_ms = ms; }
void set_bridge_content_height(float height) { g_content_height = height; }

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
    cp::shell::g_last_error.clear();
    if (!cp::shell::g_state) return "the explorable is not ready yet";
    if (!cp::shell::g_state->apply_permalink(hash ? hash : "")) cp::shell::g_last_error = cp::shell::g_state->message();
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
    char buffer[96];
    for (const cp::shell::ControlRect& rect : cp::shell::control_rects()) {
        if (out.size() > 1) out += ",";
        out += "{\"name\":\"";
        for (char c : rect.name)
            if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) out += c;
        std::snprintf(buffer, sizeof buffer, "\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", rect.min.x, rect.min.y,
                      rect.max.x - rect.min.x, rect.max.y - rect.min.y);
        out += buffer;
    }
    cp::shell::g_export = out + "]";
    return cp::shell::g_export.c_str();
}

// Asks for a picture of the whole figure, taken after the next frame is rendered (shell/main.cpp
// reads it and hands it to window.ComputePoverty.onCapture, which downloads it as `name`).
CP_WEB_EXPORT void cp_web_request_png() {
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
