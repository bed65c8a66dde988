// Charts drawn with ImDrawList (ImPlot is not available): time series with log axes, bands, stacks, bars.
#include "charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "chart_detail.h"
#include "figure_context.h"
#include "format.h"
#include "i18n.h"
#include "text.h"
#include "theme.h"

namespace cp::shell {
namespace {

constexpr float kTickGap = 6.0f;

}  // namespace

namespace chart_detail {

ImFont* small_font() { return fonts().small ? fonts().small : ImGui::GetFont(); }
float small_size() { return ImGui::GetFontSize() * 14.0f / 16.0f; }

ImVec2 text_size(const std::string& text) {
    ImFont* font = small_font();
    return font->CalcTextSizeA(small_size(), 1e9f, 0.0f, text.c_str());
}

void draw_text(ImDrawList* draw, ImVec2 at, ImU32 colour, const std::string& text) {
    draw->AddText(small_font(), small_size(), at, colour, text.c_str());
    if (figure().log_texts) {
        const ImVec2 size = text_size(text);
        figure().logged_texts.push_back(
            {text, at, ImVec2(at.x + size.x, at.y + size.y), draw->GetClipRectMin(), draw->GetClipRectMax()});
    }
}

// `text` in lines no wider than `width` (small font), broken between words where it can be.
std::vector<std::string> wrap_lines(const std::string& given, float width) {
    std::vector<std::string> lines;
    ImFont* font = small_font();
    const float scale = small_size() / font->FontSize;
    // Chinese has no spaces to break at: its break points come first as newlines (shell/figure/text.h).
    const std::string text = break_lines(font, small_size(), given, width);
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
        if (brk == s) brk = s + 1;  // not even one character fits: never loop
        const char* newline = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(brk - s)));
        if (newline != nullptr) brk = newline;
        std::string line(s, brk);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
        s = brk;
        if (s < end && *s == '\n') ++s;
        while (s < end && *s == ' ') ++s;
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

// `text` on one line no wider than `width`: whole if it fits, else cut at a character and ended with
// an ellipsis, so that the reader sees it was shortened.
std::string shortened(const std::string& text, float width) {
    if (text_size(text).x <= width) return text;
    const std::string ellipsis = "\u2026";
    std::string head = text;
    while (!head.empty()) {
        // One character off the end: its continuation bytes, then its first byte.
        while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.pop_back();
        if (!head.empty()) head.pop_back();
        std::string candidate = head;
        while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
        if (text_size(candidate + ellipsis).x <= width) return candidate + ellipsis;
    }
    return ellipsis;
}

ImFont* heading_font() { return fonts().heading ? fonts().heading : ImGui::GetFont(); }
float heading_size() { return ImGui::GetFontSize() * 19.0f / 16.0f; }

// Titles wrap on narrow screens rather than run off the edge.
void draw_heading(ImDrawList* draw, ImVec2 at, const char* text, float width) {
    const std::string lines = break_lines(heading_font(), heading_size(), text, width);
    draw->AddText(heading_font(), heading_size(), at, palette().text, lines.c_str(), nullptr, width);
}

float heading_height(const char* text, float width) {
    const std::string lines = break_lines(heading_font(), heading_size(), text, width);
    return heading_font()->CalcTextSizeA(heading_size(), 1e9f, width, lines.c_str()).y + 6.0f;
}

}  // namespace chart_detail

using namespace chart_detail;

namespace {

// "Nice" step for about `target` intervals over `span`: 1, 2 or 5 times a power of ten.
double nice_step(double span, int target) {
    double raw = span / std::max(1, target);
    double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) return m * power;
    return 10.0 * power;
}

std::vector<double> ticks_for(const Axis& axis, float pixels, float min_spacing) {
    std::vector<double> ticks;
    if (axis.log) {
        int lo = static_cast<int>(std::floor(axis.min));
        int hi = static_cast<int>(std::ceil(axis.max));
        int decades = std::max(1, hi - lo);
        int every = 1;
        while (pixels / (static_cast<float>(decades) / every) < min_spacing && every < decades) ++every;
        for (int e = lo; e <= hi; ++e)
            if ((e - lo) % every == 0) ticks.push_back(e);
        return ticks;
    }
    int target = std::max(2, static_cast<int>(pixels / min_spacing));
    double step = nice_step(axis.max - axis.min, std::min(target, 6));
    for (double v = std::ceil(axis.min / step) * step; v <= axis.max + step * 1e-6; v += step)
        ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    return ticks;
}

// Writes a filled quad strip between two curves with a single colour; seamless where separate
// anti-aliased polygons would show hairlines between neighbours.
void fill_between(ImDrawList* draw, const std::vector<ImVec2>& top, const std::vector<ImVec2>& bottom, ImU32 colour) {
    size_t n = std::min(top.size(), bottom.size());
    if (n < 2) return;
    ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (size_t i = 0; i + 1 < n; ++i) {
        draw->PrimReserve(6, 4);
        draw->PrimQuadUV(top[i], top[i + 1], bottom[i + 1], bottom[i], uv, uv, uv, uv, colour);
    }
}

void dashed_polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 colour, float thickness) {
    const float dash = 7.0f, gap = 5.0f;
    float carry = 0.0f;  // distance already used in the current dash/gap cycle
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        ImVec2 a = points[i], b = points[i + 1];
        float dx = b.x - a.x, dy = b.y - a.y;
        float length = std::sqrt(dx * dx + dy * dy);
        if (length <= 0.0f) continue;
        float t = 0.0f;
        while (t < length) {
            float cycle_pos = std::fmod(carry + t, dash + gap);
            float remaining = cycle_pos < dash ? dash - cycle_pos : dash + gap - cycle_pos;
            float t_end = std::min(length, t + remaining);
            if (cycle_pos < dash)
                draw->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                              ImVec2(a.x + dx * t_end / length, a.y + dy * t_end / length), colour, thickness);
            t = t_end;
        }
        carry = std::fmod(carry + length, dash + gap);
    }
}

}  // namespace

void log_chart_texts(bool on) {
    figure().log_texts = on;
    figure().logged_texts.clear();
}
std::vector<DrawnText>& logged_chart_texts() { return figure().logged_texts; }
const std::vector<ChartMark>& chart_marks() { return figure().chart_marks; }
void clear_chart_marks() { figure().chart_marks.clear(); }

std::string format_axis_value(double value, AxisFormat format) {
    char buffer[32];
    switch (format) {
        case AxisFormat::year:
            std::snprintf(buffer, sizeof buffer, "%d", static_cast<int>(value));
            return buffer;
        case AxisFormat::log_decade:
            return format_decade(static_cast<int>(std::lround(value)));
        case AxisFormat::percent:
            return format_percent(value);
        case AxisFormat::years:
            std::snprintf(buffer, sizeof buffer, "%g", std::round(value * 10.0) / 10.0);
            return trf(txt::chart_years_value, {{"value", buffer}});
        case AxisFormat::count:
            return format_count(value);
    }
    return "";
}

Axis log_axis_covering(const std::vector<const double*>& arrays, int n, AxisFormat format) {
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const double* a : arrays)
        for (int i = 0; i < n; ++i)
            if (a[i] > 0.0 && std::isfinite(a[i])) {
                lo = std::min(lo, a[i]);
                hi = std::max(hi, a[i]);
            }
    Axis axis;
    axis.log = true;
    axis.format = format;
    if (!(lo <= hi)) {
        axis.min = 0;
        axis.max = 1;
        return axis;
    }
    axis.min = std::floor(std::log10(lo));
    axis.max = std::ceil(std::log10(hi));
    if (axis.max - axis.min < 1) axis.max = axis.min + 1;
    return axis;
}

float TimeChart::x_of_year(double year) const {
    double t = (year - first_year_) / std::max(1, last_year_ - first_year_);
    return plot_min_.x + static_cast<float>(t) * (plot_max_.x - plot_min_.x);
}

float TimeChart::y_of(double value) const {
    double v = value;
    if (y_.log) v = value > 0 ? std::log10(value) : y_.min - 1;
    double t = (v - y_.min) / (y_.max - y_.min);
    t = std::clamp(t, -0.02, 1.02);  // keep off-scale values just outside the plot, never far away
    return plot_max_.y - static_cast<float>(t) * (plot_max_.y - plot_min_.y);
}

ImVec2 TimeChart::point(int index, double value) const { return ImVec2(x_of_year(first_year_ + index), y_of(value)); }

bool TimeChart::begin(const char* id, const char* title, const char* y_label, ImVec2 size, int first_year,
                      int last_year, Axis y, int marker_year) {
    entries_.clear();
    observed_.clear();
    id_ = id;
    first_year_ = first_year;
    last_year_ = last_year;
    marker_year_ = marker_year;
    y_ = y;
    ImGui::PushID(id);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("plot", size);
    visible_ = ImGui::IsItemVisible();
    draw_ = ImGui::GetWindowDrawList();
    if (!visible_) return false;

    const Palette& pal = palette();
    draw_heading(draw_, origin, title, size.x);
    float top = origin.y + heading_height(title, size.x);
    float line_height = small_size() + 4.0f;
    if (y_label && *y_label) {
        // The note under the title wraps, like the title: phones are narrow, notes are sentences.
        const std::string note = break_lines(small_font(), small_size(), y_label, size.x);
        draw_->AddText(small_font(), small_size(), ImVec2(origin.x, top), pal.text_dim, note.c_str(), nullptr, size.x);
        top += small_font()->CalcTextSizeA(small_size(), 1e9f, size.x, note.c_str()).y + 4.0f;
    }
    // The legend needs as many lines as last frame's layout found (kept per chart in ImGui storage).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    int legend_lines = std::max(1, storage->GetInt(ImGui::GetID("legend_lines"), 1));
    legend_height_ = legend_lines * line_height + 4.0f;

    float plot_height_guess = size.y - (top - origin.y) - line_height - legend_height_;
    std::vector<double> y_ticks = ticks_for(y_, std::max(20.0f, plot_height_guess), line_height * 1.6f);
    auto tick_label = [this](double t) {
        if (y_.log && y_.format == AxisFormat::count) return format_count(std::pow(10.0, t));
        if (y_.log && y_.format == AxisFormat::percent) return format_percent(std::pow(10.0, t));
        return format_axis_value(t, y_.format);
    };
    float label_width = 0;
    for (double t : y_ticks) label_width = std::max(label_width, text_size(tick_label(t)).x);
    plot_min_ = ImVec2(origin.x + label_width + kTickGap, top + small_size() * 0.5f);
    plot_max_ = ImVec2(origin.x + size.x - 8.0f, origin.y + size.y - legend_height_ - line_height);
    if (plot_max_.y - plot_min_.y < 20.0f || plot_max_.x - plot_min_.x < 40.0f) {
        visible_ = false;
        return false;
    }
    legend_min_ = ImVec2(origin.x, plot_max_.y + line_height + 2.0f);

    // Grid and y ticks.
    for (double t : y_ticks) {
        float y_px = y_of(y_.log ? std::pow(10.0, t) : t);
        draw_->AddLine(ImVec2(plot_min_.x, y_px), ImVec2(plot_max_.x, y_px), pal.grid);
        std::string label = tick_label(t);
        ImVec2 ts = text_size(label);
        draw_text(draw_, ImVec2(plot_min_.x - kTickGap - ts.x, y_px - ts.y * 0.5f), pal.text_dim, label);
    }
    // Year ticks: as dense as the width allows.
    float year_label_width = text_size("2030").x + 10.0f;
    int span = std::max(1, last_year - first_year);
    int step = 1;
    for (int candidate : {1, 2, 5, 10}) {
        step = candidate;
        if ((plot_max_.x - plot_min_.x) / (static_cast<float>(span) / candidate) >= year_label_width) break;
    }
    for (int year = first_year; year <= last_year; ++year) {
        if ((year - first_year) % step != 0 && year != last_year) continue;
        if (year == last_year && (year - first_year) % step != 0 && (year - first_year) % step < step / 2 + 1) continue;
        float x = x_of_year(year);
        draw_->AddLine(ImVec2(x, plot_max_.y), ImVec2(x, plot_max_.y + 4.0f), pal.axis);
        std::string label = std::to_string(year);
        ImVec2 ts = text_size(label);
        draw_text(draw_, ImVec2(x - ts.x * 0.5f, plot_max_.y + 4.0f), pal.text_dim, label);
    }
    draw_->AddLine(ImVec2(plot_min_.x, plot_max_.y), ImVec2(plot_max_.x, plot_max_.y), pal.axis);
    // The record's years, under everything drawn later: the reader's settings do not reach them.
    if (policy_year_ > first_year_ && policy_year_ <= last_year_) {
        const float x = x_of_year(policy_year_);
        draw_->AddRectFilled(plot_min_, ImVec2(x, plot_max_.y), with_alpha(pal.text_dim, 0.10f));
    }
    draw_->PushClipRect(ImVec2(plot_min_.x, plot_min_.y - 2.0f), ImVec2(plot_max_.x + 2.0f, plot_max_.y + 1.0f), true);
    return true;
}

void TimeChart::line(const char* name, const double* values, ImU32 colour, float thickness, bool dashed,
                     const char* unit) {
    if (name && *name) entries_.push_back({name, values, colour, unit});
    if (!visible_) return;
    int n = last_year_ - first_year_ + 1;
    std::vector<ImVec2> points(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) points[static_cast<size_t>(i)] = point(i, values[i]);
    if (dashed)
        dashed_polyline(draw_, points, colour, thickness);
    else
        draw_->AddPolyline(points.data(), n, colour, 0, thickness);
}

void TimeChart::band(const double* low, const double* high, ImU32 colour) {
    if (!visible_) return;
    int n = last_year_ - first_year_ + 1;
    std::vector<ImVec2> top(static_cast<size_t>(n)), bottom(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        top[static_cast<size_t>(i)] = point(i, high[i]);
        bottom[static_cast<size_t>(i)] = point(i, low[i]);
    }
    fill_between(draw_, top, bottom, colour);
}

void TimeChart::area(const char* name, const double* low, const double* high, const double* values, ImU32 colour,
                     const char* unit) {
    entries_.push_back({name, values, colour, unit});
    band(low, high, colour);
}

namespace {

// A hollow diamond, the record's mark (model lines are solid, so the two never look alike).
void diamond(ImDrawList* draw, ImVec2 c, float r, ImU32 colour, ImU32 fill) {
    const ImVec2 pts[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y)};
    draw->AddConvexPolyFilled(pts, 4, fill);
    draw->AddPolyline(pts, 4, colour, ImDrawFlags_Closed, 2.0f);
}

}  // namespace

void TimeChart::observed(const char* name, std::vector<Observed> points, ImU32 colour) {
    if (points.empty()) return;
    if (visible_) {
        const ImU32 fill = palette().panel;
        for (const Observed& o : points) {
            if (o.year < first_year_ || o.year > last_year_) continue;
            diamond(draw_, ImVec2(x_of_year(o.year), y_of(o.value)), 5.0f, colour, fill);
        }
    }
    observed_.push_back({name, std::move(points), colour});
}

int TimeChart::end() {
    int picked = -1;
    if (!visible_) {
        ImGui::PopID();
        return picked;
    }
    draw_->PopClipRect();
    const Palette& pal = palette();
    if (policy_year_ >= first_year_ && policy_year_ <= last_year_) {
        const float x = x_of_year(policy_year_);
        dashed_polyline(draw_, {ImVec2(x, plot_min_.y), ImVec2(x, plot_max_.y)}, pal.text_dim, 1.5f);
        // Beside the line, on the side with room: the years from here on are the reader's.
        std::string label = trf(txt::chart_settings_from, {{"year", std::to_string(policy_year_)}});
        const bool right_of_line = x + 5.0f + text_size(label).x <= plot_max_.x;
        if (!right_of_line) label += " \u2192";  // written over the history, it points at the years it means
        const ImVec2 ts = text_size(label);
        const float lx = right_of_line ? x + 5.0f : std::max(plot_min_.x, x - 5.0f - ts.x);
        const ImVec2 at(lx, plot_min_.y + 2.0f);
        auto tag = [this, &pal](ImVec2 p, const std::string& text, ImU32 colour) {
            const ImVec2 size = text_size(text);
            draw_->AddRectFilled(ImVec2(p.x - 2.0f, p.y - 1.0f), ImVec2(p.x + size.x + 2.0f, p.y + size.y + 1.0f),
                                 with_alpha(pal.panel, 0.85f), 3.0f);
            draw_text(draw_, p, colour, text);
        };
        tag(at, label, pal.text);
        // The shaded years, named across the line from the reader's, where the two labels do not meet.
        const char* history = tr(txt::chart_history);
        const float history_right = plot_min_.x + 4.0f + text_size(history).x;
        if (policy_year_ > first_year_ && history_right + 4.0f < x && (at.x > x || history_right + 8.0f < at.x))
            tag(ImVec2(plot_min_.x + 4.0f, at.y), history, pal.text_dim);
        figure().chart_marks.push_back({"policy_year:" + id_, ImVec2(std::min(x - 1.0f, at.x), plot_min_.y),
                                        ImVec2(std::max(x + 1.0f, at.x + ts.x), plot_max_.y), policy_year_});
    }
    // Shared year marker.
    if (marker_year_ >= first_year_ && marker_year_ <= last_year_) {
        float x = x_of_year(marker_year_);
        draw_->AddLine(ImVec2(x, plot_min_.y), ImVec2(x, plot_max_.y), pal.marker, 1.5f);
    }
    // Legend, flowed into lines; the number of lines is remembered for next frame's layout.
    float x = legend_min_.x, y = legend_min_.y;
    float right = plot_max_.x;
    float line_height = small_size() + 4.0f;
    int lines = 1;
    // Flows an entry into the legend: returns where its swatch goes.
    auto place = [&](const std::string& name) {
        float w = 14.0f + 6.0f + text_size(name).x + 14.0f;
        if (x + w > right && x > legend_min_.x) {
            x = legend_min_.x;
            y += line_height;
            ++lines;
        }
        ImVec2 at(x, y);
        draw_text(draw_, ImVec2(x + 20.0f, y), pal.text, name);
        x += w;
        return at;
    };
    for (const Entry& e : entries_) {
        const ImVec2 at = place(e.name);
        const float mid = at.y + small_size() * 0.5f;
        draw_->AddRectFilled(ImVec2(at.x, mid - 4.0f), ImVec2(at.x + 14.0f, mid + 4.0f), e.colour, 2.0f);
    }
    for (const ObservedSet& o : observed_) {
        const ImVec2 at = place(o.name);
        diamond(draw_, ImVec2(at.x + 7.0f, at.y + small_size() * 0.5f), 4.5f, o.colour, pal.panel);
    }
    ImGui::GetStateStorage()->SetInt(ImGui::GetID("legend_lines"), lines);

    // Hover read-out of exact values, and click/drag to move the shared year marker.
    ImVec2 mouse = ImGui::GetIO().MousePos;
    bool over_plot = ImGui::IsItemHovered() && mouse.x >= plot_min_.x - 4 && mouse.x <= plot_max_.x + 4 &&
                     mouse.y >= plot_min_.y && mouse.y <= plot_max_.y;
    if (over_plot || ImGui::IsItemActive()) {
        double t = (mouse.x - plot_min_.x) / std::max(1.0f, plot_max_.x - plot_min_.x);
        int year = first_year_ + static_cast<int>(std::lround(t * (last_year_ - first_year_)));
        year = std::clamp(year, first_year_, last_year_);
        float hx = x_of_year(year);
        draw_->AddLine(ImVec2(hx, plot_min_.y), ImVec2(hx, plot_max_.y), with_alpha(pal.marker, 0.35f), 1.0f);
        for (const Entry& e : entries_)
            draw_->AddCircleFilled(point(year - first_year_, e.values[year - first_year_]), 3.5f, e.colour);
        if (ImGui::IsItemActive()) picked = year;
        // A record point under the pointer is described first: value, year, what it is, its source.
        const Observed* near = nullptr;
        float best = 10.0f * 10.0f;
        for (const ObservedSet& set : observed_)
            for (const Observed& o : set.points) {
                const float dx = x_of_year(o.year) - mouse.x, dy = y_of(o.value) - mouse.y;
                if (dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    near = &o;
                }
            }
        ImGui::BeginTooltip();
        if (near) {
            ImGui::TextUnformatted(tr(txt::chart_public_record));
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
            text_wrapped(near->text);
            ImGui::PopTextWrapPos();
            ImGui::Separator();
        }
        ImGui::Text("%d", year);
        for (const Entry& e : entries_) {
            ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(e.colour),
                               ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, ImVec2(10, 10));
            ImGui::SameLine();
            std::string value = format_exact(e.values[year - first_year_], e.unit.c_str());
            ImGui::TextUnformatted(trf(txt::chart_readout, {{"name", e.name}, {"value", value}}).c_str());
        }
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return picked;
}

}  // namespace cp::shell
