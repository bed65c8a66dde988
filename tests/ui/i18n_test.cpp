// The Chinese edition: every string translated with the same placeholders, no missing glyph drawn, Chinese line breaks
// and numbers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "embedded_assets.h"
#include "format.h"
#include "headline.h"
#include "i18n.h"
#include "record.h"
#include "series.h"
#include "text.h"
#include "theme.h"
#include "ui_harness.h"

using cp::test::UiHarness;

// shell/platform/web_bridge.cpp: what the page calls when the reader picks a language.
extern "C" const char* cp_web_set_language(const char* code, const char* figure_json, const unsigned char* regular,
                                           int regular_size, const unsigned char* bold, int bold_size);
namespace shell = cp::shell;

namespace {

// The catalogue checks read the desktop app's compiled-in translation; the web build fetches its own.
#ifndef __EMSCRIPTEN__
// The {placeholders} and [source keys] of a text: a translation must keep exactly these.
std::multiset<std::string> tokens(const std::string& text) {
    std::multiset<std::string> out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char open = text[i];
        if (open != '{' && open != '[') continue;
        const size_t close = text.find(open == '{' ? '}' : ']', i);
        if (close == std::string::npos) continue;
        std::string inside = text.substr(i, close - i + 1);
        if (open == '{' || (inside.size() > 2 && inside[1] == 'S')) out.insert(inside);
    }
    return out;
}

std::string embedded(const char* name) {
    const cp::assets::File* file = cp::assets::find(name);
    return file ? std::string(reinterpret_cast<const char*>(file->data), file->size) : std::string();
}
#endif

// Counts the glyphs drawn with each font's fallback (a white square: a character no font had) and
// the CJK glyphs, by the texture coordinates of their quads' first corner in the atlas.
struct GlyphCount {
    int missing = 0;
    int cjk = 0;
};
GlyphCount count_drawn_glyphs() {
    std::set<std::pair<float, float>> fallback, cjk;
    for (ImFont* font : {shell::fonts().body, shell::fonts().small, shell::fonts().heading, shell::fonts().big}) {
        REQUIRE(font != nullptr);
        REQUIRE(font->FallbackGlyph != nullptr);
        REQUIRE(font->FallbackGlyph->Codepoint == shell::kMissingGlyphCodepoint);
        fallback.insert({font->FallbackGlyph->U0, font->FallbackGlyph->V0});
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Codepoint >= 0x2E80 && g.Visible) cjk.insert({g.U0, g.V0});
    }
    GlyphCount count;
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data != nullptr);
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            const std::pair<float, float> uv{v.uv.x, v.uv.y};
            if (fallback.count(uv)) ++count.missing;
            if (cjk.count(uv)) ++count.cjk;
        }
    return count;
}

}  // namespace

TEST_CASE("the Chinese catalogue translates every string of the figure and keeps its placeholders", "[i18n]") {
#ifdef __EMSCRIPTEN__
    SUCCEED("the web build fetches its translations (tests/web/i18n.test.mjs checks them there)");
#else
    const std::string text = embedded("i18n/zh-Hans.figure.json");
    REQUIRE_FALSE(text.empty());
    const nlohmann::json doc = nlohmann::json::parse(text);
    REQUIRE(doc.at("digest") == cp::txt::kKeysDigest);
    const nlohmann::json& strings = doc.at("strings");
    REQUIRE(strings.size() == static_cast<size_t>(cp::txt::kCount));
    for (int id = 0; id < cp::txt::kCount; ++id) {
        const std::string english = cp::txt::kEnglish[id];
        INFO("figure string " << id << ": \"" << english << "\"");
        REQUIRE(strings[static_cast<size_t>(id)].is_string());
        const std::string chinese = strings[static_cast<size_t>(id)].get<std::string>();
        CHECK_FALSE(chinese.empty());
        CHECK(tokens(chinese) == tokens(english));
        CHECK(chinese.find("\u25A1") == std::string::npos);
    }

    // The model's own texts, by the model's ids: every parameter, series, preset and record point.
    const nlohmann::json& extra = doc.at("extra");
    std::set<std::string> expected;
    auto expect = [&](const std::string& key, const std::string& english) {
        if (english.empty()) return;
        expected.insert(key);
        INFO(key << ": \"" << english << "\"");
        REQUIRE(extra.contains(key));
        CHECK_FALSE(extra[key].get<std::string>().empty());
        CHECK(tokens(extra[key].get<std::string>()) == tokens(english));
    };
    for (int i = 0; i < cp::param_count(); ++i) {
        const cp::ParamInfo& p = cp::param_info(i);
        const std::string base = std::string("param.") + p.key + ".";
        expect(base + "label", p.label);
        expect(base + "meaning", p.meaning);
        expect(base + "low_words", p.low_words);
        expect(base + "high_words", p.high_words);
        expect(base + "source", p.source);
    }
    for (int s = 0; s < cp::kSeriesCount; ++s)
        expect(std::string("series.") + cp::series_info(s).key + ".label", cp::series_info(s).label);
    UiHarness ui(1280, 800);
    const shell::ExplorerState& state = ui.state();
    REQUIRE(state.preset_count() >= 7);
    for (int i = 0; i < state.preset_count(); ++i) {
        expect("preset." + state.preset(i).id + ".title", state.preset(i).title);
        expect("preset." + state.preset(i).id + ".description", state.preset(i).description);
    }
    // The presets' own notes: on a value, a year of the record, a step (the model's own are above).
    const cp::Scenario built_in = cp::default_scenario();
    for (int i = 0; i < state.preset_count(); ++i) {
        const cp::Scenario& sc = state.preset(i);
        for (int p = 0; p < cp::param_count(); ++p) {
            const std::string& note = sc.source[static_cast<size_t>(p)];
            if (!note.empty() && note != cp::param_info(p).source)
                expect("preset." + sc.id + ".source." + cp::param_info(p).key, note);
        }
        for (int l = 0; l < cp::kLeverCount; ++l)
            for (int y = cp::kFirstYear; y <= cp::kMaxEndYear; ++y) {
                const size_t yi = static_cast<size_t>(y - cp::kFirstYear), li = static_cast<size_t>(l);
                const std::string lever_year =
                    std::string(cp::param_info(cp::lever_index(l)).key) + "." + std::to_string(y);
                const std::string& history = sc.history_source[li][yi];
                if (!history.empty())
                    expect(history == built_in.history_source[li][yi] ? "history." + lever_year
                                                                      : "preset." + sc.id + ".history." + lever_year,
                           history);
                expect("preset." + sc.id + ".step." + lever_year, sc.step_source[li][yi]);
            }
    }
    REQUIRE(state.record().size() >= 20);
    for (const cp::RecordPoint& p : state.record())
        expect("record." + std::string(cp::series_info(p.series).key) + "." + std::to_string(p.year) + "." +
                   std::to_string(p.nth) + ".label",
               p.label);
    // Nothing left over: a key the model no longer has is a translation nobody reads.
    for (auto it = extra.begin(); it != extra.end(); ++it) CHECK(expected.count(it.key()) == 1);
#endif
}

TEST_CASE("the figure in Chinese draws no missing glyph, on a phone and on a desktop", "[i18n]") {
#ifdef __EMSCRIPTEN__
    SUCCEED("the web build fetches its fonts; the native build checks the same atlas");
#else
    // Tall displays: every panel is laid out and drawn, none scrolled out of view.
    for (auto [width, height] : {std::pair<float, float>{360, 9000}, {1280, 4000}}) {
        INFO("width " << width);
        UiHarness ui(width, height, "v=2&lang=zh&view=advanced");
        ui.frames(4);
        REQUIRE(shell::language() == shell::Language::zh);
        REQUIRE(ui.state().permalink().find("&lang=zh") != std::string::npos);
        GlyphCount count = count_drawn_glyphs();
        CHECK(count.missing == 0);
        CHECK(count.cjk > 1000);  // it is Chinese that was drawn: over a thousand ideographs
        // Tooltips too: hover every control the frame drew (sliders, strips, step buttons).
        std::vector<ImVec2> centres;
        for (const shell::ControlRect& r : shell::control_rects())
            centres.push_back(ImVec2((r.min.x + r.max.x) * 0.5f, (r.min.y + r.max.y) * 0.5f));
        REQUIRE(centres.size() >= 6);
        const int resting = count_drawn_glyphs().cjk;
        int most = 0;
        for (const ImVec2& c : centres) {
            ui.mouse_to(c);
            ui.frame();
            INFO("hovering " << c.x << "," << c.y);
            const GlyphCount hovered = count_drawn_glyphs();
            CHECK(hovered.missing == 0);
            most = std::max(most, hovered.cjk);
        }
        CHECK(most > resting + 20);  // a Chinese tooltip was drawn
        ui.mouse_to(ImVec2(-100, -100));
        // The same after a Chinese error message and with the dark theme (other code paths).
        ui.state().apply_permalink("v=2&lang=zh&nonsense=1");
        ui.frames(2);
        count = count_drawn_glyphs();
        CHECK(count.missing == 0);
    }
    CHECK(shell::language() == shell::Language::en);  // the harness leaves English behind
#endif
}

TEST_CASE("the same figure in English draws no missing glyph either", "[i18n]") {
    UiHarness ui(1280, 4000, "v=2&view=advanced");
    ui.frames(4);
    const GlyphCount count = count_drawn_glyphs();
    CHECK(count.missing == 0);
    // Only the button that switches to Chinese ("中文"), where its font is at hand (natively; the
    // page fetches it only when a reader asks for Chinese).
    CHECK(count.cjk == (shell::cjk_fonts_available() ? 2 : 0));
}

TEST_CASE("links carry the language: lang=zh, kept by links without one, refused when unknown", "[i18n]") {
    UiHarness ui(1280, 800);
    shell::ExplorerState& state = ui.state();
    REQUIRE(state.language() == shell::Language::en);
    CHECK(state.permalink().find("lang=") == std::string::npos);  // English links stay as they were
    REQUIRE(state.apply_permalink("v=2&s=full_denial&lang=zh"));
    CHECK(state.language() == shell::Language::zh);
    CHECK(state.permalink().find("&lang=zh") != std::string::npos);
    // A "Show" link of the article names no language: the reader's stays.
    REQUIRE(state.apply_permalink("v=2&s=leaky_controls"));
    CHECK(state.language() == shell::Language::zh);
    REQUIRE(state.apply_permalink("v=2&lang=en"));
    CHECK(state.language() == shell::Language::en);
    CHECK_FALSE(state.apply_permalink("v=2&lang=fr"));
    CHECK(state.message().find("lang \"fr\"") != std::string::npos);
    CHECK(state.language() == shell::Language::en);
}

TEST_CASE("the language switch from the page rewords the published outcomes at once and not a frame later", "[i18n]") {
#ifndef __EMSCRIPTEN__
    UiHarness ui(1280, 800, "v=2&lang=zh");
    ui.frames(2);
    REQUIRE(shell::language() == shell::Language::zh);
    const auto years_text = [&] {
        const nlohmann::json outcomes = nlohmann::json::parse(shell::outcomes_json(ui.state(), ui.state().permalink()));
        return outcomes["texts"]["years_behind"].get<std::string>();
    };
    CHECK(years_text().find("\u5E74") != std::string::npos);  // 年
    // What the page calls as the reader presses "English": the page swaps its prose as this returns
    // and fills its live numbers from the outcomes published inside it (no frame in between).
    CHECK(std::string(cp_web_set_language("en", "", nullptr, 0, nullptr, 0)).empty());
    CHECK(shell::language() == shell::Language::en);
    CHECK(years_text().find("years") != std::string::npos);
    ui.frames(1);
    CHECK(shell::language() == shell::Language::en);
#else
    SUCCEED("the native build has the Chinese strings compiled in");
#endif
}

TEST_CASE("numbers are written as Chinese readers write them", "[i18n]") {
    UiHarness ui(1280, 800, "v=2&lang=zh");
    ui.frames(1);
#ifndef __EMSCRIPTEN__
    REQUIRE(shell::language() == shell::Language::zh);
    CHECK(shell::format_count(1234567) == "123\u4E07");  // 123万
    CHECK(shell::format_count(45300) == "4.5\u4E07");    // 4.5万
    CHECK(shell::format_count(950) == "950");
    CHECK(shell::format_count(7.9e10) == "790\u4EBF");                         // 790亿
    CHECK(shell::format_count(2.5e12) == "2.5\u4E07\u4EBF");                   // 2.5万亿
    CHECK(shell::format_with_unit(7.9e10, "USD") == "790\u4EBF\u7F8E\u5143");  // 790亿美元
    CHECK(shell::format_years(1.82) == "1.8 \u5E74");
    CHECK(shell::format_percent(0.19) == "19%");
    CHECK(shell::format_power_of_ten(3.6e25) == "3.6 \u00D7 10\u00B2\u2075");
    // The page's sources table and text layer, in myriads with the spacing rule.
    CHECK(shell::format_param_value(216000, "H100e/yr") ==
          "21.6 \u4E07 H100 \u7B49\u6548/\u5E74");  // 21.6 万 H100 等效/年
    CHECK(shell::format_param_range(10, 5000, "USD bn/yr") ==
          "100 \u4EBF\u81F3 5 \u4E07\u4EBF\u7F8E\u5143/\u5E74");                    // 100 亿至 5 万亿美元/年
    CHECK(shell::format_param_range(5, 500, "ms") == "5 \u81F3 500 \u6BEB\u79D2");  // 5 至 500 毫秒
    CHECK(shell::format_text_outcome(1.82, "years") == "1.8 \u5E74");
#endif
    shell::set_language(shell::Language::en);
    CHECK(shell::format_count(1234567) == "1.2M");
    CHECK(shell::format_years(1.82) == "1.8 years");
    CHECK(shell::format_with_unit(7.9e10, "USD") == "$79.0B");
}

TEST_CASE("Chinese lines break between characters, never before closing punctuation, within the width", "[i18n]") {
    UiHarness ui(1280, 800);
    ImFont* font = shell::fonts().body;
    const float size = 16.0f;
    // English is left to ImGui, unchanged.
    const std::string english = "The commodity view says a country short of chips can rent them.";
    CHECK(shell::break_lines(font, size, english, 120.0f) == english);
    // "，" (U+FF0C) and "。" (U+3002) must never start a line; widths are measured with the atlas.
    const std::string chinese =
        "\u5546\u54C1\u89C2\u8BA4\u4E3A\uFF0C\u7F3A\u5C11\u82AF\u7247\u7684\u56FD\u5BB6\u53EF\u4EE5\u79DF\u7528"
        "\u7B97\u529B\u3002 2030 \u5E74 H100 \u7B49\u6548\u7B97\u529B\u7EA6 10%\u3002";
    for (float width : {40.0f, 60.0f, 90.0f, 150.0f}) {
        INFO("width " << width);
        const std::string lines = shell::break_lines(font, size, chinese, width);
        size_t start = 0;
        std::string joined;
        while (start <= lines.size()) {
            size_t end = lines.find('\n', start);
            if (end == std::string::npos) end = lines.size();
            const std::string line = lines.substr(start, end - start);
            CHECK(line.rfind("\uFF0C", 0) != 0);
            CHECK(line.rfind("\u3002", 0) != 0);
            // A single unbreakable run ("2030") may be wider than a very narrow line; nothing else.
            if (line.find(' ') == std::string::npos && line.size() > 4)
                CHECK(font->CalcTextSizeA(size, 1e9f, 0.0f, line.c_str()).x <= width + 0.5f);
            joined += line;
            start = end + 1;
        }
        // Only spaces at a break are dropped: the text is all there.
        std::string without_spaces, joined_without_spaces;
        for (char c : chinese)
            if (c != ' ') without_spaces += c;
        for (char c : joined)
            if (c != ' ') joined_without_spaces += c;
        CHECK(joined_without_spaces == without_spaces);
        CHECK(std::count(lines.begin(), lines.end(), '\n') >= (width < 100.0f ? 2 : 1));
    }
}

TEST_CASE("refusals speak the reader's language: the model's checks in Chinese, its own words in English", "[i18n]") {
    UiHarness ui(1280, 800);
    shell::ExplorerState& state = ui.state();
    CHECK_FALSE(state.apply_permalink("v=2&export_controls=2"));
    CHECK(state.message().find("outside the allowed range") != std::string::npos);  // the model's words
#ifndef __EMSCRIPTEN__
    REQUIRE(state.apply_permalink("v=2&lang=zh"));
    ui.frames(1);
    REQUIRE(shell::language() == shell::Language::zh);
    const auto chinese = [](const std::string& text) {
        return text.find("\xE8\xB6\x85\xE5\x87\xBA") != std::string::npos;
    };
    CHECK_FALSE(state.apply_permalink("v=2&lang=zh&export_controls=2"));
    CHECK(chinese(state.message()));  // 超出 (outside)
    CHECK(state.message().find("outside") == std::string::npos);
    CHECK_FALSE(state.apply_permalink("v=2&lang=zh&policy_year=1990"));
    CHECK(chinese(state.message()));
    CHECK(cp::test::send_host_message(state, R"({"steps": [{"lever": "cloud_denial", "year": 2028, "value": 3}]})") ==
          "refused");
    CHECK(chinese(state.message()));
    CHECK_FALSE(state.apply_permalink("v=2&lang=zh&privacy_law=abc"));
    CHECK(state.message().find("\xE6\x95\xB0\xE5\xAD\x97") != std::string::npos);  // 数字 (a number)
#endif
}

TEST_CASE("a refused value is worded from its kind: Chinese never re-reads the English", "[i18n][errors]") {
    UiHarness ui(1280, 800);
    shell::ExplorerState& state = ui.state();
    // English is the model's words, byte for byte.
    CHECK_FALSE(state.apply_permalink("v=2&export_controls=2"));
    CHECK(state.message().find("parameter 'export_controls' = 2 is outside the allowed range [0, 1] share") !=
          std::string::npos);
#ifndef __EMSCRIPTEN__
    REQUIRE(state.apply_permalink("v=2&lang=zh"));
    ui.frames(1);
    REQUIRE(shell::language() == shell::Language::zh);
    const auto says = [&](const std::string& part) { return state.message().find(part) != std::string::npos; };
    const std::string not_number = "\xE6\x95\xB0\xE5\xAD\x97";  // 数字 (a number)
    const std::string outside = "\xE8\xB6\x85\xE5\x87\xBA";     // 超出 (outside)
    // Parsed as infinity or NaN, typed as text: not a number, with the text as the reader wrote it.
    for (const char* text : {"1e999", "nan", "inf"}) {
        INFO(text);
        CHECK_FALSE(state.apply_permalink(std::string("v=2&lang=zh&export_controls=") + text));
        CHECK(says(not_number));
        CHECK(says(text));
        CHECK_FALSE(says("finite"));
    }
    CHECK_FALSE(state.apply_permalink("v=2&lang=zh&export_controls=2"));
    CHECK(says(outside));
    CHECK(says("[0, 1]"));
    CHECK(says("= 2 "));
    // Host messages and steps go through the same wording.
    CHECK(cp::test::send_host_message(state, R"({"params": {"cloud_denial": -1}})") == "refused");
    CHECK(says(outside));
    CHECK_FALSE(state.apply_permalink("v=2&lang=zh&cloud_denial@2028=nan"));
    CHECK(says(not_number));
    CHECK(says("nan"));
    CHECK(cp::test::send_host_message(state, R"({"steps": [{"lever": "cloud_denial", "year": 2028, "value": 1.5}]})") ==
          "refused");
    CHECK(says(outside));
    CHECK(says("1.5"));
    // A number the figure sets (not text): its exact value is what the message shows.
    const double before = state.param(cp::lever_export_controls());
    CHECK_FALSE(state.set_param(cp::lever_export_controls(), 1.25));
    CHECK(says(outside));
    CHECK(says("1.25"));
    CHECK_FALSE(state.add_step(0, 2028, -0.5));
    CHECK(says(outside));
    CHECK(state.param(cp::lever_export_controls()) == before);
#endif
}
