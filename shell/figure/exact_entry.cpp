// Typing an exact value into a slider: one check, in the reader's units, for typed, pasted and page-entered text.
#include "exact_entry.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "figure_context.h"
#include "format.h"
#include "i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "params.h"
#include "series.h"
#include "state.h"

namespace cp::shell {
namespace {

std::string number_text(double shown) {
    char buffer[48];
    // Whole numbers as a reader types them (1000000, not 1e+06); others to six significant digits
    // (2.1e+25 FLOP stays in exponent form: nobody types 25 zeros).
    if (std::fabs(shown) < 1e15 && std::floor(shown) == shown)
        std::snprintf(buffer, sizeof buffer, "%.0f", shown);
    else
        std::snprintf(buffer, sizeof buffer, "%.6g", shown);
    return buffer;
}

std::string range_text(const EntryField& field) {
    return trf(txt::entry_range,
               {{"low", entry_value_text(field, field.min)}, {"high", entry_value_text(field, field.max)}});
}

std::string trimmed(const std::string& text) {
    size_t begin = 0, end = text.size();
    // ASCII blanks, and the no-break space a spreadsheet or a web page may copy with a number.
    auto blank_at = [&](size_t i, bool forward) -> size_t {
        if (std::isspace(static_cast<unsigned char>(text[i]))) return 1;
        if (forward && i + 1 < end && text.compare(i, 2, "\xC2\xA0") == 0) return 2;
        if (!forward && i >= 1 + begin && text.compare(i - 1, 2, "\xC2\xA0") == 0) return 2;
        return 0;
    };
    while (begin < end) {
        size_t n = blank_at(begin, true);
        if (n == 0) break;
        begin += n;
    }
    while (end > begin) {
        size_t n = blank_at(end - 1, false);
        if (n == 0) break;
        end -= n;
    }
    return text.substr(begin, end - begin);
}

bool ends_with_unit(const std::string& text, const std::string& unit) {
    if (unit.empty() || text.size() <= unit.size()) return false;
    const size_t at = text.size() - unit.size();
    for (size_t i = 0; i < unit.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != std::tolower(static_cast<unsigned char>(unit[i])))
            return false;
    return true;
}

// A decimal number and nothing else ("42", "-0.5", "4.2e5"): no hex, "inf", "nan" or arithmetic,
// which strtod or ImGui's own input would otherwise read as something the reader did not mean.
bool plain_number(const std::string& s) {
    size_t i = 0, digits = 0;
    const size_t n = s.size();
    auto digit = [&](size_t k) { return k < n && std::isdigit(static_cast<unsigned char>(s[k])) != 0; };
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    while (digit(i)) ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (digit(i)) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        size_t exponent_digits = 0;
        while (digit(i)) ++i, ++exponent_digits;
        if (exponent_digits == 0) return false;
    }
    return i == n;
}

// The number in `text` as the text field should hold it: blanks and the unit dropped, no leading
// '+' (ImGui would read "+5" as "add 5"). False when what remains is not a plain number.
bool clean_number(const EntryField& field, const std::string& text, std::string* number) {
    std::string s = trimmed(text);
    // The unit as the model writes it, or as the reader's language shows it ("H100 等效/年").
    const std::string shown = unit_text(field.unit.c_str());
    if (ends_with_unit(s, field.unit))
        s = trimmed(s.substr(0, s.size() - field.unit.size()));
    else if (ends_with_unit(s, shown))
        s = trimmed(s.substr(0, s.size() - shown.size()));
    if (!plain_number(s)) return false;
    if (s[0] == '+') s.erase(0, 1);
    *number = s;
    return true;
}

std::string quoted(const std::string& text) {
    std::string shown = trimmed(text);
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    for (char& c : shown)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return "\u201C" + shown + "\u201D";
}

std::string not_a_number(const EntryField& field, const std::string& text) {
    return trf(txt::entry_not_a_number, {{"text", quoted(text)}, {"field", field.label}, {"range", range_text(field)}});
}

// A refused value in the reader's units ("250% is outside ..."), worded from the refusal's kind.
std::string entry_refusal(const EntryField& field, const ParamError& error) {
    using Kind = ParamError::Kind;
    switch (error.kind) {
        case Kind::none:
            return {};
        case Kind::not_a_number:
        case Kind::not_finite:
            return not_a_number(field, number_text(error.value));
        case Kind::out_of_range:
        case Kind::not_integer:
            return trf(error.kind == Kind::out_of_range ? txt::entry_outside_range : txt::entry_not_whole,
                       {{"value", entry_value_text(field, error.value)},
                        {"field", field.label},
                        {"range", range_text(field)}});
        // A field always names a known parameter; the model's words are still better than nothing.
        default:
            return describe(error);
    }
}

std::string utf8(const ImWchar* begin, const ImWchar* end) {
    std::string out(static_cast<size_t>(ImTextCountUtf8BytesFromStr(begin, end)) + 1, '\0');
    ImTextStrToUtf8(&out[0], static_cast<int>(out.size()), begin, end);
    out.resize(out.size() - 1);
    return out;
}

ImGuiInputTextState* open_text_state() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context || !figure().entry_has_open || context->ActiveId == 0 ||
        context->InputTextState.ID != context->ActiveId)
        return nullptr;
    return &context->InputTextState;
}

// ImGui's paste (Ctrl+V, Shift+Insert) reads the clipboard through this. Into an entry field only a
// value the field accepts goes in, whole: anything else is refused with the app's message.
const char* checked_clipboard(void* user_data) {
    const char* text = figure().entry_platform_get ? figure().entry_platform_get(user_data) : nullptr;
    if (!figure().entry_in_field || !figure().entry_state || !text) return text;
    if (trimmed(text).empty()) return "";
    std::string number;
    if (!clean_number(figure().entry_field, text, &number)) {
        figure().entry_state->set_error(not_a_number(figure().entry_field, text));
        return "";
    }
    // The field's text after the paste: the selection (or nothing, at the cursor) replaced.
    std::string result = number;
    ImGuiContext* context = ImGui::GetCurrentContext();
    const ImGuiInputTextState& s = context->InputTextState;
    if (s.ID != 0 && s.ID == context->ActiveId && s.TextW.Size > s.CurLenW) {
        const int lo = s.HasSelection() ? ImMin(s.Stb.select_start, s.Stb.select_end) : s.Stb.cursor;
        const int hi = s.HasSelection() ? ImMax(s.Stb.select_start, s.Stb.select_end) : s.Stb.cursor;
        result = utf8(s.TextW.Data, s.TextW.Data + lo) + number + utf8(s.TextW.Data + hi, s.TextW.Data + s.CurLenW);
    }
    double value = 0;
    std::string problem = parse_entry(figure().entry_field, result, &value);
    if (!problem.empty()) {
        figure().entry_state->set_error(problem);
        return "";
    }
    figure().entry_pasted = number;
    return figure().entry_pasted.c_str();
}

}  // namespace

EntryField param_entry_field(int index) {
    const ParamInfo& info = param_info(index);
    EntryField field;
    field.name = info.key;
    field.label = param_label(index);
    const bool share = std::strcmp(info.unit, "share") == 0;
    field.unit = share ? "%" : info.unit;
    field.scale = share ? 100.0 : 1.0;
    field.min = info.min;
    field.max = info.max;
    field.integer = info.is_integer;
    field.param = index;
    return field;
}

EntryField year_entry_field(const ExplorerState& state) {
    EntryField field;
    field.name = "year";
    field.label = tr(txt::entry_year_label);
    field.min = kFirstYear;
    field.max = state.scenario().end_year;
    field.integer = true;
    return field;
}

bool find_entry_field(const ExplorerState& state, const std::string& name, EntryField* field) {
    if (name == "year") {
        *field = year_entry_field(state);
        return true;
    }
    const int index = find_param(name);
    if (index < 0) return false;
    *field = param_entry_field(index);
    return true;
}

std::string entry_value_text(const EntryField& field, double value) {
    std::string number = number_text(value * field.scale);
    if (field.unit.empty()) return number;
    return number + (field.unit == "%" ? "" : " ") + unit_text(field.unit.c_str());
}

std::string entry_start_text(const ExplorerState& state, const EntryField& field) {
    return number_text((field.param >= 0 ? state.param(field.param) : state.year()) * field.scale);
}

std::string entry_problem(const EntryField& field, double value) {
    // The core's check, the only one: the table's row for a parameter, the run's years for the year.
    const ParamError error = field.param >= 0
                                 ? check_param(field.param, value)
                                 : ParamError{check_bounds(value, field.min, field.max, field.integer), -1, value, {}};
    return entry_refusal(field, error);
}

std::string parse_entry(const EntryField& field, const std::string& text, double* value) {
    std::string number;
    if (!clean_number(field, text, &number)) return not_a_number(field, text);
    const double shown = std::strtod(number.c_str(), nullptr);
    // Shares: 42.5 typed is 0.425; whole percentages divide exactly enough for the range check.
    const double model = shown / field.scale;
    std::string problem = entry_problem(field, model);
    if (problem.empty()) *value = model;
    return problem;
}

bool enter_value(ExplorerState& state, const EntryField& field, const std::string& text) {
    double value = 0;
    std::string problem = parse_entry(field, text, &value);
    if (!problem.empty()) {
        state.set_error(problem);
        return false;
    }
    if (field.param >= 0) {
        if (!state.set_param(field.param, value)) return false;
    } else {
        state.set_year(static_cast<int>(value));
    }
    // The reader put right what an earlier entry got wrong: that refusal no longer applies.
    if (state.message_is_error()) state.clear_message();
    return true;
}

void begin_entry_field(ExplorerState& state, const EntryField& field) {
    figure().entry_state = &state;
    figure().entry_field = field;
    figure().entry_in_field = true;
}

bool end_entry_field() {
    const bool open = ImGui::TempInputIsActive(ImGui::GetItemID());
    if (open) {
        figure().entry_open = figure().entry_field;
        figure().entry_has_open = true;
    }
    figure().entry_in_field = false;
    figure().entry_state = nullptr;
    return open;
}

const EntryField* open_entry_field() { return figure().entry_has_open ? &figure().entry_open : nullptr; }

std::string open_entry_text() {
    const ImGuiInputTextState* s = open_text_state();
    return s ? utf8(s->TextW.Data, s->TextW.Data + s->CurLenW) : std::string();
}

std::string open_entry_selection() {
    const ImGuiInputTextState* s = open_text_state();
    if (!s) return {};
    if (!s->HasSelection()) return utf8(s->TextW.Data, s->TextW.Data + s->CurLenW);
    const int lo = ImMin(s->Stb.select_start, s->Stb.select_end), hi = ImMax(s->Stb.select_start, s->Stb.select_end);
    return utf8(s->TextW.Data + lo, s->TextW.Data + hi);
}

void new_entry_frame() {
    figure().entry_has_open = false;
    figure().entry_in_field = false;
    ImGuiIO& io = ImGui::GetIO();
    if (io.GetClipboardTextFn != checked_clipboard) {
        figure().entry_platform_get = io.GetClipboardTextFn;
        io.GetClipboardTextFn = checked_clipboard;
    }
}

}  // namespace cp::shell
