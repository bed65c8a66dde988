// The desktop's side of the platform layer: OpenGL 3.2 core, pictures as PNG files, --frames/--screenshot/--seconds,
// and a loop that sleeps while idle.
#include <SDL_opengl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "platform.h"
#include "png_writer.h"

namespace cp::platform {
namespace {

// RGBA rows to a PNG file (the alpha of a GL framebuffer means nothing in a picture).
bool write_png(const std::string& path, int width, int height, const unsigned char* rgba) {
    std::vector<unsigned char> rgb(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i)
        std::copy(rgba + i * 4, rgba + i * 4 + 3, &rgb[i * 3]);
    return cp::shell::write_png_rgb(path, width, height, rgb.data());
}

}  // namespace

void target_hints() {}

WindowSetup target_window_setup(const Options& options) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.frames == 0) flags |= SDL_WINDOW_RESIZABLE;
    // With --scale the window is created in device pixels (X11 has no HiDPI windows of its own).
    const float s = options.scale > 0.0f ? options.scale : 1.0f;
    // Scripted runs (tests, screenshots) leave no imgui.ini behind and ignore an existing one.
    return {"#version 150", flags, static_cast<int>(std::lround(options.width * s)),
            static_cast<int>(std::lround(options.height * s)), options.frames == 0};
}

void target_start_iteration() {}
void target_iteration_done(bool) {}

void target_deliver_picture(const std::string& file_name, int width, int height, const unsigned char* rgba) {
    // A plain file name from the UI ("chart-training_run.png"), written to the current directory.
    if (write_png(file_name, width, height, rgba))
        std::printf("saved %s (%dx%d)\n", file_name.c_str(), width, height);
    else
        std::fprintf(stderr, "cp_app: cannot write %s\n", file_name.c_str());
}

// --frames N ends after the Nth frame, with --screenshot taken from it before it is shown.
void target_before_present(int drawable_width, int drawable_height) {
    Platform& p = platform();
    const bool last = p.options.frames > 0 && p.frame_count >= p.options.frames;
    if (last && !p.options.screenshot.empty()) {
        glReadBuffer(GL_BACK);
        const std::vector<unsigned char> rgba = read_pixels(0, 0, drawable_width, drawable_height);
        if (write_png(p.options.screenshot, drawable_width, drawable_height, rgba.data())) {
            std::printf("screenshot: %s (%dx%d)\n", p.options.screenshot.c_str(), drawable_width, drawable_height);
        } else {
            std::fprintf(stderr, "cp_app: cannot write %s\n", p.options.screenshot.c_str());
            p.exit_code = 1;
        }
    }
    if (last || p.app->wants_quit()) p.done = true;
}

int target_run() {
    Platform& p = platform();
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
    return p.exit_code;
}

}  // namespace cp::platform
