// Wrapped text for English and Chinese: ImGui 1.86 breaks lines only at spaces, and Chinese has none.
#include "text.h"

#include "i18n.h"
#include "imgui_internal.h"

namespace cp::shell {
namespace {

bool is_ideographic(unsigned c) { return c >= 0x2E80 && c <= 0xFFEF; }

// Characters a line may not start with (they close what came before) ...
bool closes(unsigned c) {
    switch (c) {
        case ',':
        case '.':
        case ';':
        case ':':
        case '!':
        case '?':
        case ')':
        case ']':
        case '%':
        case 0x3001:
        case 0x3002:
        case 0xFF0C:
        case 0xFF0E:
        case 0xFF1B:
        case 0xFF1A:
        case 0xFF01:
        case 0xFF1F:
        case 0xFF09:
        case 0x300B:
        case 0x300D:
        case 0x300F:
        case 0x3011:
        case 0x201D:
        case 0x2019:
        case 0x2026:
        case 0x00B7:
        case 0x30FC:
            return true;
        default:
            return false;
    }
}

// ... nor end with (they open what comes after).
bool opens(unsigned c) {
    switch (c) {
        case '(':
        case '[':
        case 0xFF08:
        case 0x300A:
        case 0x300C:
        case 0x300E:
        case 0x3010:
        case 0x201C:
        case 0x2018:
            return true;
        default:
            return false;
    }
}

// Whether a line may end between `before` and `after` (neither a space).
bool may_break_between(unsigned before, unsigned after) {
    if (closes(after) || opens(before)) return false;
    return is_ideographic(before) || is_ideographic(after);
}

}  // namespace

std::string break_lines(const ImFont* font, float size, std::string_view text, float width) {
    if (font == nullptr || !has_cjk(text) || width <= 0.0f) return std::string(text);
    const float scale = size / font->FontSize;
    // A hair of slack: ImGui measures the finished line again and must not find it too long.
    const float limit = width - 1.0f;
    std::string out;
    out.reserve(text.size() + 16);
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* line = begin;      // where the current line starts
    const char* cut = nullptr;     // the last place the line may end
    const char* resume = nullptr;  // where the next line starts if it ends at `cut`
    float line_width = 0.0f;
    unsigned previous = 0;
    auto end_line = [&](const char* at, const char* next) {
        const char* trimmed = at;
        while (trimmed > line && trimmed[-1] == ' ') --trimmed;
        out.append(line, trimmed);
        out += '\n';
        line = next;
        while (line < end && *line == ' ') ++line;
        cut = resume = nullptr;
        previous = 0;
    };
    for (const char* s = line; s < end;) {
        unsigned c = static_cast<unsigned char>(*s);
        const char* next = s + 1;
        if (c >= 0x80) next = s + ImTextCharFromUtf8(&c, s, end);
        if (c == '\n') {
            end_line(s, next);
            line_width = 0.0f;
            s = line;
            continue;
        }
        if (c == ' ') {
            cut = s;
            resume = next;
        } else if (previous != 0 && previous != ' ' && may_break_between(previous, c)) {
            cut = s;
            resume = s;
        }
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (c != ' ' && line_width + advance > limit && s > line) {
            if (cut != nullptr && cut > line) {
                end_line(cut, resume);
                // What followed the break point moves to the new line with its width.
                line_width = 0.0f;
                for (const char* t = line; t < s;) {
                    unsigned d = static_cast<unsigned char>(*t);
                    const char* after = t + 1;
                    if (d >= 0x80) after = t + ImTextCharFromUtf8(&d, t, end);
                    line_width += font->GetCharAdvance(static_cast<ImWchar>(d)) * scale;
                    previous = d;
                    t = after;
                }
            } else {
                end_line(s, s);  // one unbreakable run longer than the line: cut it here
                line_width = 0.0f;
            }
        }
        line_width += advance;
        previous = c;
        s = next;
    }
    out.append(line, end);
    return out;
}

void text_wrapped(const char* text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (!has_cjk(text)) {
        ImGui::TextWrapped("%s", text);
        return;
    }
    // The width ImGui::TextWrapped would use: the pushed wrap position, else the window's edge.
    const float wrap_pos = window->DC.TextWrapPos;
    const float width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos < 0.0f ? 0.0f : wrap_pos);
    const std::string lines = break_lines(ImGui::GetFont(), ImGui::GetFontSize(), text, width);
    const bool pushed = wrap_pos < 0.0f;
    if (pushed) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    if (pushed) ImGui::PopTextWrapPos();
}

void text_wrapped_dim(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    text_wrapped(text);
    ImGui::PopStyleColor();
}

}  // namespace cp::shell
