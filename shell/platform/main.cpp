// Platform layer: SDL2 window, GL context, ImGui backends and the frame loop around cp::shell::App, the same on every
// target.
#include <SDL.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "options.h"
#include "platform.h"
#include "web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace cp::platform {
namespace {

// Frames drawn after the last reason to draw (ImGui needs two or three for hover, popups and focus).
constexpr int kSettleFrames = 8;

// Presses, for one frame, a shortcut the page asked for (web: its paste and cut events carry the
// clipboard, which ImGui cannot read), and releases it the frame after. Returns true when it did
// either, so that the frame is drawn.
bool press_requested_shortcut() {
    Platform& p = platform();
    ImGuiIO& io = ImGui::GetIO();
    if (p.held_scancode >= 0) {
        io.KeysDown[p.held_scancode] = false;
        p.held_scancode = -1;
        imgui_modifiers_from_sdl();
        return true;
    }
    cp::shell::ClipboardRequest request;
    if (!cp::shell::bridge_take_clipboard_request(&request)) return false;
    if (request.key == ImGuiKey_V) SDL_SetClipboardText(request.text.c_str());
    p.held_scancode = io.KeyMap[request.key];
    io.KeysDown[p.held_scancode] = true;
    // Exactly the shortcut modifier: ImGui 1.86 reads Ctrl+Shift+V as no paste at all.
    io.KeyCtrl = !io.ConfigMacOSXBehaviors;
    io.KeySuper = io.ConfigMacOSXBehaviors;
    io.KeyShift = io.KeyAlt = false;
    return true;
}

// Device pixels per logical pixel: forced by --scale, else drawable / window size (HiDPI).
float current_pixel_ratio() {
    Platform& p = platform();
    if (p.options.scale > 0.0f) return p.options.scale;
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(p.window, &w, &h);
    SDL_GL_GetDrawableSize(p.window, &dw, &dh);
    if (w <= 0 || dw <= 0) return p.pixel_ratio;
    return static_cast<float>(dw) / static_cast<float>(w);
}

// The reader asked for a picture of a chart (or, on the web, the whole figure): reads that rect
// (logical pixels, scaled to the framebuffer) from the frame just rendered, before it is presented.
void save_capture(const std::string& file_name, float x, float y, float width, float height) {
    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(platform().window, &dw, &dh);
    const float s = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const int x0 = std::max(0, static_cast<int>(std::floor(x * s)));
    const int y0 = std::max(0, static_cast<int>(std::floor(y * s)));
    const int x1 = std::min(dw, static_cast<int>(std::ceil((x + width) * s)));
    const int y1 = std::min(dh, static_cast<int>(std::ceil((y + height) * s)));
    if (x1 <= x0 || y1 <= y0) return;
    target_deliver_picture(file_name, x1 - x0, y1 - y0, read_pixels(x0, y0, x1 - x0, y1 - y0).data());
}

// Reads this iteration's events; true when any arrived.
bool read_events() {
    Platform& p = platform();
    bool any = false;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        any = true;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_FINGERDOWN) {
            p.touch_lift_age = -1;
            p.pointer_outside = false;
        }
        if (event.type == SDL_FINGERUP) p.touch_lift_age = 0;
        if (event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID) {
            p.touch_lift_age = -1;
            p.pointer_outside = false;
        }
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_LEAVE) p.pointer_outside = true;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_ENTER) p.pointer_outside = false;
        if (event.type == SDL_QUIT) p.done = true;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(p.window)) {
            p.done = true;
        }
    }
    return any;
}

// Whether this iteration draws: something may have changed, or the last change is still settling.
bool should_draw(bool woken) {
    Platform& p = platform();
    // Resizing a canvas or a window clears it: a new size must be drawn even when nothing else changed.
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(p.window, &w, &h);
    const bool lifting = p.touch_lift_age >= 0 && p.touch_lift_age < 3;
    if (cp::shell::bridge_take_wake() || w != p.drawn_width || h != p.drawn_height || ImGui::GetIO().WantTextInput ||
        ImGui::IsAnyMouseDown() || lifting || p.capture.pending || p.options.frames > 0)
        woken = true;
    if (woken) p.settle_frames = kSettleFrames;
    if (p.settle_frames == 0) return false;
    --p.settle_frames;
    p.drawn_width = w;
    p.drawn_height = h;
    const Uint64 now = SDL_GetPerformanceCounter();
    p.idle_before = p.last_drawn_at ? static_cast<double>(now - p.last_drawn_at) / SDL_GetPerformanceFrequency() : 0.0;
    p.last_drawn_at = now;
    p.app->set_draw_stats(p.frame_count + 1, p.idle_before);
    return true;
}

}  // namespace

Platform& platform() {
    static Platform the_platform;
    return the_platform;
}

void imgui_modifiers_from_sdl() {
    ImGuiIO& io = ImGui::GetIO();
    const SDL_Keymod mod = SDL_GetModState();
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
}

std::vector<unsigned char> read_pixels(int x, int y, int width, int height) {
    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(platform().window, &dw, &dh);
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    // GL's origin is bottom-left: the rect's top edge is at dh - y.
    glReadPixels(x, dh - y - height, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int r = 0; r < height; ++r) std::memcpy(&flipped[r * row], &pixels[(height - 1 - r) * row], row);
    return flipped;
}

void frame() {
    Platform& p = platform();
    target_start_iteration();
    bool woken = read_events();
    if (press_requested_shortcut()) woken = true;

    // A new ratio (browser zoom, window moved to another screen) needs fonts rasterised anew, and
    // so does a new language (its glyphs are merged into the atlas).
    const float ratio = current_pixel_ratio();
    const bool new_language = p.app->sync_language();
    if (std::fabs(ratio - p.pixel_ratio) > 0.01f || new_language) {
        p.pixel_ratio = ratio;
        p.app->load_fonts(ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        woken = true;
    }

    ++p.tick_count;
    if (!should_draw(woken)) {
        target_iteration_done(false);
        return;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (p.options.scale > 0.0f) {
        // --scale: the window is in device pixels; present it to ImGui as a HiDPI display.
        const float s = p.options.scale;
        io.DisplayFramebufferScale = ImVec2(s, s);
        io.DisplaySize = ImVec2(io.DisplaySize.x / s, io.DisplaySize.y / s);
        if (io.MousePos.x > -1e30f) io.MousePos = ImVec2(io.MousePos.x / s, io.MousePos.y / s);
    }
    // Screenshots must not depend on where the X pointer happens to be (hover, tooltips).
    if (!p.options.screenshot.empty()) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    // Not in the lift frame itself: a tap (press and release in one frame) must still land.
    if (p.touch_lift_age >= 0 && ++p.touch_lift_age >= 2) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    if (p.pointer_outside || p.capture.pending) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    p.app->frame();
    ImGui::Render();

    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(p.window, &dw, &dh);
    glViewport(0, 0, dw, dh);
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++p.frame_count;

    if (p.capture.pending) {
        save_capture(p.capture.file_name, p.capture.x, p.capture.y, p.capture.width, p.capture.height);
        p.capture.pending = false;
    } else if (p.app->take_capture_request(&p.capture.x, &p.capture.y, &p.capture.width, &p.capture.height,
                                           &p.capture.file_name)) {
        p.capture.pending = !cp::shell::bridge_take_located(p.capture.file_name, p.capture.x, p.capture.y,
                                                            p.capture.width, p.capture.height);
    }
    target_before_present(dw, dh);
    SDL_GL_SwapWindow(p.window);
    target_iteration_done(true);
}

}  // namespace cp::platform

int main(int argc, char** argv) {
    using namespace cp::platform;
    Platform& p = platform();
    if (!parse_args(argc, argv, p.options)) {
        print_usage();
        return 2;
    }
    target_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "cp_app: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    const WindowSetup setup = target_window_setup(p.options);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    p.window = SDL_CreateWindow("Compute Poverty", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, setup.width,
                                setup.height, setup.flags);
    if (p.window == nullptr) {
        std::fprintf(stderr, "cp_app: SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    p.gl = SDL_GL_CreateContext(p.window);
    if (p.gl == nullptr) {
        std::fprintf(stderr, "cp_app: SDL_GL_CreateContext failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    // A fixed frame count (tests, screenshots) runs as fast as it can; people get vsync.
    SDL_GL_SetSwapInterval(p.options.frames > 0 ? 0 : 1);

    // Call order per shell/figure/app.h: context -> init -> load_fonts -> backends.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    if (!setup.ini_file) ImGui::GetIO().IniFilename = nullptr;
    static cp::shell::App app;
    p.app = &app;
    app.init(p.options.app);
    if (!p.options.save_chart.empty() && !app.request_chart_picture(p.options.save_chart)) {
        std::fprintf(stderr, "cp_app: --save-chart: no chart called \"%s\"\n", p.options.save_chart.c_str());
        return 2;
    }
    p.pixel_ratio = current_pixel_ratio();
    app.load_fonts(p.pixel_ratio);
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    ImGui_ImplOpenGL3_Init(setup.glsl_version);
    return target_run();
}
