# Target `imgui`: Dear ImGui 1.86 + SDL2/OpenGL3 backends, compiled from Debian's `imgui` source package.
cp_source_package(CP_IMGUI_DIR "imgui-1.86*" imgui.cpp imgui)

option(CP_IMGUI_DEMO "Compile imgui_demo.cpp (debugging aid; never in release web builds)" OFF)

set(_cp_imgui_sources
  ${CP_IMGUI_DIR}/imgui.cpp
  ${CP_IMGUI_DIR}/imgui_draw.cpp
  ${CP_IMGUI_DIR}/imgui_tables.cpp
  ${CP_IMGUI_DIR}/imgui_widgets.cpp
  ${CP_IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${CP_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
if(CP_IMGUI_DEMO AND NOT (EMSCRIPTEN AND CMAKE_BUILD_TYPE STREQUAL "Release"))
  list(APPEND _cp_imgui_sources ${CP_IMGUI_DIR}/imgui_demo.cpp)
endif()

add_library(imgui STATIC ${_cp_imgui_sources})
# SYSTEM: third-party headers must not trip our -Wall -Wextra.
target_include_directories(imgui SYSTEM PUBLIC ${CP_IMGUI_DIR} ${CP_IMGUI_DIR}/backends)
if(EMSCRIPTEN)
  # WebGL2 (the backend would pick WebGL1 otherwise); no fopen on the web.
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_FILE_FUNCTIONS)
  target_link_libraries(imgui PUBLIC SDL2::SDL2)
else()
  # GL from libGL's own exports, not the backend's bundled loader (see imgui_gl_prototypes.h).
  target_compile_definitions(imgui PRIVATE IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
  set_source_files_properties(${CP_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES
    COMPILE_OPTIONS "-include;${CMAKE_CURRENT_LIST_DIR}/imgui_gl_prototypes.h")
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC SDL2::SDL2 OpenGL::GL)
endif()
