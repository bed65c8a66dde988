// The page's side of the app: outcome updates to JavaScript and functions JavaScript may call (web only).
#include "web_bridge.h"

#include <cstdio>

#include "chart_panels.h"
#include "csv.h"
#include "exact_entry.h"
#include "figure_context.h"
#include "format.h"
#include "headline.h"
#include "host_message.h"
#include "i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "panels.h"
#include "state.h"
#include "theme.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// clang-format off
EM_JS(void, cp_js_publish_outcomes, (const char* json), {
    var cp = typeof window !== 'undefined' ? window.ComputePoverty : undefined;
    if (cp && typeof cp.onOutcomes === 'function') cp.onOutcomes(UTF8ToString(json));
});
EM_JS(int, cp_js_request_language, (const char* code), {
    var cp = typeof window !== 'undefined' ? window.ComputePoverty : undefined;
    if (!cp || typeof cp.setLanguage !== 'function') return 0;
    cp.setLanguage(UTF8ToString(code));
    return 1;
});
EM_JS(void, cp_js_publish_message, (const char* text), {
    var cp = typeof window !== 'undefined' ? window.ComputePoverty : undefined;
    if (cp && typeof cp.onMessage === 'function') cp.onMessage(UTF8ToString(text));
});
// clang-format on
#define CP_WEB_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define CP_WEB_EXPORT
#endif

namespace cp::shell {
namespace {

// A link or a host message from the page, applied all-or-nothing: "" or the reader's message.
const char* apply_from_page(bool (ExplorerState::*apply)(std::string_view), const char* text) {
    FigureContext& f = figure();
    f.wake = true;
    f.last_error.clear();
    if (!f.bridge_state) return tr(txt::bridge_not_ready);
    if (!(f.bridge_state->*apply)(text ? text : "")) f.last_error = f.bridge_state->message();
    return f.last_error.c_str();
}

// A string handed to the page stays alive until the next one: the page copies it before it calls again.
const char* hand_over(std::string text) {
    figure().exported = std::move(text);
    return figure().exported.c_str();
}

// `"x":..,"y":..,"w":..,"h":..` (CSS pixels of the canvas): the one shape every rect the page reads has.
std::string rect_fields(float x, float y, float width, float height) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f", x, y, width, height);
    return buffer;
}

const ControlRect* find_control_rect(const std::string& name) {
    for (const ControlRect& rect : control_rects())
        if (rect.name == name) return &rect;
    return nullptr;
}

}  // namespace

void set_bridge_state(ExplorerState* state) { cp::shell::figure().bridge_state = state; }

bool bridge_take_wake() {
    const bool wake = cp::shell::figure().wake;
    cp::shell::figure().wake = false;
    return wake;
}

void set_bridge_frame_ms(double ms) { cp::shell::figure().frame_ms = ms; }
void set_bridge_content_height(float height) { cp::shell::figure().content_height = height; }

bool bridge_take_located(const std::string& file_name, float x, float y, float width, float height) {
    if (cp::shell::figure().locating.empty() || file_name != cp::shell::figure().locating) return false;
    cp::shell::figure().locating.clear();
    cp::shell::figure().located = "{" + rect_fields(x, y, width, height) + "}";
    return true;
}

void publish_outcomes([[maybe_unused]] const std::string& json) {
#ifdef __EMSCRIPTEN__
    cp_js_publish_outcomes(json.c_str());
#endif
}

bool bridge_request_language([[maybe_unused]] Language language) {
#ifdef __EMSCRIPTEN__
    static Language asked = Language::en;  // ask once per language: the page reports its own failures
    if (asked == language) return true;
    asked = language;
    return cp_js_request_language(language_code(language)) != 0;
#else
    return false;
#endif
}

void publish_message([[maybe_unused]] const std::string& text) {
#ifdef __EMSCRIPTEN__
    cp_js_publish_message(text.c_str());
#endif
}

float bridge_two_column_from() { return cp::shell::figure().two_column_from; }

bool bridge_take_scroll_to_top() {
    const bool scroll = cp::shell::figure().scroll_to_top;
    cp::shell::figure().scroll_to_top = false;
    return scroll;
}

bool bridge_take_clipboard_request(ClipboardRequest* request) {
    if (cp::shell::figure().clipboard.key < 0) return false;
    *request = cp::shell::figure().clipboard;
    cp::shell::figure().clipboard = ClipboardRequest();
    return true;
}

}  // namespace cp::shell

// Functions the page calls (Module.ccall). They return an empty string on success, otherwise the
// message shown to the reader; the state is unchanged on failure.
extern "C" {

// The page's answer to a reader asking for a language: the translation file (<tag>.figure.json) and
// the CJK fonts it fetched (null/0 to keep those already given). Also right before main(), when the
// link asks for Chinese, so that the first frame is already in it. "" or why it could not be used.
CP_WEB_EXPORT const char* cp_web_set_language(const char* code, const char* figure_json, const unsigned char* regular,
                                              int regular_size, const unsigned char* bold, int bold_size) {
    using namespace cp::shell;
    Language language = Language::en;
    if (code == nullptr || !parse_language(code, language)) {
        cp::shell::figure().last_error = "unknown language";
        return cp::shell::figure().last_error.c_str();
    }
    if (language != Language::en && figure_json != nullptr && *figure_json != '\0') {
        cp::shell::figure().last_error = install_translation(figure_json);
        if (!cp::shell::figure().last_error.empty()) return cp::shell::figure().last_error.c_str();
    }
    if (regular != nullptr && regular_size > 0)
        provide_cjk_fonts(std::vector<unsigned char>(regular, regular + regular_size),
                          bold != nullptr && bold_size > 0 ? std::vector<unsigned char>(bold, bold + bold_size)
                                                           : std::vector<unsigned char>());
    if (!translation_installed(language)) {
        cp::shell::figure().last_error = "that language's strings were not given";
        return cp::shell::figure().last_error.c_str();
    }
    if (ExplorerState* state = cp::shell::figure().bridge_state) {
        state->set_language(language);
        // The page swaps its prose when this returns and fills its live numbers from the last outcomes:
        // they must already be in the new language (a frame later, "1.5 年" stood in English prose).
        // So the words switch now too, not at the next frame's App::sync_language (which then only
        // rebuilds the fonts): the outcomes published here were otherwise still worded in the old one.
        cp::shell::set_language(language);
        publish_outcomes(outcomes_json(*state, state->permalink()));
    }
    cp::shell::figure().wake = true;
    cp::shell::figure().last_error.clear();
    return "";
}

CP_WEB_EXPORT const char* cp_web_set_param(const char* key, double value) {
    cp::shell::figure().wake = true;
    using namespace cp;
    cp::shell::figure().last_error.clear();
    if (!cp::shell::figure().bridge_state) return cp::shell::tr(cp::txt::bridge_not_ready);
    int index = find_param(key ? key : "");
    if (index < 0) {
        cp::shell::figure().last_error = cp::shell::trf(cp::txt::bridge_unknown_parameter, {{"name", key ? key : ""}});
        return cp::shell::figure().last_error.c_str();
    }
    if (!cp::shell::figure().bridge_state->set_param(index, value))
        cp::shell::figure().last_error = cp::shell::figure().bridge_state->message();
    return cp::shell::figure().last_error.c_str();
}

CP_WEB_EXPORT const char* cp_web_apply_permalink(const char* hash) {
    return cp::shell::apply_from_page(&cp::shell::ExplorerState::apply_permalink, hash);
}

// The page's layout: the figure uses two columns from `width` CSS px (0: the app's default). The
// reading layout puts the figure in a column beside the text, narrower than the page.
CP_WEB_EXPORT void cp_web_set_two_column_from(double width) {
    const float w = width > 0 && width < 100000 ? static_cast<float>(width) : 0.0f;
    if (w == cp::shell::figure().two_column_from) return;
    cp::shell::figure().two_column_from = w;
    cp::shell::figure().wake = true;
}

// Shows the top of the figure (headline and main chart) in the next frame: after a section's button
// changed it, that is where the change is read.
CP_WEB_EXPORT void cp_web_scroll_to_top() {
    cp::shell::figure().scroll_to_top = true;
    cp::shell::figure().wake = true;
}

// A host page's "compute-poverty:set" message (web/embed.js passes its JSON as the host sent it),
// applied all-or-nothing. Answers {} when applied, {"ignored": why} when its shape is wrong (no
// answer goes to the host), or {"refused": the reader's message} when the model refuses a value.
CP_WEB_EXPORT const char* cp_web_apply_message(const char* json) {
    using namespace cp::shell;
    figure().wake = true;
    if (!figure().bridge_state) return hand_over("{\"refused\":" + json_string(tr(cp::txt::bridge_not_ready)) + "}");
    const HostMessage message = read_host_message(json ? json : "");
    if (!message.ignored.empty()) return hand_over("{\"ignored\":" + json_string(message.ignored) + "}");
    if (!figure().bridge_state->apply_changes(message.changes))
        return hand_over("{\"refused\":" + json_string(figure().bridge_state->message()) + "}");
    return "{}";
}

CP_WEB_EXPORT double cp_web_frame_ms() { return cp::shell::figure().frame_ms; }
CP_WEB_EXPORT double cp_web_content_height() { return cp::shell::figure().content_height; }

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
    cp::shell::figure().exported.clear();
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context || !context->NavWindow || context->NavId == 0 || context->NavDisableHighlight)
        return cp::shell::figure().exported.c_str();
    ImGuiWindow* window = context->NavWindow;
    const ImRect r = ImGui::WindowRectRelToAbs(window, window->NavRectRel[context->NavLayer]);
    return cp::shell::hand_over("{" + cp::shell::rect_fields(r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()) + "}");
}

// Exports for the page's download buttons; the text stays valid until the next call.
CP_WEB_EXPORT const char* cp_web_series_csv() {
    if (!cp::shell::figure().bridge_state) return "";
    return cp::shell::hand_over(cp::series_csv(cp::shell::figure().bridge_state->results().run));
}

CP_WEB_EXPORT const char* cp_web_scenario_json() {
    if (!cp::shell::figure().bridge_state) return "";
    return cp::shell::hand_over(cp::shell::figure().bridge_state->scenario_json());
}

// The reader's message (a rejected link, a notice) as the figure shows it; empty when none.
CP_WEB_EXPORT const char* cp_web_message() {
    if (!cp::shell::figure().bridge_state) return "";
    return cp::shell::hand_over(cp::shell::figure().bridge_state->message());
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
    return cp::shell::hand_over(out + "]");
}

// Where a chart ("training_run", ... as in `cp_app --save-chart`) was drawn, in CSS pixels of the
// canvas: cp_web_locate_chart asks (0 for an unknown name), and a few frames later
// cp_web_located_chart returns {"x":..,"y":..,"w":..,"h":..} (browser tests find charts by name).
CP_WEB_EXPORT int cp_web_locate_chart(const char* name) {
    cp::shell::figure().wake = true;
    cp::shell::figure().located.clear();
    const cp::shell::ChartPanel* chart = name ? cp::shell::find_chart(name) : nullptr;
    if (!chart || !cp::shell::request_chart_capture(name)) return 0;
    cp::shell::figure().locating = cp::shell::chart_file_name(*chart);
    return 1;
}

CP_WEB_EXPORT const char* cp_web_located_chart() { return cp::shell::figure().located.c_str(); }

// Asks for a picture of the whole figure, taken after the next frame is rendered (shell/platform/main.cpp
// reads it and hands it to window.ComputePoverty.onCapture, which downloads it as `name`).
CP_WEB_EXPORT void cp_web_request_png() {
    cp::shell::figure().wake = true;
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return;
    cp::shell::CaptureRequest request;
    request.width = ImGui::GetIO().DisplaySize.x;
    request.height = ImGui::GetIO().DisplaySize.y;
    request.file_name = "compute-poverty.png";
    cp::shell::request_capture(request);
}

// The slider text box open in the last frame (Ctrl+click, Tab, the value link), or "":
// {"name":"export_controls","text":"75","x":..,"y":..,"w":..,"h":..} (CSS pixels of the canvas).
CP_WEB_EXPORT const char* cp_web_text_field() {
    cp::shell::figure().exported.clear();
    const cp::shell::EntryField* field = cp::shell::open_entry_field();
    if (!field) return cp::shell::figure().exported.c_str();
    std::string out = "{\"name\":" + cp::shell::json_string(field->name) +
                      ",\"text\":" + cp::shell::json_string(cp::shell::open_entry_text());
    if (const cp::shell::ControlRect* r = cp::shell::find_control_rect(field->name))
        out += "," + cp::shell::rect_fields(r->min.x, r->min.y, r->max.x - r->min.x, r->max.y - r->min.y);
    return cp::shell::hand_over(out + "}");
}

// The browser's copy or cut event while a text box is open: returns what goes on the clipboard (the
// selection, or all of the text), and for a cut takes it out of the box in the next frame. Returns
// "" when no text box is open (the page then leaves the event alone).
CP_WEB_EXPORT const char* cp_web_clipboard_copy(int cut) {
    cp::shell::figure().exported.clear();
    if (!cp::shell::open_entry_field()) return cp::shell::figure().exported.c_str();
    cp::shell::figure().exported = cp::shell::open_entry_selection();
    if (cut) {
        cp::shell::figure().clipboard.key = ImGuiKey_X;
        cp::shell::figure().wake = true;
    }
    return cp::shell::figure().exported.c_str();
}

// The browser's paste event while a text box is open: the text is pasted in the next frame through
// ImGui's own paste, and so through the same check as a paste on the desktop. 0 when no box is open.
CP_WEB_EXPORT int cp_web_clipboard_paste(const char* text) {
    if (!cp::shell::open_entry_field() || !text) return 0;
    cp::shell::figure().clipboard.key = ImGuiKey_V;
    cp::shell::figure().clipboard.text = text;
    cp::shell::figure().wake = true;
    return 1;
}

// The value link ("entry:KEY" control) under (x, y) in CSS pixels of the canvas: its field name, or "".
// A touch there opens the page's numeric field instead of reaching the figure.
CP_WEB_EXPORT const char* cp_web_entry_at(double x, double y) {
    const ImVec2 p(static_cast<float>(x), static_cast<float>(y));
    std::string name;  // the last drawn is on top
    for (const cp::shell::ControlRect& rect : cp::shell::control_rects())
        if (rect.name.rfind("entry:", 0) == 0 && ImRect(rect.min, rect.max).Contains(p)) name = rect.name.substr(6);
    return cp::shell::hand_over(name);
}

// What the page's numeric field for `name` needs, in the reader's units:
// {"name":..,"label":..,"unit":"%","text":"75","min":0,"max":100,"min_text":"0%","max_text":"100%",
//  "integer":false,"x":..,"y":..,"w":..,"h":..} (the rect is the slider's; the texts are the range as
// the field's hint shows it), or "" for an unknown name.
CP_WEB_EXPORT const char* cp_web_entry_field(const char* name) {
    cp::shell::figure().exported.clear();
    cp::shell::EntryField field;
    if (!cp::shell::figure().bridge_state || !name ||
        !cp::shell::find_entry_field(*cp::shell::figure().bridge_state, name, &field))
        return cp::shell::figure().exported.c_str();
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, ",\"min\":%.17g,\"max\":%.17g,\"integer\":%s", field.min * field.scale,
                  field.max * field.scale, field.integer ? "true" : "false");
    // The hint's ends as typed, with the unit the field shows beside it ("%" set on the number).
    const std::string unit = field.unit.empty() ? "" : (field.unit == "%" ? "" : " ") + field.unit;
    auto end_text = [&](double value) { return cp::shell::json_string(cp::shell::format_typed_number(value) + unit); };
    std::string out =
        "{\"name\":" + cp::shell::json_string(field.name) + ",\"label\":" + cp::shell::json_string(field.label) +
        ",\"unit\":" + cp::shell::json_string(field.unit) +
        ",\"text\":" + cp::shell::json_string(cp::shell::entry_start_text(*cp::shell::figure().bridge_state, field)) +
        numbers + ",\"min_text\":" + end_text(field.min * field.scale) +
        ",\"max_text\":" + end_text(field.max * field.scale);
    if (const cp::shell::ControlRect* r = cp::shell::find_control_rect(field.name))
        out += "," + cp::shell::rect_fields(r->min.x, r->min.y, r->max.x - r->min.x, r->max.y - r->min.y);
    return cp::shell::hand_over(out + "}");
}

// The reader's text from the page's numeric field: applied (an undoable step) and "" returned, or
// refused whole with the app's message, which is returned too.
CP_WEB_EXPORT const char* cp_web_enter_value(const char* name, const char* text) {
    cp::shell::figure().wake = true;
    cp::shell::figure().last_error.clear();
    cp::shell::EntryField field;
    if (!cp::shell::figure().bridge_state) return cp::shell::tr(cp::txt::bridge_not_ready);
    if (!name || !cp::shell::find_entry_field(*cp::shell::figure().bridge_state, name, &field)) {
        cp::shell::figure().last_error =
            cp::shell::trf(cp::txt::bridge_unknown_parameter, {{"name", name ? name : ""}});
        return cp::shell::figure().last_error.c_str();
    }
    if (!cp::shell::enter_value(*cp::shell::figure().bridge_state, field, text ? text : ""))
        cp::shell::figure().last_error = cp::shell::figure().bridge_state->message();
    return cp::shell::figure().last_error.c_str();
}

CP_WEB_EXPORT const char* cp_web_permalink() {
    if (!cp::shell::figure().bridge_state) return "";
    return cp::shell::hand_over(cp::shell::figure().bridge_state->permalink());
}

}  // extern "C"
