// Placeholder UI so the platform layer can be built and tested; replaced by the real explorable UI.
#include "app.h"

#include "imgui.h"

namespace cp::shell {

struct App::Impl {
    bool quit = false;
};

App::App() : impl_(new Impl) {}
App::~App() { delete impl_; }
void App::init(const AppOptions&) {}
void App::load_fonts(float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = 13.0f * pixel_ratio;
    io.Fonts->AddFontDefault(&config);
    io.FontGlobalScale = 1.0f / pixel_ratio;
}
void App::frame() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Compute Poverty", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("Compute Poverty (placeholder UI)");
    static float lever = 0.5f;
    ImGui::SliderFloat("Export controls", &lever, 0.0f, 1.0f);
    ImGui::End();
}
bool App::wants_quit() const { return impl_->quit; }

}  // namespace cp::shell
