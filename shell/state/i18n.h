// The figure's words in the reader's language: English compiled in, translations installed at run time.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cp_strings.h"  // generated from assets/i18n/en.json: cp::txt::Id
#include "record.h"
#include "scenario.h"

namespace cp::shell {

enum class Language { en, zh };

// The value a link carries ("en", "zh") and the BCP 47 tag of the catalogue ("en", "zh-Hans").
const char* language_code(Language language);
const char* language_tag(Language language);
// Accepts "en", "zh" and "zh-Hans"; false for anything else.
bool parse_language(std::string_view text, Language& out);

Language language();
// Switches to `language` if its translation is installed (English always is); false otherwise.
bool set_language(Language language);
bool translation_installed(Language language);

// Installs a translation file made by cmake/i18n_gen.py (<tag>.figure.json). All or nothing:
// returns "" on success, else what is wrong with it (and the installed translations stay as they were).
std::string install_translation(std::string_view figure_json);

// A string of the current language (English where the translation lacks it).
const char* tr(txt::Id id);

// `tr(id)` with every "{name}" replaced by its argument's value.
struct Arg {
    const char* name;
    std::string value;
};
std::string trf(txt::Id id, std::initializer_list<Arg> args);
// The same substitution on any text (for strings that are not catalogue entries).
std::string substitute(std::string_view text, std::initializer_list<Arg> args);

// The model's own texts (parameters, series, presets, record points), keyed by the model's ids,
// e.g. "param.export_controls.label"; `english` (from the model's tables) when not translated.
const char* tr_model(const std::string& key, const char* english);
const char* param_label(int index);
const char* param_meaning(int index);
const char* param_low_words(int index);
const char* param_high_words(int index);
// Where a parameter's default comes from: the [Sx] keys and their note, the note translated.
const char* param_source(int index);
const char* series_label(int id);
// A preset's title and description by its id (a scenario file the reader loaded keeps its own words).
const char* preset_title(const Scenario& scenario);
const char* preset_description(const Scenario& scenario);
// A scenario's own notes: why it sets a parameter, why a lever had its value in a past year (the
// record), why a step. A note the model itself gives (the parameter table, the built-in history) is
// the model's text, translated by the model's id; a scenario's own is translated by the scenario's id
// ("preset.<id>.source.<param>", "preset.<id>.history.<lever>.<year>", "preset.<id>.step.<lever>.<year>");
// a file the reader loaded keeps its words unless it reuses a preset's id.
const char* scenario_param_note(const Scenario& scenario, int index);
const char* scenario_history_note(const Scenario& scenario, int lever, int year);
const char* scenario_step_note(const Scenario& scenario, int lever, int year);
// A point of the public record: its label ("Doubao-pro, ByteDance") in the reader's language.
const char* record_label(const RecordPoint& point);
// The blocs' names as a scenario gives them ("China", "US and allies"), translated when they are
// the built-in ones.
const char* restricted_name(const Scenario& scenario);
const char* frontier_name(const Scenario& scenario);

// Code points outside Latin text that the installed translation of `language` uses, as ImGui glyph
// ranges ([first, last] pairs, zero-terminated); just {0} for English.
const std::vector<unsigned short>& translation_glyph_ranges(Language language);

// True when a text needs CJK line breaking (it holds ideographs or CJK punctuation).
bool has_cjk(std::string_view text);

}  // namespace cp::shell
