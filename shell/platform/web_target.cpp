// The browser's side of the platform layer: WebGL2 through SDL, the canvas sized by CSS, the page told of each frame,
// the loop run by the browser.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

#include "imgui.h"
#include "platform.h"

namespace cp::platform {
namespace {

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

// Hands a captured picture (RGBA rows, top row first) to the page, which encodes it as PNG with a 2D
// canvas and downloads it (web/bridge.js).
EM_JS(void, cp_js_captured, (const char* name, int width, int height, const unsigned char* rgba), {
    var cp = window.ComputePoverty;
    if (!cp || typeof cp.onCapture !== 'function') return;
    cp.onCapture(UTF8ToString(name), width, height, HEAPU8.slice(rgba, rgba + width * height * 4));
});
// clang-format on

}  // namespace

void target_hints() {
    // Keys only when the canvas has focus, so the article around the figure keeps its keys.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
}

WindowSetup target_window_setup(const Options& options) {
    // WebGL2 = OpenGL ES 3.0.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    // The canvas is sized by CSS; SDL makes its backing store CSS size x devicePixelRatio. No
    // imgui.ini: there is no filesystem on the web.
    return {"#version 300 es", SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI, options.width,
            options.height, false};
}

// Keeps the canvas backing store at CSS size x devicePixelRatio even when the canvas changes size
// without a window resize event (layout, fonts loading) or the ratio changes (browser zoom).
void target_start_iteration() {
    double css_w = 0.0, css_h = 0.0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int want_w = static_cast<int>(css_w), want_h = static_cast<int>(css_h);
    if (want_w <= 0 || want_h <= 0) return;
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(platform().window, &w, &h);
    SDL_GL_GetDrawableSize(platform().window, &dw, &dh);
    if (w != want_w || h != want_h || std::abs(dw - static_cast<int>(want_w * dpr)) > 1) {
        // SDL's emscripten driver re-reads devicePixelRatio and sizes the canvas to w * ratio.
        SDL_SetWindowSize(platform().window, want_w, want_h);
    }
}

void target_iteration_done(bool drawn) {
    cp_web_frame_done(platform().tick_count, platform().frame_count, drawn ? 1 : 0);
}

void target_deliver_picture(const std::string& file_name, int width, int height, const unsigned char* rgba) {
    cp_js_captured(file_name.c_str(), width, height, rgba);
}

void target_before_present(int, int) {}

int target_run() {
    // Never returns: the browser calls frame() once per animation frame.
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}

}  // namespace cp::platform

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
    if (cp::platform::platform().held_scancode < 0) cp::platform::imgui_modifiers_from_sdl();
}
