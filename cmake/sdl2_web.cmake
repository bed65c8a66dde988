# Target `SDL2::SDL2` for Emscripten: a static SDL2 2.26.5 built from Debian's `libsdl2` source package.
# Emscripten's `-sUSE_SDL=2` would download SDL (impossible offline, frozen cache), and SDL's own
# CMake spends minutes in configure checks; so, like Emscripten's port, we compile the sources
# directly against the ready SDL_config_emscripten.h, but only the subsystems the app uses
# (video, events, timer, stdlib, generic threads). Ninja keeps the objects in the build tree, so
# a second build compiles nothing.
cp_source_package(CP_SDL_DIR "libsdl2-2.*" include/SDL_config_emscripten.h libsdl2)

# SDL's headers include "SDL_config.h" by quotes (searched next to the including header first), so
# the headers are copied and SDL_config.h replaced by ours, which disables the unused subsystems.
set(_cp_sdl_inc "${CMAKE_BINARY_DIR}/sdl2_web/include")
file(GLOB _cp_sdl_headers "${CP_SDL_DIR}/include/*.h")
# Not SDL's own SDL_config.h: copying it over ours would touch it, and rebuild SDL, at every configure.
list(FILTER _cp_sdl_headers EXCLUDE REGEX "/SDL_config\\.h$")
file(COPY ${_cp_sdl_headers} DESTINATION "${_cp_sdl_inc}")
configure_file("${PROJECT_SOURCE_DIR}/web/sdl2/SDL_config.h" "${_cp_sdl_inc}/SDL_config.h" COPYONLY)

set(_s "${CP_SDL_DIR}/src")
file(GLOB _cp_sdl_sources
  ${_s}/*.c
  ${_s}/atomic/*.c
  ${_s}/cpuinfo/*.c
  ${_s}/events/*.c
  ${_s}/file/SDL_rwops.c
  ${_s}/loadso/dummy/SDL_sysloadso.c
  ${_s}/stdlib/*.c
  ${_s}/thread/SDL_thread.c
  ${_s}/thread/generic/*.c
  ${_s}/timer/SDL_timer.c
  ${_s}/timer/unix/*.c
  ${_s}/video/*.c
  ${_s}/video/yuv2rgb/*.c
  ${_s}/video/emscripten/*.c)
# Not needed: the Vulkan helpers and X11 keysym tables.
list(FILTER _cp_sdl_sources EXCLUDE REGEX "/(SDL_vulkan_utils|imKStoUCS)\\.c$")

add_library(cp_sdl2_web STATIC ${_cp_sdl_sources} "${PROJECT_SOURCE_DIR}/web/sdl2/sdl2_stubs.c")
target_include_directories(cp_sdl2_web SYSTEM PUBLIC "${_cp_sdl_inc}")
target_include_directories(cp_sdl2_web PRIVATE "${_s}")
target_compile_options(cp_sdl2_web PRIVATE -w)
add_library(SDL2::SDL2 ALIAS cp_sdl2_web)
set(SDL2_INCLUDE_DIRS "${_cp_sdl_inc}")
