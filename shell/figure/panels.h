// The explorable's panels (levers, advanced parameters, headline) drawn with ImGui; charts: chart_panels.h.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "state.h"

namespace cp::shell {

// Where the main controls were drawn this frame (screen coordinates), for the UI tests, the browser
// tests and the page's own accessibility layer. Names: parameter keys, "year", "preset", "preset:<id>".
struct ControlRect {
    std::string name;
    ImVec2 min, max;
};
const std::vector<ControlRect>& control_rects();
void clear_control_rects();
void record_control_rect(std::string name);  // the last submitted item

// A picture of part of the screen the reader asked for (a chart), in logical pixels; the platform
// layer reads the pixels after rendering the frame and saves them as a PNG.
struct CaptureRequest {
    float x = 0, y = 0, width = 0, height = 0;
    std::string file_name;  // "chart-training_run.png"
};
void request_capture(const CaptureRequest& request);
bool take_capture_request(CaptureRequest* out);

// Big sliders for the three headline levers and the year; returns true while one is being dragged.
bool draw_levers(ExplorerState& state, float width);
// Every other parameter, grouped, with units and ranges.
void draw_advanced(ExplorerState& state, float width);
// The sentence and the big numbers (plus baseline differences when one is pinned).
void draw_headline(const ExplorerState& state, float width);

// Shared by the panels and the charts: a parameter's value in its display unit ("75%", "3.2 GW"), and
// a line of small text in a colour.
std::string value_text(const ParamInfo& info, double value);
void small_text(const char* text, ImU32 colour);

}  // namespace cp::shell
