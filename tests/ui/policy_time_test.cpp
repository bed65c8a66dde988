// Levers over time in the figure: the policy year and steps through the UI, undo, time charts, v=2 links and their
// refusals.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "charts.h"
#include "headline.h"
#include "ui_harness.h"

using cp::test::UiHarness;

extern "C" const char* cp_web_nav_rect();  // shell/platform/web_bridge.cpp: the control the keyboard is on

namespace {

constexpr int kCloud = 1;  // cloud_denial's lever number
constexpr int kKeySpace = 44;

double years_behind_2030(UiHarness& ui) { return ui.state().results().run.at(cp::r_years_behind, 2030); }

ImVec2 centre(UiHarness& ui, const std::string& name) {
    ImVec2 min, max;
    if (!ui.find(name, &min, &max)) FAIL("no control " << name << " in the last frame");
    return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
}

void click(UiHarness& ui, const std::string& name) {
    ui.click(centre(ui, name));
    ui.frame();
}

// Ctrl+click turns an ImGui slider into a text field: type `text` over its value and press Enter.
void type_into(UiHarness& ui, const std::string& name, const std::string& text) {
    const ImVec2 at = centre(ui, name);
    ui.mouse_to(at);
    ui.io().KeyCtrl = true;
    ui.mouse_down();
    ui.mouse_up();
    ui.io().KeyCtrl = false;
    ui.frame();
    INFO("typing into " << name);
    REQUIRE(ui.io().WantTextInput);
    ui.key(cp::test::kKeyA, true);
    for (char c : text) ui.io().AddInputCharacter(static_cast<unsigned>(c));
    ui.frame();
    ui.key(cp::test::kKeyEnter);
    ui.frames(2);
}

const cp::shell::ChartMark* mark(const std::string& name) {
    for (const cp::shell::ChartMark& m : cp::shell::chart_marks())
        if (m.name == name) return &m;
    return nullptr;
}

// Policy year, steps and parameters of the figure, to compare a state before and after something.
struct Plan {
    std::string link;
    cp::Params params;
    cp::Scenario scenario;
};
Plan plan_of(cp::shell::ExplorerState& state) { return {state.permalink(), state.params(), state.scenario()}; }
void require_same(const Plan& a, cp::shell::ExplorerState& state) {
    CHECK(state.permalink() == a.link);
    CHECK(state.params() == a.params);
    CHECK(cp::shell::same_lever_plan(state.scenario(), a.scenario));
}

}  // namespace

TEST_CASE("the policy-year slider moves where the reader's values start, recomputes, and one drag is one undo step",
          "[ui][time]") {
    UiHarness ui(1280, 800);
    // The reader's export controls differ from the record's (75% in 2026), so moving the policy year
    // past 2030 changes 2030.
    REQUIRE(ui.state().set_param(cp::lever_export_controls(), 1.0));
    ui.frames(2);
    REQUIRE(ui.state().scenario().policy_year == 2026);
    const double before = years_behind_2030(ui);
    ImVec2 min, max;
    REQUIRE(ui.find("policy_year", &min, &max));
    const float y = (min.y + max.y) * 0.5f;
    // A drag across several years, ending at the right end (2035).
    ui.drag(ImVec2(min.x + (max.x - min.x) * 0.3f, y), ImVec2(max.x + 40.0f, y), 8);
    ui.frame();
    CHECK(ui.state().scenario().policy_year == 2035);
    // 2026-2030 now follow the record (controls 75% from 2026, not the reader's 100%): 2030 changes.
    CHECK(years_behind_2030(ui) != before);
    CHECK(ui.state().changed_from_start());
    ui.key(cp::test::kKeyZ, true);
    CHECK(ui.state().scenario().policy_year == 2026);
    CHECK(years_behind_2030(ui) == before);
    ui.key(cp::test::kKeyZ, true, true);
    CHECK(ui.state().scenario().policy_year == 2035);
}

TEST_CASE("a step added with + step and Add raises the gap after its year, and undo takes it back", "[ui][time]") {
    UiHarness ui(1280, 800);
    ui.frames(2);
    const double before = years_behind_2030(ui);
    const double run_2027 = ui.state().results().run.at(cp::r_largest_training_run_flop, 2027);
    ImVec2 min, max;
    CHECK_FALSE(ui.find("step_add:cloud_denial", &min, &max));  // the editor opens on demand
    click(ui, "add_step:cloud_denial");
    REQUIRE(ui.find("step_year:cloud_denial", &min, &max));
    REQUIRE(ui.find("step_value:cloud_denial", &min, &max));
    // The editor starts two years after the policy year, at the other end of the lever: 100% from 2028.
    click(ui, "step_add:cloud_denial");
    const cp::LeverSchedule& steps = ui.state().scenario().steps[kCloud];
    REQUIRE(steps.find(2028) >= 0);
    CHECK(steps.step[static_cast<size_t>(steps.find(2028))].value == 1.0);
    CHECK_FALSE(ui.state().message_is_error());
    CHECK(ui.find("step:cloud_denial:2028", &min, &max));
    CHECK_FALSE(ui.find("step_add:cloud_denial", &min, &max));  // closed after adding
    CHECK(years_behind_2030(ui) > before);
    // Nothing before the step's year moves.
    CHECK(ui.state().results().run.at(cp::r_largest_training_run_flop, 2027) == run_2027);
    CHECK(ui.state().permalink().find("cloud_denial@2028=1") != std::string::npos);

    ui.key(cp::test::kKeyZ, true);
    CHECK(ui.state().scenario().steps[kCloud].count == 0);
    CHECK(years_behind_2030(ui) == before);
    CHECK_FALSE(ui.find("step:cloud_denial:2028", &min, &max));
}

TEST_CASE("a preset's step shows as a chip, pressing the chip removes it, undo restores it", "[ui][time]") {
    UiHarness ui(1280, 800, "v=2&s=cloud_cutoff_2028");
    ui.frames(2);
    REQUIRE(ui.state().scenario().id == "cloud_cutoff_2028");
    const double with_step = years_behind_2030(ui);
    ImVec2 min, max;
    REQUIRE(ui.find("step:cloud_denial:2028", &min, &max));
    click(ui, "step:cloud_denial:2028");
    CHECK(ui.state().scenario().steps[kCloud].find(2028) < 0);
    CHECK(years_behind_2030(ui) < with_step);
    CHECK(ui.state().permalink() == "v=2&s=cloud_cutoff_2028&cloud_denial@2028=off");
    ui.key(cp::test::kKeyZ, true);
    CHECK(ui.state().scenario().steps[kCloud].find(2028) >= 0);
    CHECK(years_behind_2030(ui) == with_step);
    CHECK(ui.find("step:cloud_denial:2028", &min, &max));
    // Reset goes back to the preset's steps too.
    click(ui, "step:cloud_denial:2028");
    REQUIRE(ui.state().changed_from_start());
    ui.state().reset_to_preset();
    ui.frame();
    CHECK(ui.state().scenario().steps[kCloud].find(2028) >= 0);
    CHECK_FALSE(ui.state().changed_from_start());
}

TEST_CASE("bad steps and policy years typed into the UI are refused with a message naming the problem", "[ui][time]") {
    UiHarness ui(1280, 800, "v=2&s=cloud_cutoff_2028");
    ui.frames(2);
    const Plan before = plan_of(ui.state());
    const double gap = years_behind_2030(ui);

    // A second step in 2028, where the preset already has one.
    click(ui, "add_step:cloud_denial");
    type_into(ui, "step_year:cloud_denial", "2028");
    click(ui, "step_add:cloud_denial");
    CHECK(ui.state().message_is_error());
    CHECK(ui.state().message().find("already has a step in 2028") != std::string::npos);
    require_same(before, ui.state());

    // A year after the run.
    type_into(ui, "step_year:cloud_denial", "2040");
    click(ui, "step_add:cloud_denial");
    CHECK(ui.state().message().find("2040") != std::string::npos);
    CHECK(ui.state().message().find("2035") != std::string::npos);
    require_same(before, ui.state());

    // A value out of range (150%).
    type_into(ui, "step_year:cloud_denial", "2030");
    type_into(ui, "step_value:cloud_denial", "150");
    click(ui, "step_add:cloud_denial");
    CHECK(ui.state().message().find("cloud_denial") != std::string::npos);
    CHECK(ui.state().message().find("[0, 1]") != std::string::npos);
    require_same(before, ui.state());

    // Cancel closes the editor.
    click(ui, "step_cancel:cloud_denial");
    ImVec2 min, max;
    CHECK_FALSE(ui.find("step_add:cloud_denial", &min, &max));

    // A policy year past the end.
    type_into(ui, "policy_year", "2036");
    CHECK(ui.state().message_is_error());
    CHECK(ui.state().message().find("2036") != std::string::npos);
    require_same(before, ui.state());
    CHECK(years_behind_2030(ui) == gap);

    // A good step still works after all that.
    REQUIRE(ui.state().add_step(0, 2030, 1.0));
    CHECK(ui.state().permalink() == "v=2&s=cloud_cutoff_2028&export_controls@2030=1");
}

TEST_CASE("keyboard only: the arrow keys reach + step, Space opens the editor and adds the step",
          "[ui][time][keyboard]") {
    UiHarness ui(1280, 800);
    ui.frames(2);
    // Tab enters the figure at the first lever (a text field for exact entry); Escape leaves the field
    // and keeps the keyboard on the slider; from there the arrow keys move between controls.
    ui.key(cp::test::kKeyTab);
    ui.key(cp::test::kKeyEscape);
    ui.frame();
    REQUIRE_FALSE(ui.io().WantTextInput);
    auto on = [&ui](const std::string& name) {
        ImVec2 min, max;
        if (!ui.find(name, &min, &max)) return false;
        const std::string rect = cp_web_nav_rect();
        const size_t x = rect.find("\"x\":"), y = rect.find("\"y\":");
        if (x == std::string::npos || y == std::string::npos) return false;
        const float nx = std::strtof(rect.c_str() + x + 4, nullptr), ny = std::strtof(rect.c_str() + y + 4, nullptr);
        return nx >= min.x - 4 && nx <= max.x && ny >= min.y - 4 && ny <= max.y;
    };
    // Down until the keyboard is on `name`, at most `most` presses. Each key then a frame: the window
    // scrolls to follow the keyboard, and rects settle a frame later.
    const auto down_to = [&](const char* name, int most) {
        for (int presses = 0; !on(name) && presses < most; ++presses) {
            ui.key(cp::test::kKeyDown);
            ui.frame();
        }
        return on(name);
    };
    REQUIRE(down_to("add_step:export_controls", 12));
    ui.key(kKeySpace);
    ui.frame();
    ImVec2 min, max;
    REQUIRE(ui.find("step_add:export_controls", &min, &max));
    REQUIRE(down_to("step_add:export_controls", 6));
    ui.key(kKeySpace);
    ui.frame();
    const cp::LeverSchedule& steps = ui.state().scenario().steps[0];
    REQUIRE(steps.find(2028) >= 0);
    // Export controls are above 50% from 2026, so the editor offered the other end: none from 2028.
    CHECK(steps.step[static_cast<size_t>(steps.find(2028))].value == 0.0);
    CHECK(ui.find("step:export_controls:2028", &min, &max));
}

TEST_CASE("time charts shade the history and mark the policy year with a labelled line that follows it",
          "[ui][time][charts]") {
    UiHarness ui(1280, 800);
    ui.frames(3);
    const cp::shell::ChartMark* line = mark("policy_year:training_run");
    REQUIRE(line != nullptr);
    CHECK(line->year == 2026);
    REQUIRE(mark("policy_year:usable_compute") != nullptr);
    const float x_2026 = line->min.x;
    CHECK(line->max.y - line->min.y > 100.0f);  // the line spans the plot
    CHECK(line->max.x - line->min.x > 60.0f);   // and carries its label
    REQUIRE(ui.state().set_policy_year(2030));
    ui.frames(2);
    line = mark("policy_year:training_run");
    REQUIRE(line != nullptr);
    CHECK(line->year == 2030);
    // Four of the chart's thirteen year intervals further right.
    const cp::shell::ChartMark* other = mark("policy_year:usable_compute");
    REQUIRE(other != nullptr);
    CHECK(line->min.x > x_2026 + 60.0f);
}

TEST_CASE("v=2 links carry the policy year and steps and round-trip them exactly", "[ui][time][links]") {
    UiHarness a(1280, 800, "v=2&s=cloud_cutoff_2028");
    a.frames(2);
    REQUIRE(a.state().set_policy_year(2027));
    REQUIRE(a.state().remove_step(kCloud, 2028));
    REQUIRE(a.state().add_step(kCloud, 2031, 0.875));
    REQUIRE(a.state().add_step(0, 2029, 1.0));
    REQUIRE(a.state().set_param(cp::lever_privacy_law(), 0.9));
    a.state().set_year(2032);
    a.frame();
    const std::string link = a.state().permalink();
    CHECK(link ==
          "v=2&s=cloud_cutoff_2028&policy_year=2027&privacy_law=0.9&export_controls@2029=1&cloud_denial@2028=off&"
          "cloud_denial@2031=0.875&year=2032");
    UiHarness b(1280, 800, link);
    b.frames(2);
    CHECK_FALSE(b.state().message_is_error());
    CHECK(b.state().params() == a.state().params());
    CHECK(cp::shell::same_lever_plan(b.state().scenario(), a.state().scenario()));
    CHECK(b.state().permalink() == link);
    for (int s = 0; s < cp::kSeriesCount; ++s)
        for (int y = 2022; y <= 2035; ++y) CHECK(b.state().results().run.at(s, y) == a.state().results().run.at(s, y));
    // The scenario file the reader can download holds them too, and loads back the same.
    const cp::LoadResult saved = cp::parse_scenario(b.state().scenario_json());
    REQUIRE(saved.ok);
    CHECK(cp::shell::same_lever_plan(saved.scenario, b.state().scenario()));
    // The page's text layer says it in words, and host pages get it as data.
    const std::string json = cp::shell::outcomes_json(b.state().scenario(), b.state().params(), b.state().results().run,
                                                      b.state().year(), link);
    CHECK(json.find("\"policy_year\":2027") != std::string::npos);
    CHECK(json.find("\"cloud_denial\":[{\"year\":2031,\"value\":0.875}]") != std::string::npos);
    CHECK(json.find("Cloud denial 88% from 2031") != std::string::npos);
}

TEST_CASE("v=1 links made before v=2 open the same state as before", "[ui][time][links]") {
    // From the README, the browser tests and the article's buttons (index.html), as saved today.
    const std::vector<std::string> links = {
        "v=1&s=today&export_controls=0.8&cloud_denial=0.5&year=2031&view=dark_advanced",
        "v=1&s=cloud_loophole&export_controls=0.8&year=2031&view=dark_advanced",
        "v=1&s=cloud_loophole&view=advanced",
        "v=1&s=leaky_controls",
        "v=1&s=data_localisation",
        "v=1&s=cloud_loophole&rtt_abroad_ms=150&view=advanced",
        "v=1&s=cloud_loophole&conflict_probability=0.2&view=advanced",
        "v=1&s=today&foreign_model_barrier=1&view=advanced",
        "v=1&s=oil_world",
        "v=1&s=today",
        "v=1&s=today&export_controls=0.3",
        "v=1&s=today&export_controls=0.5",
        "v=1&s=full_denial",
        "v=1&s=leaky_controls&year=2033",
        "v=1&s=today&export_controls=1",
        "v=1&s=cloud_cutoff_2028",
        "v=1&s=oil_world&export_controls=0.5",  // oil_world's policy year is 2022: still from 2022
    };
    UiHarness ui(1280, 800);
    ui.frames(1);
    for (const std::string& link : links) {
        CAPTURE(link);
        REQUIRE(ui.state().apply_permalink(link));
        ui.frame();
        // What v=1 meant: the preset, these parameter values from the preset's own policy year, its steps.
        const size_t s = link.find("s=") + 2;
        const std::string id = link.substr(s, link.find('&', s) - s);
        const cp::Scenario& preset = ui.state().preset(ui.state().find_preset(id));
        cp::Params expected = preset.params;
        size_t at = link.find('&', s);
        while (at != std::string::npos) {
            const size_t next = link.find('&', at + 1);
            const std::string pair = link.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
            if (pair.rfind("year=", 0) != 0 && pair.rfind("view=", 0) != 0)
                REQUIRE(cp::apply_assignment(expected, pair).empty());
            at = next;
        }
        CHECK(ui.state().params() == expected);
        CHECK(cp::shell::same_lever_plan(ui.state().scenario(), preset));
        cp::Run direct;
        cp::simulate(preset, expected, direct);
        CHECK(ui.state().results().run.at(cp::r_years_behind, 2030) == direct.at(cp::r_years_behind, 2030));
        // And the link the figure makes now says the same in v=2.
        CHECK(ui.state().permalink() == "v=2" + link.substr(3));
    }
    // A v=1 link cannot use what came with v=2: it would give an old link a meaning it never had.
    for (const char* bad : {"v=1&policy_year=2027", "v=1&s=today&cloud_denial@2028=1"}) {
        CAPTURE(bad);
        const Plan before = plan_of(ui.state());
        CHECK_FALSE(ui.state().apply_permalink(bad));
        CHECK(ui.state().message().find("not part of v=1 links") != std::string::npos);
        require_same(before, ui.state());
    }
}

TEST_CASE("bad v=2 links are refused with a message naming the problem, and the figure keeps its state",
          "[ui][time][links]") {
    struct Case {
        const char* link;
        const char* says;
    };
    const Case cases[] = {
        {"v=2&s=today&cloud_denial@2040=1", "outside the run"},
        {"v=2&s=today&cloud_denial@2019=1", "outside the run"},
        {"v=2&s=today&cloud_denial@2028=1&cloud_denial@2028=0.5", "two steps for cloud_denial in 2028"},
        {"v=2&s=today&cloud_denial@2028=1.5", "allowed range"},
        {"v=2&s=today&cloud_denial@2028=nan", "cloud_denial"},
        {"v=2&s=today&policy_year=2036", "policy year 2036"},
        {"v=2&s=today&policy_year=2021", "policy year 2021"},
        {"v=2&s=today&policy_year=20x6", "policy_year"},
        {"v=2&s=today&utilisation@2028=0.5", "only export_controls, cloud_denial, privacy_law take steps"},
        {"v=2&s=today&cloud_denial@2028=off", "no step in 2028 to remove"},
        {"v=2&s=today&cloud_denial@=1", "outside the run"},
        {"v=3&s=today", "newer version"},
    };
    UiHarness ui(1280, 800, "v=2&s=cloud_cutoff_2028&policy_year=2027&export_controls=0.5&privacy_law@2030=0.9");
    ui.frames(2);
    REQUIRE_FALSE(ui.state().message_is_error());
    const Plan before = plan_of(ui.state());
    const double gap = years_behind_2030(ui);
    for (const Case& c : cases) {
        CAPTURE(c.link);
        CHECK_FALSE(ui.state().apply_permalink(c.link));
        ui.frame();
        CHECK(ui.state().message_is_error());
        CHECK(ui.state().message().find(c.says) != std::string::npos);
        CHECK(ui.state().message().find("keeps its settings") != std::string::npos);
        require_same(before, ui.state());
        CHECK(years_behind_2030(ui) == gap);
    }
}

TEST_CASE("host-page messages: steps and the policy year all-or-nothing, one undo step", "[ui][time][embed]") {
    UiHarness ui(1280, 800);
    ui.frames(2);
    const double before = years_behind_2030(ui);
    const auto send = [&](const std::string& json) { return cp::test::send_host_message(ui.state(), json); };
    REQUIRE(send(R"({"type": "compute-poverty:set", "policy_year": 2027, "params": {"export_controls": 0.7},
                     "steps": [{"lever": "cloud_denial", "year": 2028, "value": 1}]})") == "");
    ui.frame();
    CHECK(ui.state().scenario().policy_year == 2027);
    CHECK(ui.state().params()[cp::lever_index(0)] == 0.7);
    CHECK(ui.state().scenario().steps[kCloud].find(2028) >= 0);
    CHECK(ui.state().scenario().step_source[kCloud][2028 - cp::kFirstYear] == "set as cloud_denial@2028=1");
    CHECK(years_behind_2030(ui) != before);
    // A step in a year that has one replaces it; null removes one.
    REQUIRE(send(R"({"steps": [{"lever": "cloud_denial", "year": 2028, "value": 0.5}]})") == "");
    REQUIRE(send(R"({"steps": [{"lever": "cloud_denial", "year": 2028, "value": null}]})") == "");
    CHECK(ui.state().scenario().steps[kCloud].count == 0);
    ui.state().undo();
    ui.state().undo();
    ui.frame();
    CHECK(ui.state().scenario().steps[kCloud].step[0].value == 1.0);
    const Plan good = plan_of(ui.state());
    const std::pair<const char*, const char*> refused[] = {
        {R"({"steps": [{"lever": "cloud_denial", "year": 2029, "value": 1},
                       {"lever": "cloud_denial", "year": 2029, "value": 0}]})",
         "two steps for cloud_denial in 2029"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 2041, "value": 1}]})", "cloud_denial@2041 is outside the run"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 12000, "value": 1}]})", "outside the run"},
        {R"({"policy_year": 2036})", "policy year 2036"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 2030, "value": null}]})", "no step in 2030"},
        {R"({"params": {"export_controls": 0.2, "privacy_law": 2}})", "'privacy_law' = 2 is outside"},
        {R"({"params": {"export_controls": 1e308}})", "= 1e+308 is outside"},
    };
    for (const auto& [message, says] : refused) {
        CAPTURE(message);
        CHECK(send(message) == "refused");
        CHECK(ui.state().message().find("could not be made") != std::string::npos);
        CHECK(ui.state().message().find(says) != std::string::npos);
        require_same(good, ui.state());
    }
}

TEST_CASE("host-page messages of the wrong shape are ignored before anything is checked", "[ui][embed]") {
    using cp::shell::read_host_message;
    // What a well-formed message says, in types.
    const cp::shell::HostMessage read = read_host_message(
        R"({"type": "compute-poverty:set", "params": {"privacy_law": 0.25}, "policy_year": 2027.0,
            "steps": [{"lever": "export_controls", "year": 2029, "value": 0.5}, {"lever": "privacy_law", "year": 2030, "value": null}]})");
    REQUIRE(read.ignored.empty());
    REQUIRE(read.changes.params.size() == 1);
    CHECK(read.changes.params[0].index == cp::lever_index(2));
    CHECK(read.changes.params[0].value.number == 0.25);
    CHECK(read.changes.params[0].value.text.empty());
    CHECK(read.changes.policy_year == 2027);
    REQUIRE(read.changes.steps.size() == 2);
    CHECK(read.changes.steps[0].lever == 0);
    CHECK(read.changes.steps[0].year == 2029);
    CHECK(read.changes.steps[0].value->number == 0.5);
    CHECK(read.changes.steps[1].lever == 2);
    CHECK_FALSE(read.changes.steps[1].value);
    // Each of these is wrong in one way (web/embed.js hands over what the host sent, as JSON).
    std::string too_many = R"({"params": {)";
    for (int i = 0; i <= cp::shell::kMaxMessageEntries; ++i)
        too_many += std::string(i ? "," : "") + "\"" + cp::param_info(i % cp::param_count()).key + "\":0";
    const std::pair<std::string, const char*> wrong[] = {
        {"", "not JSON"},
        {R"("compute-poverty:set")", "not a message object"},
        {R"({"type": "compute-poverty:SET", "params": {"export_controls": 0.1}})", "not a compute-poverty:set"},
        {R"({"params": {"export_controls": 0.1}, "extra": 1})", "unexpected fields"},
        {R"({"params": {"export_controls": null}})", "not a finite number"},  // NaN and Infinity in JSON
        {R"({"params": {"export_controls": "0.1"}})", "not a finite number"},
        {R"({"params": {"export_controls": true}})", "not a finite number"},
        {R"({"params": {"nonsense": 1}})", "unknown parameter"},
        {R"({"params": {"__proto__": 1}})", "unknown parameter"},
        {R"({"params": [0.1]})", "not an object"},
        {R"({"params": {}})", "1 to 64 entries"},
        {R"({"params": {"export_controls": 1e999}})", ""},  // infinite: not JSON or not finite, either way ignored
        {R"({"steps": "cloud_denial@2028=1"})", "list of 1 to 64"},
        {R"({"steps": []})", "list of 1 to 64"},
        {R"({"steps": [{"lever": "utilisation", "year": 2028, "value": 1}]})", "steps are for"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 2028.5, "value": 1}]})", "not a whole number"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 1e300, "value": 1}]})", "not a whole number"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 2028, "value": "1"}]})", "neither a finite number nor null"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 2028, "value": 1, "source": "x"}]})", "{lever, year, value}"},
        {R"({"steps": [{"lever": "cloud_denial", "year": 2028}]})", "{lever, year, value}"},
        {R"({"policy_year": "2027"})", "policy_year is not a whole number"},
        {R"({"policy_year": 2027.5})", "policy_year is not a whole number"},
        {R"({"type": "compute-poverty:set"})", "nothing to set"},
        {R"({})", "nothing to set"},
        {too_many + "}}", "1 to 64 entries"},
    };
    for (const auto& [json, why] : wrong) {
        CAPTURE(json);
        const cp::shell::HostMessage message = read_host_message(json);
        CHECK_FALSE(message.ignored.empty());
        CHECK(message.ignored.find(why) != std::string::npos);
        CHECK(message.changes.params.empty());
        CHECK(message.changes.steps.empty());
        CHECK_FALSE(message.changes.policy_year);
    }
}
