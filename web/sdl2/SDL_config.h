/* SDL_config.h for our web SDL2 build: Emscripten's stock config minus the subsystems the app never uses. */
#ifndef SDL_config_h_
#define SDL_config_h_

#include "SDL_platform.h"
#include "SDL_config_emscripten.h"

/* Fewer subsystems = fewer files to compile and a smaller wasm. The app needs video (WebGL2 via
   Emscripten's HTML5 API), events, timers and the stdlib; no audio, gamepads, sensors, power,
   2D renderer, dynamic loading or filesystem paths. */
#undef SDL_AUDIO_DRIVER_DISK
#undef SDL_AUDIO_DRIVER_DUMMY
#undef SDL_AUDIO_DRIVER_EMSCRIPTEN
#define SDL_AUDIO_DISABLED 1
#undef SDL_JOYSTICK_EMSCRIPTEN
#define SDL_JOYSTICK_DISABLED 1
#undef SDL_SENSOR_DUMMY
#define SDL_SENSOR_DISABLED 1
#undef SDL_POWER_EMSCRIPTEN
#define SDL_POWER_DISABLED 1
#undef SDL_LOADSO_DLOPEN
#define SDL_LOADSO_DISABLED 1
#undef SDL_FILESYSTEM_EMSCRIPTEN
#define SDL_FILESYSTEM_DISABLED 1
#undef SDL_VIDEO_RENDER_OGL_ES2
#define SDL_RENDER_DISABLED 1
/* SDL_VIDEO_OPENGL_EGL stays: SDL 2.26 creates its WebGL context through Emscripten's EGL emulation. */

#endif /* SDL_config_h_ */
