// The page's side of the app: outcome updates to JavaScript and functions JavaScript may call (web only).
#pragma once

#include <string>

#include "i18n.h"

namespace cp::shell {

class ExplorerState;

// Sends the outcomes JSON to window.ComputePoverty.onOutcomes on the page; does nothing natively.
void publish_outcomes(const std::string& json);
// Sends the reader's message (a refusal, a notice; "" when none) to window.ComputePoverty.onMessage.
void publish_message(const std::string& text);
// Asks the page for a language's strings and fonts (web; it answers through cp_web_set_language).
// False when nobody can provide them (the desktop app, or a page without the language switch).
bool bridge_request_language(Language language);
// A clipboard action the page asks of the focused text box (web): ImGui performs it as if the
// reader had pressed the shortcut, so a paste goes through the same check as a native one.
struct ClipboardRequest {
    int key = -1;      // ImGuiKey_V (paste `text`) or ImGuiKey_X (cut)
    std::string text;  // what the browser's paste event carried
};
bool bridge_take_clipboard_request(ClipboardRequest* request);
// The width (CSS px) from which the full page's figure uses the two-column layout, as the page set it
// (cp_web_set_two_column_from); 0 when the page has not (the app's own default then).
float bridge_two_column_from();
// True once after the page asked the figure to show its top (a section's button in the reading layout).
bool bridge_take_scroll_to_top();
// The state that functions exported to JavaScript act on (nullptr when none).
void set_bridge_state(ExplorerState* state);
// CPU time of the last frame's UI build + recompute, for the page's frame-time benchmark.
void set_bridge_frame_ms(double ms);
// Height (CSS pixels) the figure's content needs, so the page can size the canvas to it and let the
// page scroll instead of the canvas (nested scrolling is awkward on phones).
void set_bridge_content_height(float height);
// A capture request made by cp_web_locate_chart only asks where the chart is: its rect is kept for the
// page and no picture is taken. Returns true when the request was such a one (main.cpp drops it).
bool bridge_take_located(const std::string& file_name, float x, float y, float width, float height);
// True once after the page changed the state or asked for a picture through an exported function:
// the platform layer then draws again even though no input event arrived.
bool bridge_take_wake();

}  // namespace cp::shell
