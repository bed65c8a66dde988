// Benchmark: CPU time per frame (UI build + recompute + ImGui::Render) while a reader drags a lever.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "ui_harness.h"

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main() {
    using Clock = std::chrono::steady_clock;
    struct Size {
        float w, h;
        const char* name;
    };
    for (Size size : {Size{1280, 800, "1280x800"}, Size{360, 640, "360x640"}, Size{2560, 1440, "2560x1440"}}) {
        cp::test::UiHarness ui(size.w, size.h);
        ui.frames(5);
        ImVec2 min, max;
        // On a phone the levers sit below the chart: scroll until the slider is on screen.
        for (int i = 0; i < 40 && ui.find("export_controls", &min, &max) && max.y > size.h - 20; ++i) {
            ui.io().MousePos = ImVec2(size.w * 0.5f, size.h * 0.5f);
            ui.wheel(-1.0f);
        }
        if (!ui.find("export_controls", &min, &max)) {
            std::printf("%s: export-controls slider not found\n", size.name);
            return 1;
        }
        float y = (min.y + max.y) * 0.5f;
        ui.io().MousePos = ImVec2(min.x + 10, y);
        ui.frame();
        ui.io().MouseDown[0] = true;
        ui.frame();
        std::vector<double> drag_ms, idle_ms;
        int fewest_draws = ui.state().full_draws;  // the adaptive Monte Carlo may draw fewer while dragging
        uint64_t revision_before = ui.state().revision();
        // 240 frames of dragging back and forth: every frame moves the lever, so every frame recomputes.
        for (int i = 0; i < 240; ++i) {
            float t = static_cast<float>(i % 60) / 59.0f;
            if ((i / 60) % 2) t = 1.0f - t;
            ui.io().MousePos = ImVec2(min.x + 10 + (max.x - min.x - 20) * t, y);
            auto start = Clock::now();
            ui.frame();
            drag_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            fewest_draws = std::min(fewest_draws, ui.state().results().draws_used);
        }
        int recomputes = static_cast<int>(ui.state().revision() - revision_before);
        ui.io().MouseDown[0] = false;
        ui.frames(3);
        for (int i = 0; i < 120; ++i) {
            auto start = Clock::now();
            ui.frame();
            idle_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
        std::printf(
            "ui frame %-9s dragging: median %.3f ms, p95 %.3f ms (%d of %zu frames recomputed, >= %d MC draws); "
            "idle: median %.3f ms\n",
            size.name, median(drag_ms), percentile(drag_ms, 0.95), recomputes, drag_ms.size(), ui.state().full_draws,
            median(idle_ms));
    }
    return 0;
}
