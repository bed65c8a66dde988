// Text helpers the chart files share (charts.cpp, bar_charts.cpp): small font, wrapping, shortening, titles.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace cp::shell::chart_detail {

ImFont* small_font();
float small_size();
ImVec2 text_size(const std::string& text);  // in the small font
// Draws in the small font, and logs it while log_chart_texts(true) (charts.h).
void draw_text(ImDrawList* draw, ImVec2 at, ImU32 colour, const std::string& text);
// `text` in lines no wider than `width` (small font), broken between words where it can be.
std::vector<std::string> wrap_lines(const std::string& given, float width);
// `text` on one line no wider than `width`, ended with an ellipsis when it had to be cut.
std::string shortened(const std::string& text, float width);
ImFont* heading_font();
float heading_size();
void draw_heading(ImDrawList* draw, ImVec2 at, const char* text, float width);
float heading_height(const char* text, float width);

}  // namespace cp::shell::chart_detail
