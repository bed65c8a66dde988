// The explorable's application layer: state, recompute and the ImGui UI, independent of window and GL.
#pragma once

#include <string>

namespace cp::shell {

struct AppOptions {
    bool embed = false;          // figure only (blog embeds)
    std::string initial_state;   // URL hash / permalink state to restore, may be empty
};

// Platform code (main.cpp) owns the window, GL and the ImGui backends; it calls, in order:
//   create ImGui context -> app.init(options) -> app.load_fonts(pixel_ratio) -> backends init
//   per frame: backends NewFrame -> ImGui::NewFrame -> app.frame() -> ImGui::Render -> draw
// and load_fonts() again (then recreates the font texture) when the device pixel ratio changes.
class App {
public:
    App();
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    void init(const AppOptions& options);
    // Rebuilds the font atlas for the device pixel ratio (fonts rasterised at size * ratio).
    void load_fonts(float pixel_ratio);
    // Builds one frame of UI. Recomputes the model only when an input changed.
    void frame();
    // True once the user asked to quit (native only).
    bool wants_quit() const;

    struct Impl;
private:
    Impl* impl_;
};

}  // namespace cp::shell
