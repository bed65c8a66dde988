// What the frame loop (main.cpp) shares with its target's file: web_target.cpp in the browser, native_target.cpp on the
// desktop.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "app.h"
#include "options.h"

namespace cp::platform {

struct Platform {
    Options options;
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

// The one platform state of the process.
Platform& platform();
// One main-loop iteration: events, and a frame drawn if anything may have changed.
void frame();
// ImGui's modifier keys from SDL's (the SDL backend sets them only on key events).
void imgui_modifiers_from_sdl();
// The framebuffer's pixels in a rect (device pixels, top-left origin), RGBA rows top row first.
std::vector<unsigned char> read_pixels(int x, int y, int width, int height);

// Each target implements these (exactly one target file is linked).
struct WindowSetup {
    const char* glsl_version;
    Uint32 flags;
    int width, height;  // the window's size as SDL takes it
    bool ini_file;      // whether ImGui may keep imgui.ini
};
void target_hints();                                      // before SDL_Init
WindowSetup target_window_setup(const Options& options);  // after SDL_Init: GL attributes set
void target_start_iteration();                            // before events are read
void target_iteration_done(bool drawn);                   // after an iteration, drawn or idle
// Gives a picture the reader asked for (RGBA, top row first) to the reader: a download on the web,
// a PNG file natively.
void target_deliver_picture(const std::string& file_name, int width, int height, const unsigned char* rgba);
void target_before_present(int drawable_width, int drawable_height);  // the frame is rendered, not shown
// Runs frame() until the app is done and returns the exit code (the browser's loop never returns).
int target_run();

}  // namespace cp::platform
