// One visual language for every panel: colours per bloc and source, light and dark themes, fonts.
#include "theme.h"

#include "cp_font_ranges.h"
#include "embedded_assets.h"
#include "figure_context.h"
#include "i18n.h"

namespace cp::shell {
namespace {

struct FontBytes {
    const unsigned char* data = nullptr;
    int size = 0;
};

FontBytes cjk_font(bool bold) {
    const std::vector<unsigned char>& given = bold ? figure().cjk_bold : figure().cjk_regular;
    if (!given.empty()) return {given.data(), static_cast<int>(given.size())};
    if (const cp::assets::File* file = cp::assets::find(bold ? "fonts/cjk-bold.otf" : "fonts/cjk-regular.otf"))
        return {file->data, static_cast<int>(file->size)};
    return {};
}

// Merges CJK glyphs into the font added last. One horizontal sample is enough for ideographs (they
// are drawn at their raster size), and it halves the atlas, which Chinese makes large.
void merge_cjk(bool bold, float size_px, float pixel_ratio, const ImWchar* ranges) {
    FontBytes bytes = cjk_font(bold);
    if (bytes.data == nullptr) return;
    ImFontConfig config;
    config.MergeMode = true;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data), bytes.size,
                                               size_px * pixel_ratio, &config, ranges);
}

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

constexpr ImWchar kMissingGlyph = kMissingGlyphCodepoint;  // kept in the Inter subset (CP_FONT_RANGES)

static_assert(sizeof(ImWchar) == sizeof(unsigned short), "glyph ranges are generated as 16-bit code points");

ImFont* add_font(const char* name, float size_px, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    const cp::assets::File* file = cp::assets::find(name);
    if (file == nullptr) {
        // A build without embedded fonts still works, in ImGui's bitmap font.
        config.SizePixels = size_px * pixel_ratio;
        return io.Fonts->AddFontDefault(&config);
    }
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data), static_cast<int>(file->size),
                                                  size_px * pixel_ratio, &config, cp::assets::kFontGlyphRanges);
    // A character no font has is drawn as a white square, never as a '?' that could pass for text.
    if (font != nullptr) font->FallbackChar = kMissingGlyph;
    return font;
}

}  // namespace

ImU32 with_alpha(ImU32 colour, float alpha) {
    ImU32 a = static_cast<ImU32>(alpha * 255.0f + 0.5f);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

bool theme_is_dark() { return figure().dark; }
const Palette& palette() { return figure().palette; }
Fonts& fonts() { return figure().fonts; }

void apply_theme(bool dark) {
    figure().dark = dark;
    ImGuiStyle& style = ImGui::GetStyle();
    float scale_backup = style.MouseCursorScale;
    style = ImGuiStyle();
    style.MouseCursorScale = scale_backup;
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.GrabMinSize = 18;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.WindowPadding = ImVec2(14, 12);
    style.ScrollbarSize = 14;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;

    Palette& p = figure().palette;
    // Restricted = vermilion, frontier = blue: distinguishable for the common colour-vision deficiencies.
    p.restricted = dark ? rgb(0xFF7F50) : rgb(0xD9480F);
    p.frontier = dark ? rgb(0x6CB4FF) : rgb(0x1C6DD0);
    p.source_legal = dark ? rgb(0xFFB38A) : rgb(0xF59F71);
    p.source_smuggled = dark ? rgb(0xC2410C) : rgb(0x9A3412);
    p.source_domestic = dark ? rgb(0xFFD166) : rgb(0xE8A317);
    p.source_cloud = dark ? rgb(0xB8A1E8) : rgb(0x8E6CC9);
    p.lever[0] = dark ? rgb(0xFF8C69) : rgb(0xC8410B);
    p.lever[1] = dark ? rgb(0xB8A1E8) : rgb(0x7C5BC0);
    p.lever[2] = dark ? rgb(0x63D2B4) : rgb(0x138A6E);
    p.positive = dark ? rgb(0xFF8C69) : rgb(0xC8410B);
    p.negative = dark ? rgb(0x63D2B4) : rgb(0x138A6E);
    p.text = dark ? rgb(0xE9ECEF) : rgb(0x1F2328);
    p.text_dim = dark ? rgb(0xA0A7B0) : rgb(0x5C636B);
    p.grid = dark ? rgb(0xFFFFFF, 28) : rgb(0x000000, 22);
    p.axis = dark ? rgb(0xFFFFFF, 90) : rgb(0x000000, 90);
    p.marker = dark ? rgb(0xFFFFFF, 140) : rgb(0x000000, 120);
    p.panel = dark ? rgb(0x1B1E23) : rgb(0xFAFAF7);
    p.error = dark ? rgb(0xFF6B6B) : rgb(0xC92A2A);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.text_dim);
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(dark ? rgb(0x121417) : rgb(0xFFFFFF));
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(p.panel);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(dark ? rgb(0xFFFFFF, 30) : rgb(0x000000, 28));
    // Visible tracks for sliders and fields on both the window and the panel background.
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(dark ? rgb(0x2A2F36) : rgb(0xE9ECEF));
    c[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(dark ? rgb(0x343A42) : rgb(0xDEE2E6));
    c[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(dark ? rgb(0x3D444D) : rgb(0xCED4DA));
    ImVec4 accent = ImGui::ColorConvertU32ToFloat4(p.restricted);
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_CheckMark] = accent;
}

void provide_cjk_fonts(std::vector<unsigned char> regular, std::vector<unsigned char> bold) {
    figure().cjk_regular = std::move(regular);
    figure().cjk_bold = std::move(bold);
}

bool cjk_fonts_available() { return cjk_font(false).data != nullptr; }

bool fonts_stale() { return figure().fonts_language != language(); }

void load_fonts(float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    figure().fonts_language = language();
    const bool cjk = figure().fonts_language != Language::en;
    // In each font the first source that has a glyph wins: Latin from Inter, then semibold CJK for
    // headings (its subset holds only heading characters), then regular CJK for everything else.
    const ImWchar* ranges = translation_glyph_ranges(figure().fonts_language).data();
    // English keeps two ideographs when it can: the "中文" button that switches to Chinese.
    static const ImWchar kLanguageButton[] = {0x4E2D, 0x4E2D, 0x6587, 0x6587, 0};
    figure().fonts.body = add_font("fonts/Inter-Regular.otf", 16.0f, pixel_ratio);
    merge_cjk(false, 16.0f, pixel_ratio, cjk ? ranges : kLanguageButton);
    figure().fonts.small = add_font("fonts/Inter-Regular.otf", 14.0f, pixel_ratio);
    if (cjk) merge_cjk(false, 14.0f, pixel_ratio, ranges);
    figure().fonts.heading = add_font("fonts/Inter-SemiBold.otf", 19.0f, pixel_ratio);
    if (cjk) {
        merge_cjk(true, 19.0f, pixel_ratio, ranges);
        merge_cjk(false, 19.0f, pixel_ratio, ranges);
    }
    figure().fonts.big = add_font("fonts/Inter-SemiBold.otf", 30.0f, pixel_ratio);
    if (cjk) merge_cjk(true, 30.0f, pixel_ratio, ranges);
    io.Fonts->Build();
    // Glyphs are rasterised at device pixels; drawing at 1/ratio keeps layout in CSS pixels, crisp.
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = figure().fonts.body;
}

}  // namespace cp::shell
