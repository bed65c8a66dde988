// The bar charts: the waterfall (the gap attributed to the levers) and the tornado (the parameters that move it most).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_detail.h"
#include "charts.h"
#include "format.h"
#include "i18n.h"
#include "theme.h"

namespace cp::shell {

using namespace chart_detail;

namespace {

// The frame every bar chart starts with: its ID scope, the area reserved (an item the mouse can
// hover), the title. Returns false, the ID scope closed, when the chart is scrolled out of view or has
// no bars (nothing more to draw); else the caller pops the ID when done.
struct BarChartFrame {
    ImVec2 origin;
    float top = 0;  // below the title
    bool hovered = false;
    ImDrawList* draw = nullptr;
};
bool begin_bar_chart(const char* id, const char* title, ImVec2 size, bool has_bars, BarChartFrame* frame) {
    ImGui::PushID(id);
    frame->origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("bars", size);
    frame->hovered = ImGui::IsItemHovered();
    if (!ImGui::IsItemVisible()) {
        ImGui::PopID();
        return false;
    }
    frame->draw = ImGui::GetWindowDrawList();
    draw_heading(frame->draw, frame->origin, title, size.x);
    frame->top = frame->origin.y + heading_height(title, size.x);
    if (!has_bars) {
        ImGui::PopID();
        return false;
    }
    return true;
}

}  // namespace

void waterfall(const char* id, const char* title, ImVec2 size, const char* start_label, double start,
               const WaterfallStep* steps, int count, const char* end_label, AxisFormat format) {
    BarChartFrame frame;
    if (!begin_bar_chart(id, title, size, true, &frame)) return;
    const auto [origin, top, hovered, draw] = frame;
    const Palette& pal = palette();
    // Value range covers every running total.
    double total = start, lo = std::min(0.0, start), hi = std::max(0.0, start);
    for (int i = 0; i < count; ++i) {
        total += steps[i].value;
        lo = std::min(lo, total);
        hi = std::max(hi, total);
    }
    if (hi - lo < 1e-9) hi = lo + 1.0;
    double pad = (hi - lo) * 0.08;
    hi += pad;
    if (lo < 0) lo -= pad;
    // Rows: start, steps, end; labels on the left, bars to the right.
    int rows = count + 2;
    float row_h = std::min(34.0f, (size.y - (top - origin.y)) / rows);
    float label_w = 0;
    label_w = std::max(label_w, text_size(start_label).x);
    label_w = std::max(label_w, text_size(end_label).x);
    for (int i = 0; i < count; ++i) label_w = std::max(label_w, text_size(steps[i].label).x);
    label_w = std::min(label_w, size.x * 0.42f);
    float value_w = text_size(trf(txt::chart_years_value, {{"value", "+00.0"}})).x + 8.0f;
    float bar_x0 = origin.x + label_w + 10.0f, bar_x1 = origin.x + size.x - value_w;
    auto x_of = [&](double v) { return bar_x0 + static_cast<float>((v - lo) / (hi - lo)) * (bar_x1 - bar_x0); };
    float zero_x = x_of(0.0);
    draw->AddLine(ImVec2(zero_x, top), ImVec2(zero_x, top + row_h * rows), pal.axis);
    double running = start;
    int hovered_row = -1;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int r = 0; r < rows; ++r) {
        float y0 = top + r * row_h + 4.0f, y1 = top + (r + 1) * row_h - 4.0f;
        const char* label;
        double from, to;
        ImU32 colour;
        if (r == 0) {
            label = start_label, from = 0, to = start, colour = with_alpha(pal.text_dim, 0.55f);
        } else if (r == rows - 1) {
            label = end_label, from = 0, to = running, colour = pal.restricted;
        } else {
            const WaterfallStep& s = steps[r - 1];
            label = s.label, from = running, to = running + s.value, colour = s.colour;
            running = to;
        }
        float xa = x_of(std::min(from, to)), xb = x_of(std::max(from, to));
        if (xb - xa < 1.5f) xb = xa + 1.5f;
        draw->AddRectFilled(ImVec2(xa, y0), ImVec2(xb, y1), colour, 2.0f);
        std::string text = label;
        ImVec2 ts = text_size(text);
        draw->PushClipRect(ImVec2(origin.x, y0 - 4), ImVec2(origin.x + label_w, y1 + 4), true);
        draw_text(draw, ImVec2(origin.x, (y0 + y1 - ts.y) * 0.5f), pal.text, text);
        draw->PopClipRect();
        double shown = (r == 0 || r == rows - 1) ? to : to - from;
        std::string value = format_axis_value(shown, format);
        if (format == AxisFormat::years) {
            // Contributions are often fractions of a year: keep two decimals so small ones stay visible.
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, (r == 0 || r == rows - 1) ? "%.1f" : "%+.2f", shown);
            value = trf(txt::chart_years_value, {{"value", buffer}});
        } else if (r != 0 && r != rows - 1 && shown >= 0) {
            value = "+" + value;
        }
        draw_text(draw, ImVec2(xb + 6.0f, (y0 + y1 - ts.y) * 0.5f), pal.text_dim, value);
        if (hovered && mouse.y >= y0 && mouse.y <= y1) hovered_row = r;
    }
    if (hovered_row >= 0) {
        char number[32];
        const char* name;
        if (hovered_row == 0) {
            std::snprintf(number, sizeof number, "%.4g", start);
            name = start_label;
        } else if (hovered_row == rows - 1) {
            std::snprintf(number, sizeof number, "%.4g", running);
            name = end_label;
        } else {
            std::snprintf(number, sizeof number, "%+.4g", steps[hovered_row - 1].value);
            name = steps[hovered_row - 1].label;
        }
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(trf(txt::chart_readout, {{"name", name}, {"value", number}}).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

void tornado_chart(const char* id, const char* title, ImVec2 size, double base, const std::vector<TornadoRow>& rows,
                   AxisFormat format) {
    BarChartFrame frame;
    if (!begin_bar_chart(id, title, size, !rows.empty(), &frame)) return;
    const auto [origin, top, hovered, draw] = frame;
    const Palette& pal = palette();
    // The labels' column: as wide as the longest label, at most 55% of the chart. A longer label
    // wraps onto more lines (its row grows); only when even three rows cannot have the height their
    // lines need does a label shrink to one line ending in an ellipsis (the row's tooltip has it whole).
    float label_w = 0;
    for (const TornadoRow& r : rows) label_w = std::max(label_w, text_size(r.label).x);
    label_w = std::min(label_w, size.x * 0.55f);
    float bar_x0 = origin.x + label_w + 10.0f, bar_x1 = origin.x + size.x - 10.0f;
    float axis_h = (small_size() + 6.0f) * 2.0f;  // value axis and legend
    const float room = size.y - (top - origin.y) - axis_h;
    const float line_h = small_size() + 2.0f;
    const float one_line_row = std::min(28.0f, room / static_cast<float>(rows.size()));
    std::vector<std::vector<std::string>> lines(rows.size());
    std::vector<float> row_h(rows.size());
    size_t shown = 0;
    float used = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        lines[i] = wrap_lines(rows[i].label, label_w);
        row_h[i] = std::max(one_line_row, line_h * static_cast<float>(lines[i].size()) + 8.0f);
        if (used + row_h[i] > room && shown >= 3) break;
        used += row_h[i];
        ++shown;
    }
    if (used > room + 0.5f) {
        shown = rows.size();
        for (size_t i = 0; i < rows.size(); ++i) {
            lines[i] = {shortened(rows[i].label, label_w)};
            row_h[i] = one_line_row;
        }
    }
    double lo = base, hi = base;
    for (size_t i = 0; i < shown; ++i) {
        lo = std::min({lo, rows[i].at_low, rows[i].at_high});
        hi = std::max({hi, rows[i].at_low, rows[i].at_high});
    }
    if (hi - lo < 1e-9) hi = lo + 1.0;
    auto x_of = [&](double v) { return bar_x0 + static_cast<float>((v - lo) / (hi - lo)) * (bar_x1 - bar_x0); };
    float base_x = x_of(base);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered_row = -1;
    float row_top = top;
    for (size_t i = 0; i < shown; ++i) {
        const TornadoRow& r = rows[i];
        // Bars of the usual thickness, centred on the row whatever its label's height.
        const float bar_h = std::min(row_h[i], one_line_row) - 6.0f;
        float y0 = row_top + (row_h[i] - bar_h) * 0.5f, y1 = y0 + bar_h;
        // Low end of the parameter in one colour, high end in the other, both from the base line.
        draw->AddRectFilled(ImVec2(std::min(base_x, x_of(r.at_low)), y0), ImVec2(std::max(base_x, x_of(r.at_low)), y1),
                            with_alpha(pal.negative, 0.85f));
        draw->AddRectFilled(ImVec2(std::min(base_x, x_of(r.at_high)), y0),
                            ImVec2(std::max(base_x, x_of(r.at_high)), y1), with_alpha(pal.positive, 0.85f));
        float text_y = row_top + (row_h[i] - line_h * static_cast<float>(lines[i].size()) + 2.0f) * 0.5f;
        draw->PushClipRect(ImVec2(origin.x, row_top), ImVec2(origin.x + label_w + 0.5f, row_top + row_h[i]), true);
        for (const std::string& line : lines[i]) {
            draw_text(draw, ImVec2(origin.x, text_y), pal.text, line);
            text_y += line_h;
        }
        draw->PopClipRect();
        if (hovered && mouse.y >= row_top && mouse.y < row_top + row_h[i]) hovered_row = static_cast<int>(i);
        row_top += row_h[i];
    }
    float bottom = row_top;
    draw->AddLine(ImVec2(base_x, top), ImVec2(base_x, bottom), pal.marker, 1.5f);
    // Legend: which end of each parameter's range each colour shows.
    float lx = origin.x, ly = bottom + small_size() + 8.0f;
    draw->AddRectFilled(ImVec2(lx, ly + 3), ImVec2(lx + 14, ly + 11), with_alpha(pal.negative, 0.85f), 2.0f);
    const std::string low_end = tr(txt::chart_tornado_low_end);
    draw_text(draw, ImVec2(lx + 20, ly), pal.text, low_end);
    lx += 20 + text_size(low_end).x + 16;
    draw->AddRectFilled(ImVec2(lx, ly + 3), ImVec2(lx + 14, ly + 11), with_alpha(pal.positive, 0.85f), 2.0f);
    draw_text(draw, ImVec2(lx + 20, ly), pal.text, tr(txt::chart_tornado_high_end));
    std::string lo_text = format_axis_value(lo, format), hi_text = format_axis_value(hi, format);
    draw_text(draw, ImVec2(bar_x0, bottom + 2.0f), pal.text_dim, lo_text);
    draw_text(draw, ImVec2(bar_x1 - text_size(hi_text).x, bottom + 2.0f), pal.text_dim, hi_text);
    if (hovered_row >= 0) {
        const TornadoRow& r = rows[static_cast<size_t>(hovered_row)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(r.label.c_str());
        ImGui::TextUnformatted(
            trf(txt::chart_tornado_at_low, {{"value", r.low_text}, {"result", format_axis_value(r.at_low, format)}})
                .c_str());
        ImGui::TextUnformatted(
            trf(txt::chart_tornado_at_high, {{"value", r.high_text}, {"result", format_axis_value(r.at_high, format)}})
                .c_str());
        ImGui::TextUnformatted(
            trf(txt::chart_readout, {{"name", tr(txt::chart_as_set)}, {"value", format_axis_value(base, format)}})
                .c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

}  // namespace cp::shell
