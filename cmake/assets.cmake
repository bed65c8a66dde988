# Target `cp_assets`: scenario JSON and subset Inter fonts embedded into the binary at build time,
# and the figure's strings (assets/i18n) as C++ ids plus the translations and their CJK font subsets.
# The web build has no filesystem (-sNO_FILESYSTEM=1), so everything the app reads is compiled in,
# except the translations and CJK fonts, which the page fetches only when a reader asks for them.

# The one place that lists the code points the fonts keep. cp_font_ranges.h (generated) hands the
# same list to the UI for ImGui's glyph ranges, so the atlas and the subset cannot drift apart.
# Latin-1, dashes/quotes/bullets/ellipsis, per mille and angle quotes, super/subscripts, arrows,
# minus, almost-equal, less/greater-or-equal, and the white square that marks a missing glyph
# (theme.cpp makes it the fallback, so a test can count missing glyphs in what was drawn).
set(CP_FONT_RANGES
  0x0020-0x007E 0x00A0-0x00FF 0x2010-0x2027 0x2030-0x203A 0x2070-0x209F
  0x2190-0x2193 0x2212-0x2212 0x2248-0x2248 0x2264-0x2265 0x25A1-0x25A1)
set(CP_FONT_DIR "/usr/share/fonts/opentype/inter" CACHE PATH "Debian fonts-inter folder")
set(CP_FONTS Inter-Regular Inter-SemiBold)

find_program(CP_PYFTSUBSET pyftsubset REQUIRED)

set(_cp_gen "${CMAKE_BINARY_DIR}/generated")
set(_cp_font_out "${CMAKE_BINARY_DIR}/assets/fonts")
file(MAKE_DIRECTORY "${_cp_gen}" "${_cp_font_out}")

# pyftsubset's --unicodes and the C++ range table, both from CP_FONT_RANGES.
set(_cp_unicodes "")
set(_cp_range_rows "")
foreach(_r IN LISTS CP_FONT_RANGES)
  string(REPLACE "-" ";" _pair "${_r}")
  list(GET _pair 0 _lo)
  list(GET _pair 1 _hi)
  string(SUBSTRING "${_lo}" 2 -1 _lo_hex)
  string(SUBSTRING "${_hi}" 2 -1 _hi_hex)
  list(APPEND _cp_unicodes "U+${_lo_hex}-${_hi_hex}")
  string(APPEND _cp_range_rows "    ${_lo}, ${_hi},\n")
endforeach()
list(JOIN _cp_unicodes "," _cp_unicodes)
configure_file(${CMAKE_CURRENT_LIST_DIR}/cp_font_ranges.h.in "${_cp_gen}/cp_font_ranges.h" @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/embedded_assets.h "${_cp_gen}/embedded_assets.h" COPYONLY)

set(_cp_embed_args "")
set(_cp_embed_deps "")
foreach(_font IN LISTS CP_FONTS)
  set(_out "${_cp_font_out}/${_font}.otf")
  # No layout features: ImGui 1.86 ignores GSUB/GPOS, and dropping them halves the file.
  add_custom_command(OUTPUT "${_out}"
    COMMAND "${CP_PYFTSUBSET}" "${CP_FONT_DIR}/${_font}.otf" "--unicodes=${_cp_unicodes}"
            --layout-features= "--output-file=${_out}"
    DEPENDS "${CP_FONT_DIR}/${_font}.otf" "${CMAKE_CURRENT_LIST_FILE}"
    COMMENT "Subsetting ${_font}.otf"
    VERBATIM)
  list(APPEND _cp_embed_args "fonts/${_font}.otf=${_out}")
  list(APPEND _cp_embed_deps "${_out}")
endforeach()

set(CP_CJK_FONT_DIR "/usr/share/fonts/opentype/noto" CACHE PATH "Debian fonts-noto-cjk folder")
set(CP_CJK_FACE 2)  # the face of Noto Sans CJK's collection that is Simplified Chinese (SC)
if(EMSCRIPTEN)
  set(_cp_native OFF)
else()
  set(_cp_native ON)
endif()
option(CP_EMBED_TRANSLATIONS "Compile the translations and CJK fonts into the binary (the desktop app)" ${_cp_native})
# Noto Sans CJK SC, subset to exactly the characters each translation uses (regular) and uses in
# semibold places (bold; fonts-noto-cjk has no semibold). Hinting and layout tables are dropped:
# ImGui's rasteriser uses neither, and they are most of the file.
set(_cp_cjk_fonts "")
foreach(_weight Regular Bold)
  set(_chars "${_cp_i18n_out}/zh-Hans.chars.txt")
  if(_weight STREQUAL "Bold")
    set(_chars "${_cp_i18n_out}/zh-Hans.bold_chars.txt")
  endif()
  string(TOLOWER "${_weight}" _w)
  set(_out "${_cp_font_out}/cjk-${_w}.otf")
  add_custom_command(OUTPUT "${_out}"
    COMMAND "${CP_PYFTSUBSET}" "${CP_CJK_FONT_DIR}/NotoSansCJK-${_weight}.ttc" "--font-number=${CP_CJK_FACE}"
            "--text-file=${_chars}" --layout-features= --no-hinting --desubroutinize
            --drop-tables+=vhea,vmtx,VORG,BASE "--output-file=${_out}"
    DEPENDS "${_chars}" "${CP_CJK_FONT_DIR}/NotoSansCJK-${_weight}.ttc"
    COMMENT "Subsetting Noto Sans CJK SC ${_weight} to the Chinese catalogue"
    VERBATIM)
  list(APPEND _cp_cjk_fonts "${_out}")
endforeach()
add_custom_target(cp_translations ALL DEPENDS ${_cp_cjk_fonts} "${_cp_i18n_out}/zh-Hans.figure.json")
if(CP_EMBED_TRANSLATIONS)
  list(APPEND _cp_embed_args "i18n/zh-Hans.figure.json=${_cp_i18n_out}/zh-Hans.figure.json"
       "fonts/cjk-regular.otf=${_cp_font_out}/cjk-regular.otf" "fonts/cjk-bold.otf=${_cp_font_out}/cjk-bold.otf")
  list(APPEND _cp_embed_deps "${_cp_i18n_out}/zh-Hans.figure.json" ${_cp_cjk_fonts})
endif()

file(GLOB _cp_scenarios CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/scenarios/*.json")
list(SORT _cp_scenarios)
foreach(_json IN LISTS _cp_scenarios)
  get_filename_component(_name "${_json}" NAME)
  list(APPEND _cp_embed_args "scenarios/${_name}=${_json}")
  list(APPEND _cp_embed_deps "${_json}")
endforeach()

# The public record the charts draw their observed points from.
list(APPEND _cp_embed_args "record/record.json=${PROJECT_SOURCE_DIR}/assets/record/record.json")
list(APPEND _cp_embed_deps "${PROJECT_SOURCE_DIR}/assets/record/record.json")

# The list goes through a file so that names with odd characters survive the command line.
string(REPLACE ";" "\n" _cp_embed_list "${_cp_embed_args}")
file(CONFIGURE OUTPUT "${_cp_gen}/embedded_assets.list" CONTENT "${_cp_embed_list}\n")
add_custom_command(OUTPUT "${_cp_gen}/embedded_assets.cpp"
  COMMAND ${CMAKE_COMMAND} "-DLIST=${_cp_gen}/embedded_assets.list" "-DOUT=${_cp_gen}/embedded_assets.cpp"
          -P "${CMAKE_CURRENT_LIST_DIR}/embed_assets.cmake"
  DEPENDS ${_cp_embed_deps} "${_cp_gen}/embedded_assets.list" "${CMAKE_CURRENT_LIST_DIR}/embed_assets.cmake"
  COMMENT "Embedding assets (fonts, scenarios)"
  VERBATIM)

add_library(cp_assets STATIC "${_cp_gen}/embedded_assets.cpp")
target_include_directories(cp_assets PUBLIC "${_cp_gen}")
target_link_libraries(cp_assets PRIVATE cp_warnings)
