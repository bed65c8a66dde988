# Target `cp_strings`: the figure's strings from the catalogues (assets/i18n), for the state and the UI.
# English becomes cp::txt ids and a compiled-in table; each translation becomes <tag>.figure.json plus
# the characters its regular and semibold CJK font subsets keep (cmake/i18n_gen.py; fonts: assets.cmake).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(_cp_gen "${CMAKE_BINARY_DIR}/generated")
set(CP_I18N_DIR "${PROJECT_SOURCE_DIR}/assets/i18n")
set(CP_TRANSLATIONS zh-Hans)
set(_cp_i18n_out "${CMAKE_BINARY_DIR}/i18n")
file(MAKE_DIRECTORY "${_cp_i18n_out}")
set(_cp_i18n_args "")
set(_cp_i18n_outputs "${_cp_gen}/cp_strings.h" "${_cp_gen}/cp_strings_en.cpp")
set(_cp_i18n_deps "${CP_I18N_DIR}/en.json" "${CMAKE_CURRENT_LIST_DIR}/i18n_gen.py")
foreach(_lang IN LISTS CP_TRANSLATIONS)
  list(APPEND _cp_i18n_args "${_lang}=${CP_I18N_DIR}/${_lang}.json")
  list(APPEND _cp_i18n_outputs "${_cp_i18n_out}/${_lang}.figure.json" "${_cp_i18n_out}/${_lang}.chars.txt"
       "${_cp_i18n_out}/${_lang}.bold_chars.txt")
  list(APPEND _cp_i18n_deps "${CP_I18N_DIR}/${_lang}.json")
endforeach()
add_custom_command(OUTPUT ${_cp_i18n_outputs}
  COMMAND Python3::Interpreter "${CMAKE_CURRENT_LIST_DIR}/i18n_gen.py" "${CP_I18N_DIR}/en.json" "${_cp_gen}"
          "${_cp_i18n_out}" ${_cp_i18n_args}
  DEPENDS ${_cp_i18n_deps}
  COMMENT "Generating the figure's strings (assets/i18n)"
  VERBATIM)
add_library(cp_strings STATIC "${_cp_gen}/cp_strings_en.cpp")
target_include_directories(cp_strings PUBLIC "${_cp_gen}")
