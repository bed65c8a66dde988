// The explorable's application layer: state, recompute and the ImGui UI, independent of window and GL.
#pragma once

#include <string>

namespace cp::shell {

class ExplorerState;

struct AppOptions {
    bool embed = false;  // figure only (blog embeds)
    // Panels an embed shows, comma-separated: headline, levers, and the charts' panel names
    // (chart_panels.h: chart, usable, flows, ...). Empty = "headline,chart,levers".
    std::string panels;
    std::string initial_state;  // URL hash / permalink state to restore, may be empty
};

// Platform code (main.cpp) owns the window, GL and the ImGui backends; it calls, in order:
//   create ImGui context -> app.init(options) -> app.load_fonts(pixel_ratio) -> backends init
//   per frame: app.sync_language() -> backends NewFrame -> ImGui::NewFrame -> app.frame() -> ImGui::Render -> draw
// and load_fonts() again (then recreates the font texture) when the device pixel ratio changes or
// sync_language() says the language changed.
class App {
public:
    App();
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    void init(const AppOptions& options);
    // Rebuilds the font atlas for the device pixel ratio (fonts rasterised at size * ratio).
    void load_fonts(float pixel_ratio);
    // Before each frame (and before the first load_fonts): shows the language the reader asked for
    // once its translation is installed. True when the fonts must be loaded again for it.
    bool sync_language();
    // Builds one frame of UI. Recomputes the model only when an input changed.
    void frame();
    // True once the user asked to quit (native only).
    bool wants_quit() const;
    // A chart picture the reader asked for: the platform layer reads this rect (logical pixels) from the
    // frame it just rendered and saves it as `file_name`. At most one per frame.
    bool take_capture_request(float* x, float* y, float* width, float* height, std::string* file_name);
    // Asks for a picture of one chart ("training_run", ...), delivered through take_capture_request
    // once the chart has been drawn. False for an unknown chart name.
    bool request_chart_picture(const std::string& chart_name);
    // Every chart name request_chart_picture knows, in the figure's order ("training_run, usable_compute, ...").
    static std::string chart_names(const char* separator);
    // From the platform layer before a frame it draws: frames drawn so far (this one included) and the
    // seconds nothing was drawn before it, which the frame-time overlay (F2) shows.
    void set_draw_stats(int frames_drawn, double idle_seconds);
    // The state behind the UI (tests drive and inspect it).
    ExplorerState& state();

    struct Impl;

private:
    Impl* impl_;
};

}  // namespace cp::shell
