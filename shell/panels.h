// The explorable's panels (levers, headline, charts, compare), each drawn from ExplorerState with ImGui.
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
// Asks for a picture of one chart by its file name ("training_run", "usable_compute", "chip_flows",
// "attribution", "sensitivity", "exposure", "years_behind", "who_is_right"), taken the next time it is drawn, as
// "chart-NAME.png". Returns false for an unknown name.
bool request_chart_capture(const std::string& chart_name);
bool take_capture_request(CaptureRequest* out);

// Big sliders for the three headline levers and the year; returns true while one is being dragged.
bool draw_levers(ExplorerState& state, float width);
// Every other parameter, grouped, with units and ranges.
void draw_advanced(ExplorerState& state, float width);
// The sentence and the big numbers (plus baseline differences when one is pinned).
void draw_headline(const ExplorerState& state, float width);

enum class ChartId {
    training_run,
    usable_compute,
    chip_flows,
    attribution,
    sensitivity,
    exposure,
    years_behind,
    who_is_right,
    count
};
const char* chart_title(ChartId id);
// Draws one chart; a click or drag in a time chart moves the shared year marker. The "who is right"
// panel takes the height its content needs when size.y <= 0.
void draw_chart(ExplorerState& state, ChartId id, ImVec2 size);

}  // namespace cp::shell
