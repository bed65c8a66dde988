// Charts drawn with ImDrawList (ImPlot is not available): time series with log axes, bands, stacks, bars.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace cp::shell {

enum class AxisFormat { year, log_decade, percent, years, count };

struct Axis {
    double min = 0, max = 1;
    bool log = false;
    AxisFormat format = AxisFormat::count;
};

// Picks a log axis covering every positive value in the arrays, whole decades at both ends.
Axis log_axis_covering(const std::vector<const double*>& arrays, int n, AxisFormat format);

// One time-series chart, immediate mode:
//   TimeChart chart; if (chart.begin(...)) { chart.band(...); chart.line(...); } chart.end();
// x is the year, value index i is year first_year + i.
class TimeChart {
public:
    // Years before `year` follow the record, not the reader's settings: begin() shades them and end()
    // marks `year` with a labelled line. Call before begin(); 0 (the default) draws neither.
    void set_policy_year(int year) { policy_year_ = year; }
    bool begin(const char* id, const char* title, const char* y_label, ImVec2 size, int first_year, int last_year,
               Axis y, int marker_year);
    void line(const char* name, const double* values, ImU32 colour, float thickness = 2.0f, bool dashed = false,
              const char* unit = "");
    void band(const double* low, const double* high, ImU32 colour);
    // Filled area between two curves, listed in the legend and the hover read-out with `values`.
    void area(const char* name, const double* low, const double* high, const double* values, ImU32 colour,
              const char* unit = "");
    // Observed points (the public record) as hollow diamonds: one legend entry per call, and the
    // read-out describes a point when the pointer (or a tap) is near it.
    struct Observed {
        double year, value;
        std::string text;  // "Qwen2.5-72B, Alibaba: 7.8e24 FLOP (2024) [S6]"
    };
    void observed(const char* name, std::vector<Observed> points, ImU32 colour);
    // Finishes: marker, legend, hover read-out. Returns the year the reader clicked or dragged to, or -1.
    int end();

private:
    ImVec2 point(int index, double value) const;
    float x_of_year(double year) const;
    float y_of(double value) const;

    struct Entry {
        std::string name;
        const double* values;
        ImU32 colour;
        std::string unit;
    };
    ImDrawList* draw_ = nullptr;
    ImVec2 plot_min_, plot_max_;
    int first_year_ = 0, last_year_ = 0, marker_year_ = 0, policy_year_ = 0;
    std::string id_;
    Axis y_;
    std::vector<Entry> entries_;
    struct ObservedSet {
        std::string name;
        std::vector<Observed> points;
        ImU32 colour;
    };
    std::vector<ObservedSet> observed_;
    bool visible_ = false;
    float legend_height_ = 0;
    ImVec2 legend_min_;
};

// Where the time charts drew their policy-year line in the current frame ("policy_year:training_run"),
// for tests and tooling; cleared at the start of each frame.
struct ChartMark {
    std::string name;
    ImVec2 min, max;
    int year = 0;
};
const std::vector<ChartMark>& chart_marks();
void clear_chart_marks();

// Waterfall: start bar, one bar per contribution, end bar (attribution of the gap to the levers).
struct WaterfallStep {
    const char* label;
    double value;  // contribution (signed)
    ImU32 colour;
};
void waterfall(const char* id, const char* title, ImVec2 size, const char* start_label, double start,
               const WaterfallStep* steps, int count, const char* end_label, AxisFormat format);

// Tornado: horizontal bars of the metric at each parameter's low and high around a base value.
struct TornadoRow {
    std::string label;
    double at_low, at_high;
    std::string low_text, high_text;  // the parameter values, for the read-out
};
void tornado_chart(const char* id, const char* title, ImVec2 size, double base, const std::vector<TornadoRow>& rows,
                   AxisFormat format);

std::string format_axis_value(double value, AxisFormat format);

// Every text the charts draw, while logging is on (UI tests: nothing may be cut by its clip rect,
// every label is shown whole or visibly shortened). Logging costs nothing while off (the app).
struct DrawnText {
    std::string text;
    ImVec2 min, max;            // where it was drawn
    ImVec2 clip_min, clip_max;  // the draw list's clip rect at that moment
};
void log_chart_texts(bool on);
std::vector<DrawnText>& logged_chart_texts();  // cleared by the caller between frames as it needs

}  // namespace cp::shell
