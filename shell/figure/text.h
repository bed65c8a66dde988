// Wrapped text for English and Chinese: ImGui 1.86 breaks lines only at spaces, and Chinese has none.
#pragma once

#include <string>
#include <string_view>

#include "imgui.h"

namespace cp::shell {

// `text` with a '\n' at each line break that fits it into `width` pixels in `font` at `size`.
// Chinese may break between any two characters except before closing punctuation (，。）》 ...) and
// after opening punctuation (（《 ...); Latin words and numbers inside it stay whole. Text without
// CJK comes back unchanged (ImGui's own wrapping handles it, exactly as before).
std::string break_lines(const ImFont* font, float size, std::string_view text, float width);

// ImGui::TextWrapped for either language: wraps at the PushTextWrapPos position (or the window's edge).
void text_wrapped(const char* text);
inline void text_wrapped(const std::string& text) { text_wrapped(text.c_str()); }
// The same in the dimmed colour (ImGui::TextDisabled's).
void text_wrapped_dim(const std::string& text);

}  // namespace cp::shell
