# Third-party dependencies: system packages natively; header copies (never /usr/include) under Emscripten.
if(EMSCRIPTEN)
  # Putting /usr/include on emcc's path would pull glibc headers into the wasm build, so the
  # header-only libraries are copied into a folder of their own at configure time.
  set(CP_HEADER_SHIM "${CMAKE_BINARY_DIR}/header_shim")
  file(COPY /usr/include/nlohmann DESTINATION "${CP_HEADER_SHIM}")
  add_library(nlohmann_json_shim INTERFACE)
  target_include_directories(nlohmann_json_shim SYSTEM INTERFACE "${CP_HEADER_SHIM}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json_shim)
  if(CP_BUILD_TESTS)
    file(COPY /usr/include/catch2 DESTINATION "${CP_HEADER_SHIM}")
    add_library(catch2_shim INTERFACE)
    target_include_directories(catch2_shim SYSTEM INTERFACE "${CP_HEADER_SHIM}")
    add_library(Catch2::Catch2 ALIAS catch2_shim)
  endif()
else()
  find_package(nlohmann_json 3 REQUIRED)
  if(CP_BUILD_TESTS)
    find_package(Catch2 2 REQUIRED)
    include(Catch)
  endif()
endif()

# The shell's dependencies (ImGui and SDL2 from Debian's source packages, embedded assets).
include(${CMAKE_CURRENT_LIST_DIR}/i18n.cmake)  # the figure's strings: the state needs them too
if(CP_BUILD_SHELL)
  # scripts/setup runs `apt-get source imgui libsdl2` into this folder (gitignored).
  set(CP_DEPS_DIR "${PROJECT_SOURCE_DIR}/.deps/src" CACHE PATH "Unpacked Debian source packages (imgui, libsdl2)")
  # cp_source_package(VAR GLOB FILE PACKAGE): sets VAR to the unpacked source folder matching GLOB
  # (not the tarballs beside it), which must hold FILE; else stops and says what scripts/setup runs.
  function(cp_source_package var pattern marker package)
    file(GLOB _dirs LIST_DIRECTORIES true "${CP_DEPS_DIR}/${pattern}")
    list(FILTER _dirs EXCLUDE REGEX "\\.(tar|dsc|xz|gz)")
    list(GET _dirs 0 _dir)
    if(NOT _dir OR NOT EXISTS "${_dir}/${marker}")
      message(FATAL_ERROR "${package} sources not found under ${CP_DEPS_DIR}: run scripts/setup (apt-get source ${package})")
    endif()
    message(STATUS "${package} sources: ${_dir}")
    set(${var} "${_dir}" PARENT_SCOPE)
  endfunction()
  include(${CMAKE_CURRENT_LIST_DIR}/imgui.cmake)
  if(EMSCRIPTEN)
    include(${CMAKE_CURRENT_LIST_DIR}/sdl2_web.cmake)
  else()
    find_package(SDL2 REQUIRED)
    find_package(OpenGL REQUIRED)
  endif()
  include(${CMAKE_CURRENT_LIST_DIR}/assets.cmake)
endif()
