// Platform layer: SDL2 window, GL context, ImGui backends and the frame loop around cp::shell::App.
#include <SDL.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "options.h"
#include "web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#else
#include <SDL_opengl.h>

#include "png_writer.h"
#endif

namespace {

struct Platform {
    cp::platform::Options options;
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    cp::shell::App* app = nullptr;
    float pixel_ratio = 1.0f;  // device pixels per UI (CSS / logical) pixel, fonts are built for it
    int frame_count = 0;
    // Frames since the last finger left the screen (-1: a finger is down or a real mouse moved). A
    // lifted finger leaves SDL's mouse where it was, so ImGui would keep hovering there (tooltips
    // stuck open on phones); from the second frame after the lift the mouse counts as gone.
    int touch_lift_age = -1;
    bool pointer_outside = false;  // the mouse left the canvas (web): no hover, no tooltips
    // A picture the reader asked for is taken one frame after the request with the mouse hidden, so
    // it shows no hover highlight or tooltip.
    struct Capture {
        bool pending = false;
        float x = 0, y = 0, width = 0, height = 0;
        std::string file_name;
    } capture;
    bool done = false;
    int exit_code = 0;
    // Frames are drawn only while something may change (input, a call from the page, a resize) and
    // for a few frames after, for ImGui's hover and popups to settle; an idle figure costs no drawing
    // at all, which matters for a canvas as tall as the figure on a phone, and for a laptop's battery
    // (natively the loop then sleeps in SDL_WaitEvent). Scripted runs (--frames) draw every frame.
    int settle_frames = 0;
    Uint64 last_drawn_at = 0;  // performance counter at the last drawn frame
    double idle_before = 0;    // seconds without a drawn frame before the current one (frame-time overlay)
    int tick_count = 0;        // main-loop iterations, drawn or not (tests wait on these)
    int drawn_width = 0, drawn_height = 0;
    // A shortcut pressed on ImGui's behalf (the page's paste or cut): down for one frame, then up.
    int held_scancode = -1;
};

// Frames drawn after the last reason to draw (ImGui needs two or three for hover, popups and focus).
constexpr int kSettleFrames = 8;

Platform g_platform;

// ImGui's modifier keys from SDL's (the SDL backend sets them only on key events).
void imgui_modifiers_from_sdl() {
    ImGuiIO& io = ImGui::GetIO();
    const SDL_Keymod mod = SDL_GetModState();
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
}

// Presses, for one frame, a shortcut the page asked for (web: its paste and cut events carry the
// clipboard, which ImGui cannot read), and releases it the frame after. Returns true when it did
// either, so that the frame is drawn.
bool press_requested_shortcut() {
    Platform& p = g_platform;
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

#ifdef __EMSCRIPTEN__
// The page calls this from every pointer and key event on the figure, before SDL sees the event,
// with that event's own modifier state (bits: 1 Ctrl, 2 Shift, 4 Alt, 8 Meta). SDL only learns
// modifiers from key events on the canvas, so a Ctrl pressed while the page had the focus would
// be missed and the first Ctrl+click would move the slider instead of opening its text box.
extern "C" EMSCRIPTEN_KEEPALIVE void cp_web_modifiers(int bits) {
    if (!ImGui::GetCurrentContext()) return;
    int mod = SDL_GetModState();
    const struct {
        int bit, any, set;
    } keys[] = {
        {1, KMOD_CTRL, KMOD_LCTRL}, {2, KMOD_SHIFT, KMOD_LSHIFT}, {4, KMOD_ALT, KMOD_LALT}, {8, KMOD_GUI, KMOD_LGUI}};
    for (const auto& k : keys) {
        if (!(bits & k.bit))
            mod &= ~k.any;
        else if (!(mod & k.any))
            mod |= k.set;
    }
    SDL_SetModState(static_cast<SDL_Keymod>(mod));
    if (g_platform.held_scancode < 0) imgui_modifiers_from_sdl();
}

// Tells the page a main-loop iteration ended: the first drawn frame marks startup (benchmarks read
// the mark) and removes the loading overlay; cpFrames counts iterations (tests wait on it, and an
// idle figure skips drawing), cpDrawn the frames actually drawn. The page's per-frame work (fitting
// the canvas, the embed's height) runs after drawn frames only: nothing it reads changes in between.
// clang-format off
EM_JS(void, cp_web_frame_done, (int ticks, int drawn, int was_drawn), {
    if (was_drawn && drawn === 1) {
        if (typeof performance !== 'undefined' && performance.mark) performance.mark('cp-first-frame');
        if (Module.onFirstFrame) Module.onFirstFrame();
    }
    Module.cpFrames = ticks;
    Module.cpDrawn = drawn;
    if (was_drawn && Module.onFrameDrawn) Module.onFrameDrawn(drawn);
});
// clang-format on

// Keeps the canvas backing store at CSS size x devicePixelRatio even when the canvas changes size
// without a window resize event (layout, fonts loading) or the ratio changes (browser zoom).
void sync_canvas_size() {
    double css_w = 0.0, css_h = 0.0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int want_w = static_cast<int>(css_w), want_h = static_cast<int>(css_h);
    if (want_w <= 0 || want_h <= 0) return;
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(g_platform.window, &w, &h);
    SDL_GL_GetDrawableSize(g_platform.window, &dw, &dh);
    if (w != want_w || h != want_h || std::abs(dw - static_cast<int>(want_w * dpr)) > 1) {
        // SDL's emscripten driver re-reads devicePixelRatio and sizes the canvas to w * ratio.
        SDL_SetWindowSize(g_platform.window, want_w, want_h);
    }
}
#endif

// Device pixels per logical pixel: forced by --scale, else drawable / window size (HiDPI).
float current_pixel_ratio() {
    if (g_platform.options.scale > 0.0f) return g_platform.options.scale;
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(g_platform.window, &w, &h);
    SDL_GL_GetDrawableSize(g_platform.window, &dw, &dh);
    if (w <= 0 || dw <= 0) return g_platform.pixel_ratio;
    return static_cast<float>(dw) / static_cast<float>(w);
}

#ifndef __EMSCRIPTEN__
bool save_screenshot(const std::string& path) {
    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(g_platform.window, &dw, &dh);
    std::vector<unsigned char> pixels(static_cast<size_t>(dw) * dh * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, dw, dh, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // GL's origin is bottom-left, PNG's top-left.
    std::vector<unsigned char> flipped(pixels.size());
    const size_t row = static_cast<size_t>(dw) * 3;
    for (int y = 0; y < dh; ++y) std::memcpy(&flipped[y * row], &pixels[(dh - 1 - y) * row], row);
    return cp::shell::write_png_rgb(path, dw, dh, flipped.data());
}
#endif

#ifdef __EMSCRIPTEN__
// Hands a captured picture (RGBA rows, top row first) to the page, which encodes it as PNG with a 2D
// canvas and downloads it (web/bridge.js).
// clang-format off
EM_JS(void, cp_js_captured, (const char* name, int width, int height, const unsigned char* rgba), {
    var cp = window.ComputePoverty;
    if (!cp || typeof cp.onCapture !== 'function') return;
    cp.onCapture(UTF8ToString(name), width, height, HEAPU8.slice(rgba, rgba + width * height * 4));
});
// clang-format on
#endif

// The reader asked for a picture of a chart (or, on the web, the whole figure): reads that rect
// (logical pixels, scaled to the framebuffer) from the frame just rendered, before it is presented.
void save_capture(const std::string& file_name, float x, float y, float width, float height) {
    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(g_platform.window, &dw, &dh);
    const float s = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    int x0 = std::max(0, static_cast<int>(std::floor(x * s)));
    int y0 = std::max(0, static_cast<int>(std::floor(y * s)));
    int x1 = std::min(dw, static_cast<int>(std::ceil((x + width) * s)));
    int y1 = std::min(dh, static_cast<int>(std::ceil((y + height) * s)));
    const int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    // GL's origin is bottom-left: the rect's top edge is at dh - y0.
    glReadPixels(x0, dh - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const size_t row = static_cast<size_t>(w) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int r = 0; r < h; ++r) std::memcpy(&flipped[r * row], &pixels[(h - 1 - r) * row], row);
#ifdef __EMSCRIPTEN__
    cp_js_captured(file_name.c_str(), w, h, flipped.data());
#else
    std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
    for (size_t i = 0, n = static_cast<size_t>(w) * h; i < n; ++i) std::memcpy(&rgb[i * 3], &flipped[i * 4], 3);
    // A plain file name from the UI ("chart-training_run.png"), written to the current directory.
    if (cp::shell::write_png_rgb(file_name, w, h, rgb.data()))
        std::printf("saved %s (%dx%d)\n", file_name.c_str(), w, h);
    else
        std::fprintf(stderr, "cp_app: cannot write %s\n", file_name.c_str());
#endif
}

void frame() {
    Platform& p = g_platform;
#ifdef __EMSCRIPTEN__
    sync_canvas_size();
#endif
    bool wake = false;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        wake = true;
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
    if (press_requested_shortcut()) wake = true;

    // A new ratio (browser zoom, window moved to another screen) needs fonts rasterised anew, and
    // so does a new language (its glyphs are merged into the atlas).
    const float ratio = current_pixel_ratio();
    const bool new_language = p.app->sync_language();
    if (std::fabs(ratio - p.pixel_ratio) > 0.01f || new_language) {
        p.pixel_ratio = ratio;
        p.app->load_fonts(ratio);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        wake = true;
    }

#ifdef __EMSCRIPTEN__
    ++p.tick_count;
#endif
    {
        // Resizing a canvas or a window clears it: a new size must be drawn even when nothing else changed.
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(p.window, &w, &h);
        const ImGuiIO& io = ImGui::GetIO();
        const bool lifting = p.touch_lift_age >= 0 && p.touch_lift_age < 3;
        if (cp::shell::bridge_take_wake() || w != p.drawn_width || h != p.drawn_height || io.WantTextInput ||
            ImGui::IsAnyMouseDown() || lifting || p.capture.pending || p.options.frames > 0)
            wake = true;
        if (wake) p.settle_frames = kSettleFrames;
        if (p.settle_frames == 0) {
#ifdef __EMSCRIPTEN__
            cp_web_frame_done(p.tick_count, p.frame_count, 0);
#endif
            return;
        }
        --p.settle_frames;
        p.drawn_width = w;
        p.drawn_height = h;
        const Uint64 now = SDL_GetPerformanceCounter();
        p.idle_before =
            p.last_drawn_at ? static_cast<double>(now - p.last_drawn_at) / SDL_GetPerformanceFrequency() : 0.0;
        p.last_drawn_at = now;
        p.app->set_draw_stats(p.frame_count + 1, p.idle_before);
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

#ifndef __EMSCRIPTEN__
    const bool last = p.options.frames > 0 && p.frame_count >= p.options.frames;
    if (last && !p.options.screenshot.empty()) {
        if (save_screenshot(p.options.screenshot)) {
            std::printf("screenshot: %s (%dx%d)\n", p.options.screenshot.c_str(), dw, dh);
        } else {
            std::fprintf(stderr, "cp_app: cannot write %s\n", p.options.screenshot.c_str());
            p.exit_code = 1;
        }
    }
    if (last || p.app->wants_quit()) p.done = true;
#endif
    SDL_GL_SwapWindow(p.window);
#ifdef __EMSCRIPTEN__
    cp_web_frame_done(p.tick_count, p.frame_count, 1);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    Platform& p = g_platform;
    if (!cp::platform::parse_args(argc, argv, p.options)) {
        cp::platform::print_usage();
        return 2;
    }

#ifdef __EMSCRIPTEN__
    // Keys only when the canvas has focus, so the article around the figure keeps its keys.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "cp_app: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }

#ifdef __EMSCRIPTEN__
    // WebGL2 = OpenGL ES 3.0.
    const char* glsl_version = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    // The canvas is sized by CSS; SDL makes its backing store CSS size x devicePixelRatio.
    const Uint32 window_flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    const int window_w = p.options.width, window_h = p.options.height;
#else
    const char* glsl_version = "#version 150";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    Uint32 window_flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (p.options.frames == 0) window_flags |= SDL_WINDOW_RESIZABLE;
    // With --scale the window is created in device pixels (X11 has no HiDPI windows of its own).
    const float s = p.options.scale > 0.0f ? p.options.scale : 1.0f;
    const int window_w = static_cast<int>(std::lround(p.options.width * s));
    const int window_h = static_cast<int>(std::lround(p.options.height * s));
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    p.window = SDL_CreateWindow("Compute Poverty", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, window_w, window_h,
                                window_flags);
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
#ifdef __EMSCRIPTEN__
    ImGui::GetIO().IniFilename = nullptr;  // no filesystem on the web
#else
    // Scripted runs (tests, screenshots) leave no imgui.ini behind and ignore an existing one.
    if (p.options.frames > 0) ImGui::GetIO().IniFilename = nullptr;
#endif
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
    ImGui_ImplOpenGL3_Init(glsl_version);

#ifdef __EMSCRIPTEN__
    // Never returns: the browser calls frame() once per animation frame.
    emscripten_set_main_loop(frame, 0, true);
#else
    const Uint64 frequency = SDL_GetPerformanceFrequency();
    const Uint64 deadline =
        p.options.seconds > 0 ? SDL_GetPerformanceCounter() + static_cast<Uint64>(p.options.seconds * frequency) : 0;
    while (!p.done) {
        // Idle: sleep until an event arrives (a timeout only for --seconds to end on time).
        if (p.settle_frames == 0 && p.options.frames == 0 && p.frame_count > 0) {
            int wait_ms = 1000;
            if (deadline) {
                const Uint64 now = SDL_GetPerformanceCounter();
                wait_ms =
                    now >= deadline ? 0 : static_cast<int>(std::min<Uint64>(1000, (deadline - now) * 1000 / frequency));
            }
            SDL_WaitEventTimeout(nullptr, wait_ms);
        }
        frame();
        if (deadline && SDL_GetPerformanceCounter() >= deadline) p.done = true;
    }
    if (p.options.seconds > 0) std::printf("cp_app: drew %d frames in %.1f s\n", p.frame_count, p.options.seconds);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(p.gl);
    SDL_DestroyWindow(p.window);
    SDL_Quit();
#endif
    return p.exit_code;
}
