// Typing an exact value into a slider: one check, in the reader's units, for typed, pasted and page-entered text.
#pragma once

#include <string>

namespace cp::shell {

class ExplorerState;

// What a slider's text field edits. The reader sees and types `scale` x the model's value (shares as
// percent); the range is the model's.
struct EntryField {
    std::string name;   // parameter key, or "year"
    std::string label;  // "Export controls"
    std::string unit;   // as typed after the number: "%", "ms", "" (none)
    double scale = 1;
    double min = 0, max = 0;
    bool integer = false;
    int param = -1;  // parameter index; -1 for the year
};
EntryField param_entry_field(int index);
EntryField year_entry_field(const ExplorerState& state);
// The field called `name` (a parameter key or "year"); false when there is none.
bool find_entry_field(const ExplorerState& state, const std::string& name, EntryField* field);

// `value` (model units) as the reader reads it: "250%", "150 ms".
std::string entry_value_text(const EntryField& field, double value);
// The current value as the text field starts with it: "75", "150".
std::string entry_start_text(const ExplorerState& state, const EntryField& field);

// Why `value` (model units) cannot be set, in the reader's units ("250% is outside ..."), or "".
std::string entry_problem(const EntryField& field, double value);
// Reads `text` as a value of `field` ("42.5", " 42.5 % ", "150 ms"): sets *value (model units) and
// returns "", or returns the message refusing it (not a number, out of range, not whole).
std::string parse_entry(const EntryField& field, const std::string& text, double* value);
// Applies `text` to the state (an undoable step) or refuses it with the state's message. True when applied.
bool enter_value(ExplorerState& state, const EntryField& field, const std::string& text);

// The slider drawn between begin_entry_field() and end_entry_field() edits `field`: a paste into its
// text field (Ctrl+click, Tab, the value link) is checked first and refused whole if it is not a
// valid value, never clamped. end_entry_field() must follow the slider directly; it returns whether
// the slider's text box is open.
void begin_entry_field(ExplorerState& state, const EntryField& field);
bool end_entry_field();
// The field whose text box was open in the last frame (nullptr when none), its text and selection.
const EntryField* open_entry_field();
std::string open_entry_text();
// What Ctrl+C or Ctrl+X takes from the open text box: the selection, or all of it when none.
std::string open_entry_selection();
// Called at the start of every frame: forgets which field was open, and (once the platform has set
// its own clipboard functions) puts the paste check in front of them.
void new_entry_frame();

}  // namespace cp::shell
