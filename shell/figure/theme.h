// One visual language for every panel: colours per bloc and source, light and dark themes, fonts.
#pragma once

#include <vector>

#include "imgui.h"

namespace cp::shell {

struct Palette {
    ImU32 restricted;    // the restricted country: one colour in every chart
    ImU32 frontier;      // the frontier
    ImU32 source_legal;  // shades of the restricted colour for where its compute comes from
    ImU32 source_smuggled;
    ImU32 source_domestic;
    ImU32 source_cloud;
    ImU32 lever[3];  // export controls, cloud denial, privacy law
    ImU32 positive, negative;
    ImU32 text, text_dim, grid, axis, marker, panel, error;
};

void apply_theme(bool dark);
bool theme_is_dark();
const Palette& palette();
// Same colour with a different alpha (0..1): bands are the line colour, lighter.
ImU32 with_alpha(ImU32 colour, float alpha);

// Fonts, rasterised for the device pixel ratio (see App::load_fonts).
struct Fonts {
    ImFont* body = nullptr;     // 16 px
    ImFont* small = nullptr;    // 14 px: ticks, notes
    ImFont* heading = nullptr;  // 19 px semi-bold
    ImFont* big = nullptr;      // 30 px semi-bold: headline numbers
};
Fonts& fonts();
// Builds the atlas for the device pixel ratio and the current language: in Chinese, the CJK fonts
// are merged into every font (regular into body, small and heading; semibold into heading and big).
void load_fonts(float pixel_ratio);
// True when the atlas was built for another language than the current one (load_fonts again).
bool fonts_stale();
// The code point every font draws for a character it lacks (a white square).
constexpr ImWchar kMissingGlyphCodepoint = 0x25A1;

// The CJK fonts (Noto Sans CJK SC subsets, regular and bold). The desktop app has them compiled in;
// the page passes them in when a reader asks for Chinese. Kept here for the atlas's lifetime.
void provide_cjk_fonts(std::vector<unsigned char> regular, std::vector<unsigned char> bold);
bool cjk_fonts_available();

}  // namespace cp::shell
