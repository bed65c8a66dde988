// The figure's words in the reader's language: English compiled in, translations installed at run time.
#include "i18n.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "params.h"
#include "series.h"

namespace cp::shell {
namespace {

constexpr int kLanguageCount = 2;

// The fields of a parameter the figure shows, in the order of kParamFields.
enum ParamField { f_label, f_meaning, f_low_words, f_high_words, f_source, kParamFieldCount };
constexpr const char* kParamFields[kParamFieldCount] = {"label", "meaning", "low_words", "high_words", "source"};

struct Translation {
    bool installed = false;
    std::vector<std::string> strings;                       // by txt::Id; empty = not translated (English shown)
    std::map<std::string, std::string, std::less<>> model;  // "param.export_controls.label" -> text
    // Parameter and series texts looked up once at install, by index: every frame draws them.
    std::vector<std::array<const std::string*, kParamFieldCount>> params;
    std::vector<const std::string*> series;
    std::vector<unsigned short> ranges{0};
};

// The installed translations and the reader's language: what the state layer keeps outside
// ExplorerState (every tr() reads it, so it is not passed down every call).
struct Words {
    Translation translations[kLanguageCount];
    Language language = Language::en;
};
Words g_words;

Translation& translation(Language language) { return g_words.translations[static_cast<int>(language)]; }

// UTF-8 decoder for well-formed text (the catalogue is validated JSON); stops at malformed bytes.
std::vector<unsigned> code_points(std::string_view text) {
    std::vector<unsigned> out;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + static_cast<size_t>(extra) >= text.size()) break;
        unsigned cp = extra == 0 ? c : (c & (0x3Fu >> extra));
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        out.push_back(cp);
        i += static_cast<size_t>(extra) + 1;
    }
    return out;
}

// Ideographs, kana, CJK and full-width punctuation: what the Latin font lacks and the CJK font has.
bool is_cjk(unsigned cp) { return cp >= 0x2E80 && cp <= 0xFFEF; }

std::vector<unsigned short> ranges_of(const Translation& t) {
    std::vector<unsigned> all;
    auto collect = [&](std::string_view text) {
        for (unsigned cp : code_points(text))
            if (is_cjk(cp)) all.push_back(cp);
    };
    for (const std::string& s : t.strings) collect(s);
    for (const auto& [key, text] : t.model) collect(text);
    // The myriad units the number formatting writes (format.cpp), translated or not.
    all.push_back(0x4E07);  // 万
    all.push_back(0x4EBF);  // 亿
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::vector<unsigned short> ranges;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j + 1 < all.size() && all[j + 1] == all[j] + 1) ++j;
        ranges.push_back(static_cast<unsigned short>(all[i]));
        ranges.push_back(static_cast<unsigned short>(all[j]));
        i = j + 1;
    }
    ranges.push_back(0);
    return ranges;
}

}  // namespace

const char* language_code(Language language) { return language == Language::zh ? "zh" : "en"; }
const char* language_tag(Language language) { return language == Language::zh ? "zh-Hans" : "en"; }

bool parse_language(std::string_view text, Language& out) {
    if (text == "en") {
        out = Language::en;
        return true;
    }
    if (text == "zh" || text == "zh-Hans") {
        out = Language::zh;
        return true;
    }
    return false;
}

Language language() { return g_words.language; }

bool translation_installed(Language language) { return language == Language::en || translation(language).installed; }

bool set_language(Language language) {
    if (!translation_installed(language)) return false;
    g_words.language = language;
    return true;
}

std::string install_translation(std::string_view figure_json) {
    using json = nlohmann::json;
    json doc = json::parse(figure_json.begin(), figure_json.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return "the translation file is not valid JSON";
    const json* lang = doc.contains("lang") ? &doc["lang"] : nullptr;
    Language language = Language::en;
    if (lang == nullptr || !lang->is_string() || !parse_language(lang->get<std::string>(), language) ||
        language == Language::en)
        return "the translation file names no language this app knows (\"lang\": \"zh-Hans\")";
    if (!doc.contains("digest") || !doc["digest"].is_string() || doc["digest"].get<std::string>() != txt::kKeysDigest)
        return "the translation file was made for another version of the figure (its key digest differs)";
    const json& strings = doc.contains("strings") ? doc["strings"] : json();
    if (!strings.is_array() || strings.size() != static_cast<size_t>(txt::kCount))
        return "the translation file's \"strings\" do not match the figure's " + std::to_string(txt::kCount) + " keys";
    Translation next;
    next.strings.reserve(strings.size());
    for (const json& s : strings) {
        if (!s.is_string() && !s.is_null()) return "a translation in \"strings\" is neither text nor null";
        next.strings.push_back(s.is_string() ? s.get<std::string>() : std::string());
    }
    if (doc.contains("extra")) {
        const json& extra = doc["extra"];
        if (!extra.is_object()) return "the translation file's \"extra\" is not an object";
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (!it.value().is_string()) return "the translation of " + it.key() + " is not text";
            next.model.emplace(it.key(), it.value().get<std::string>());
        }
    }
    next.ranges = ranges_of(next);
    next.installed = true;
    Translation& t = translation(language);
    t = std::move(next);
    // Pointers into the map (its nodes stay put once it is in place).
    auto find = [&t](const std::string& key) -> const std::string* {
        auto it = t.model.find(key);
        return it == t.model.end() || it->second.empty() ? nullptr : &it->second;
    };
    t.params.assign(static_cast<size_t>(param_count()), {});
    for (int i = 0; i < param_count(); ++i)
        for (int f = 0; f < kParamFieldCount; ++f)
            t.params[static_cast<size_t>(i)][static_cast<size_t>(f)] =
                find(std::string("param.") + param_info(i).key + "." + kParamFields[f]);
    t.series.assign(static_cast<size_t>(kSeriesCount), nullptr);
    for (int s = 0; s < kSeriesCount; ++s)
        t.series[static_cast<size_t>(s)] = find(std::string("series.") + series_info(s).key + ".label");
    return "";
}

const char* tr(txt::Id id) {
    if (g_words.language != Language::en) {
        const Translation& t = translation(g_words.language);
        const std::string& s = t.strings[id];
        if (!s.empty()) return s.c_str();
    }
    return txt::kEnglish[id];
}

std::string substitute(std::string_view text, std::initializer_list<Arg> args) {
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            size_t close = text.find('}', i);
            if (close != std::string_view::npos) {
                std::string_view name = text.substr(i + 1, close - i - 1);
                const Arg* match = nullptr;
                for (const Arg& a : args)
                    if (name == a.name) match = &a;
                if (match != nullptr) {
                    out += match->value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

std::string trf(txt::Id id, std::initializer_list<Arg> args) { return substitute(tr(id), args); }

const char* tr_model(const std::string& key, const char* english) {
    if (g_words.language == Language::en) return english;
    const Translation& t = translation(g_words.language);
    auto it = t.model.find(key);
    return it == t.model.end() || it->second.empty() ? english : it->second.c_str();
}

namespace {
const char* param_text(int index, ParamField field, const char* english) {
    if (g_words.language == Language::en) return english;
    const std::string* text =
        translation(g_words.language).params[static_cast<size_t>(index)][static_cast<size_t>(field)];
    return text ? text->c_str() : english;
}
}  // namespace

const char* param_label(int index) { return param_text(index, f_label, param_info(index).label); }
const char* param_meaning(int index) { return param_text(index, f_meaning, param_info(index).meaning); }
const char* param_low_words(int index) { return param_text(index, f_low_words, param_info(index).low_words); }
const char* param_high_words(int index) { return param_text(index, f_high_words, param_info(index).high_words); }
const char* param_source(int index) { return param_text(index, f_source, param_info(index).source); }

const char* series_label(int id) {
    const SeriesInfo& info = series_info(id);
    if (g_words.language == Language::en) return info.label;
    const std::string* text = translation(g_words.language).series[static_cast<size_t>(id)];
    return text ? text->c_str() : info.label;
}

const char* preset_title(const Scenario& scenario) {
    return tr_model("preset." + scenario.id + ".title", scenario.title.c_str());
}

const char* preset_description(const Scenario& scenario) {
    return tr_model("preset." + scenario.id + ".description", scenario.description.c_str());
}

const char* scenario_param_note(const Scenario& scenario, int index) {
    const std::string& note = scenario.source[static_cast<size_t>(index)];
    if (note.empty() || note == param_info(index).source) return param_source(index);
    if (g_words.language == Language::en) return note.c_str();
    return tr_model("preset." + scenario.id + ".source." + param_info(index).key, note.c_str());
}

const char* scenario_history_note(const Scenario& scenario, int lever, int year) {
    const size_t y = static_cast<size_t>(year - kFirstYear);
    const std::string& note = scenario.history_source[static_cast<size_t>(lever)][y];
    if (g_words.language == Language::en || note.empty()) return note.c_str();
    static const Scenario kBuiltIn = default_scenario();
    const std::string lever_year = std::string(param_info(lever_index(lever)).key) + "." + std::to_string(year);
    if (note == kBuiltIn.history_source[static_cast<size_t>(lever)][y])
        return tr_model("history." + lever_year, note.c_str());
    return tr_model("preset." + scenario.id + ".history." + lever_year, note.c_str());
}

const char* scenario_step_note(const Scenario& scenario, int lever, int year) {
    const std::string& note = scenario.step_source[static_cast<size_t>(lever)][static_cast<size_t>(year - kFirstYear)];
    if (g_words.language == Language::en || note.empty()) return note.c_str();
    return tr_model(
        "preset." + scenario.id + ".step." + param_info(lever_index(lever)).key + "." + std::to_string(year),
        note.c_str());
}

const char* record_label(const RecordPoint& point) {
    if (g_words.language == Language::en || point.series < 0) return point.label.c_str();
    return tr_model("record." + std::string(series_info(point.series).key) + "." + std::to_string(point.year) + "." +
                        std::to_string(point.nth) + ".label",
                    point.label.c_str());
}

const char* restricted_name(const Scenario& scenario) {
    static const Scenario kBuiltIn;
    return scenario.restricted_name == kBuiltIn.restricted_name ? tr(txt::bloc_china)
                                                                : scenario.restricted_name.c_str();
}

const char* frontier_name(const Scenario& scenario) {
    static const Scenario kBuiltIn;
    return scenario.frontier_name == kBuiltIn.frontier_name ? tr(txt::bloc_us_and_allies)
                                                            : scenario.frontier_name.c_str();
}

const std::vector<unsigned short>& translation_glyph_ranges(Language language) {
    static const std::vector<unsigned short> kNone{0};
    return language == Language::en ? kNone : translation(language).ranges;
}

bool has_cjk(std::string_view text) {
    for (unsigned char c : text)
        if (c >= 0xE2) {  // every code point from U+2000 starts with 0xE2 or above
            for (unsigned cp : code_points(text))
                if (is_cjk(cp)) return true;
            return false;
        }
    return false;
}

}  // namespace cp::shell
