// UI tests of exact entry: Ctrl+click and the value link open a text box; typed and pasted values get one check.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "exact_entry.h"
#include "ui_harness.h"

using cp::test::UiHarness;

namespace {

ImVec2 centre(ImVec2 min, ImVec2 max) { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }

// Puts `text` on the clipboard (ImGui's own, which the app's check wraps as it wraps SDL's) and
// presses Ctrl+V in the open text box.
void paste(UiHarness& ui, const char* text) {
    ImGui::SetClipboardText(text);
    ui.key(cp::test::kKeyV, true);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Ctrl+clicks control `name`, `x` pixels from its left end (at its centre when x < 0), and requires
// its text box to open: a slider's click must open the box, not move the slider there.
void ctrl_click_open(UiHarness& ui, const char* name, float x = -1.0f) {
    ImVec2 min, max;
    REQUIRE(ui.find(name, &min, &max));
    ui.ctrl_click(x < 0 ? centre(min, max) : ImVec2(min.x + x, (min.y + max.y) * 0.5f));
    ui.frame();
    REQUIRE(cp::shell::open_entry_field() != nullptr);
    CHECK(cp::shell::open_entry_field()->name == name);
}

// Clicks the value link above control `name` ("entry:<name>"), for readers without a Ctrl key, and
// requires its text box to open.
void click_value_link(UiHarness& ui, const std::string& name) {
    ImVec2 min, max;
    REQUIRE(ui.find("entry:" + name, &min, &max));
    ui.click(centre(min, max));
    ui.frames(2);
    REQUIRE(cp::shell::open_entry_field() != nullptr);
    CHECK(cp::shell::open_entry_field()->name == name);
}

}  // namespace

TEST_CASE("a pasted value is checked whole: not a number or out of range is refused, never clamped", "[ui][entry]") {
    UiHarness ui(1280, 800);
    ui.frames(2);
    const int lever = cp::lever_export_controls();
    const double before = ui.state().param(lever);
    // Ctrl+click at the slider's left end opens its text box and does not move the slider there.
    ctrl_click_open(ui, "export_controls", 12.0f);
    CHECK(ui.state().param(lever) == before);
    const std::string start = cp::shell::open_entry_text();
    CHECK(start == "75");

    paste(ui, "abc");
    CHECK(ui.state().param(lever) == before);
    CHECK(ui.state().message_is_error());
    CHECK(contains(ui.state().message(),
                   "\u201C"
                   "abc\u201D is not a number"));
    CHECK(cp::shell::open_entry_text() == start);

    paste(ui, "250");
    CHECK(ui.state().param(lever) == before);  // not 100%: refused, not clamped
    CHECK(contains(ui.state().message(), "250% is outside the range of Export controls, 0% to 100%"));
    CHECK(cp::shell::open_entry_text() == start);

    paste(ui, "0x10");  // strtod would read 16; the reader did not type a decimal number
    CHECK(ui.state().param(lever) == before);
    CHECK(contains(ui.state().message(), "is not a number"));

    // A valid value, as a spreadsheet or a web page copies it (blanks, the unit), is applied at once
    // and puts right the earlier refusal.
    paste(ui, " 42.5 %\n");
    CHECK(ui.state().param(lever) == Approx(0.425).margin(1e-12));
    CHECK(cp::shell::open_entry_text() == "42.5");
    CHECK(ui.state().message().empty());
    ui.key(cp::test::kKeyEnter);
    ui.frame();
    CHECK(cp::shell::open_entry_field() == nullptr);
    // One undo step for the whole entry.
    ui.key(cp::test::kKeyZ, true);
    CHECK(ui.state().param(lever) == before);
}

TEST_CASE("a typed value gets the same check as a pasted one", "[ui][entry]") {
    UiHarness ui(1280, 800);
    ui.frames(2);
    const int lever = cp::lever_cloud_denial();
    const double before = ui.state().param(lever);
    ctrl_click_open(ui, "cloud_denial");
    ui.io().AddInputCharactersUTF8("250");  // over the selected text, in one frame
    ui.frame();
    CHECK(ui.state().param(lever) == before);
    CHECK(contains(ui.state().message(), "250% is outside the range of Cloud denial"));
}

TEST_CASE("the value above a slider opens its text box, for readers without a Ctrl key", "[ui][entry]") {
    UiHarness ui(360, 2400);  // a phone's page: the canvas is as tall as the figure
    ui.frames(3);
    const double before = ui.state().param(cp::lever_privacy_law());
    click_value_link(ui, "privacy_law");
    CHECK(ui.state().param(cp::lever_privacy_law()) == before);
    ui.io().AddInputCharactersUTF8("35");
    ui.frame();
    ui.key(cp::test::kKeyEnter);
    CHECK(ui.state().param(cp::lever_privacy_law()) == Approx(0.35).margin(1e-12));
}

TEST_CASE("the advanced levers have value links too, and a pasted year is checked", "[ui][entry]") {
    UiHarness ui(1280, 3000, "v=1&s=today&view=advanced");
    ui.frames(3);
    click_value_link(ui, "rtt_abroad_ms");
    ui.key(cp::test::kKeyEscape);

    const int year = ui.state().year();
    ctrl_click_open(ui, "year");
    paste(ui, "1999");
    CHECK(ui.state().year() == year);
    CHECK(contains(ui.state().message(), "1999 is outside the range of Year shown"));
    paste(ui, "2031");
    CHECK(ui.state().year() == 2031);
}

TEST_CASE("parse_entry reads what a reader types, in the reader's units", "[ui][entry]") {
    const cp::shell::EntryField share = cp::shell::param_entry_field(cp::lever_export_controls());
    double v = -1;
    CHECK(cp::shell::parse_entry(share, "42.5", &v).empty());
    CHECK(v == Approx(0.425));
    CHECK(cp::shell::parse_entry(share, "1e1", &v).empty());
    CHECK(v == Approx(0.1));
    CHECK(cp::shell::parse_entry(share, "+100 %", &v).empty());
    CHECK(v == 1.0);
    for (const char* bad : {"", "abc", "inf", "nan", "0x10", "1,5", "5-3", "1e", ".", "--1", "12 ms"}) {
        CAPTURE(bad);
        CHECK(contains(cp::shell::parse_entry(share, bad, &v), "is not a number"));
    }
    CHECK(contains(cp::shell::parse_entry(share, "-1", &v), "-1% is outside"));
    const int rtt = cp::find_param("rtt_abroad_ms");
    REQUIRE(rtt >= 0);
    const cp::shell::EntryField ms = cp::shell::param_entry_field(rtt);
    CHECK(cp::shell::parse_entry(ms, "150 ms", &v).empty());
    CHECK(v == 150.0);
    CHECK(cp::shell::parse_entry(ms, "150MS", &v).empty());
}

TEST_CASE("entry_problem words the core's check in the reader's units", "[ui][entry][errors]") {
    const cp::shell::EntryField share = cp::shell::param_entry_field(cp::lever_export_controls());
    CHECK(cp::shell::entry_problem(share, 0.5).empty());
    CHECK(contains(cp::shell::entry_problem(share, NAN), "is not a number"));
    CHECK(contains(cp::shell::entry_problem(share, INFINITY), "is not a number"));
    CHECK(contains(cp::shell::entry_problem(share, 1.5), "150% is outside"));
    // The year is no parameter: the same check, with the run's years as bounds.
    cp::shell::EntryField year;
    year.name = "year";
    year.label = "Year shown";
    year.min = 2022;
    year.max = 2035;
    year.integer = true;
    CHECK(cp::shell::entry_problem(year, 2030).empty());
    CHECK(contains(cp::shell::entry_problem(year, 2030.5), "is not a whole number"));
    CHECK(contains(cp::shell::entry_problem(year, 2040), "2040 is outside the range of Year shown"));
}
