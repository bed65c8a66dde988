// Headless ImGui harness: an ImGui context with a fixed display size, no window and no GL (1.86 has no
// null backend), fed input through io directly, driving the real App.
#pragma once

#include <string>

#include "app.h"
#include "host_message.h"
#include "i18n.h"
#include "imgui.h"
#include "panels.h"
#include "state.h"

namespace cp::test {

// Scancodes as SDL's backend maps them, so shortcuts read the same keys as in the real app.
constexpr int kKeyA = 4, kKeyC = 6, kKeyV = 25, kKeyX = 27, kKeyZ = 29, kKeyY = 28, kKeyTab = 43, kKeyEnter = 40,
              kKeyBackspace = 42, kKeyLeft = 80, kKeyRight = 79, kKeyUp = 82, kKeyDown = 81, kKeyEscape = 41;

class UiHarness {
public:
    explicit UiHarness(float width, float height, const std::string& initial_state = "", bool embed = false,
                       const std::string& panels = "") {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        // Every key ImGui needs, at SDL's scancodes (as imgui_impl_sdl maps them).
        const int key_map[][2] = {{ImGuiKey_Tab, kKeyTab},
                                  {ImGuiKey_LeftArrow, kKeyLeft},
                                  {ImGuiKey_RightArrow, kKeyRight},
                                  {ImGuiKey_UpArrow, kKeyUp},
                                  {ImGuiKey_DownArrow, kKeyDown},
                                  {ImGuiKey_PageUp, 75},
                                  {ImGuiKey_PageDown, 78},
                                  {ImGuiKey_Home, 74},
                                  {ImGuiKey_End, 77},
                                  {ImGuiKey_Insert, 73},
                                  {ImGuiKey_Delete, 76},
                                  {ImGuiKey_Backspace, kKeyBackspace},
                                  {ImGuiKey_Space, 44},
                                  {ImGuiKey_Enter, kKeyEnter},
                                  {ImGuiKey_Escape, kKeyEscape},
                                  {ImGuiKey_KeyPadEnter, 88},
                                  {ImGuiKey_A, kKeyA},
                                  {ImGuiKey_C, kKeyC},
                                  {ImGuiKey_V, kKeyV},
                                  {ImGuiKey_X, kKeyX},
                                  {ImGuiKey_Y, kKeyY},
                                  {ImGuiKey_Z, kKeyZ}};
        for (const auto& entry : key_map) io.KeyMap[entry[0]] = entry[1];
        shell::AppOptions options;
        options.initial_state = initial_state;
        options.embed = embed;
        options.panels = panels;
        app_.init(options);
        build_fonts();
    }
    // The atlas as main.cpp builds it (at pixel ratio 1); its size shows what a language costs.
    void build_fonts() {
        app_.load_fonts(1.0f);
        unsigned char* pixels = nullptr;
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_width_, &atlas_height_);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    }
    int atlas_width() const { return atlas_width_; }
    int atlas_height() const { return atlas_height_; }
    // The language is global (shell/i18n.h): a test that switched it leaves English behind.
    ~UiHarness() {
        shell::set_language(shell::Language::en);
        ImGui::DestroyContext(context_);
    }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    void frame() {
        if (app_.sync_language()) build_fonts();  // as main.cpp does before each frame
        ImGui::NewFrame();
        app_.frame();
        ImGui::Render();
        ++frames_;
    }
    // A chart's picture as the platform layer would take it: asked for by name, then frames drawn
    // until the app delivers it (at most 4). False when it never is.
    struct Picture {
        float x = 0, y = 0, w = 0, h = 0;
        std::string name;
    };
    bool chart_picture(const std::string& chart, Picture* out) {
        if (!app_.request_chart_picture(chart)) return false;
        for (int i = 0; i < 4; ++i) {
            frame();
            if (app_.take_capture_request(&out->x, &out->y, &out->w, &out->h, &out->name)) return true;
        }
        return false;
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    shell::App& app() { return app_; }
    shell::ExplorerState& state() { return app_.state(); }
    ImGuiIO& io() { return ImGui::GetIO(); }

    // Rect of a named control from the last frame; returns false if it was not drawn.
    bool find(const std::string& name, ImVec2* min, ImVec2* max) const {
        for (const shell::ControlRect& r : shell::control_rects())
            if (r.name == name) {
                *min = r.min;
                *max = r.max;
                return true;
            }
        return false;
    }

    void mouse_to(ImVec2 p) {
        io().MousePos = p;
        frame();
    }
    void mouse_down() {
        io().MouseDown[0] = true;
        frame();
    }
    void mouse_up() {
        io().MouseDown[0] = false;
        frame();
    }
    void click(ImVec2 p) {
        mouse_to(p);
        mouse_down();
        mouse_up();
    }
    // A click with Ctrl held (ImGui's way into a slider's text box).
    void ctrl_click(ImVec2 p) {
        io().KeyCtrl = true;
        click(p);
        io().KeyCtrl = false;
    }
    // Presses and releases a key (with optional modifiers) across two frames.
    void key(int key, bool ctrl = false, bool shift = false) {
        io().KeyCtrl = ctrl;
        io().KeyShift = shift;
        io().KeysDown[key] = true;
        frame();
        io().KeysDown[key] = false;
        frame();
        io().KeyCtrl = false;
        io().KeyShift = false;
    }
    // Drags from one point to another in `steps` frames (a reader moving a slider).
    void drag(ImVec2 from, ImVec2 to, int steps) {
        mouse_to(from);
        mouse_down();
        for (int i = 1; i <= steps; ++i) {
            float t = static_cast<float>(i) / steps;
            mouse_to(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
        }
        mouse_up();
    }
    // Scrolls the window under the mouse by `lines` wheel notches (negative = down the page).
    void wheel(float lines) {
        io().MouseWheel = lines;
        frame();
        io().MouseWheel = 0;
        frame();
    }
    int frame_count() const { return frames_; }

private:
    ImGuiContext* context_ = nullptr;
    shell::App app_;
    int frames_ = 0;
    int atlas_width_ = 0, atlas_height_ = 0;
};

// A host page's "compute-poverty:set" message (JSON) as web/embed.js hands it over: read, then
// applied. "" when the state took it, "refused" when the state refused it, else why it was ignored.
inline std::string send_host_message(shell::ExplorerState& state, const std::string& json) {
    const shell::HostMessage message = shell::read_host_message(json);
    if (!message.ignored.empty()) return "ignored: " + message.ignored;
    return state.apply_changes(message.changes) ? "" : "refused";
}

}  // namespace cp::test
