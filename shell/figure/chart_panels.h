// The figure's charts in one table (name, embed panel, title, draw function), read by every list of charts.
#pragma once

#include <string>

#include "cp_strings.h"
#include "imgui.h"
#include "state.h"

namespace cp::shell {

struct ChartFrame;  // what a chart's draw function reads and returns (chart_panels.cpp)

// One row per chart. The layouts, an embed's `panels=`, the chart menu's picture, `cp_app --save-chart`
// and its usage text, and the page's cp_web_locate_chart all read this table, so a new chart is a
// new row (and its draw function), nothing else.
struct ChartPanel {
    const char* name;   // its id: `--save-chart NAME`, the picture chart-NAME.png, cp_web_locate_chart
    const char* panel;  // its name in an embed's `panels=` list
    txt::Id title;
    // In one column it is as tall as what it lists (the page scrolls), not a chart's fixed height.
    bool fits_content;
    void (*draw)(ChartFrame& frame);
};

// Every chart in the order the figure shows them; the first is the main chart.
struct ChartPanels {
    const ChartPanel* first;
    int count;
    const ChartPanel* begin() const { return first; }
    const ChartPanel* end() const { return first + count; }
    const ChartPanel& operator[](int i) const { return first[i]; }
};
ChartPanels chart_panels();
const ChartPanel* find_chart(const std::string& name);  // by ChartPanel::name; nullptr if none
std::string chart_names(const char* separator);         // every name, in order (usage texts)
std::string chart_file_name(const ChartPanel& chart);   // "chart-training_run.png"
const char* chart_title(const ChartPanel& chart);

// Draws one chart; a click or drag in a time chart moves the shared year marker. A chart that fits
// its content takes the height it needs when size.y <= 0.
void draw_chart(ExplorerState& state, const ChartPanel& chart, ImVec2 size);

// Asks for a picture of one chart by name, taken the next time it is drawn, as chart_file_name().
// Returns false for an unknown name.
bool request_chart_capture(const std::string& name);

}  // namespace cp::shell
