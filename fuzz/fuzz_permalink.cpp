// Fuzz target: the URL-hash (permalink) decoder, which reads whatever a link or a host page puts
// after '#'. A refused hash changes nothing and says why; an accepted one re-encodes to a link that
// restores exactly the same state, policy year and steps included. The same bytes as a host page's
// message (read_host_message, then apply_changes, the path links share): ignored or refused, it
// changes nothing either.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "host_message.h"
#include "state.h"

namespace {

using cp::shell::ExplorerState;

// The built-in presets, read from the source tree as the app embeds them.
std::vector<std::pair<std::string, std::string>> read_presets() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : std::filesystem::directory_iterator(CP_SCENARIO_DIR)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files.emplace_back(entry.path().filename().string(), text.str());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::unique_ptr<ExplorerState> make_state() {
    static const auto presets = read_presets();
    auto state = std::make_unique<ExplorerState>();
    state->init(presets);
    FUZZ_REQUIRE(state->load_errors().empty() && state->preset_count() > 0);
    return state;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // One state per process, reset to the default preset between inputs (building one costs more
    // than the decoding under test).
    static std::unique_ptr<ExplorerState> state = make_state();
    static std::unique_ptr<ExplorerState> reader = make_state();
    state->select_preset(state->find_preset("today"));
    state->forget_history();

    const std::string_view hash(reinterpret_cast<const char*>(data), size);
    const cp::Params params_before = state->params();
    const cp::Scenario scenario_before = state->scenario();
    const int year_before = state->year();
    const std::string link_before = state->permalink();
    // The same bytes as a host page's message on the default state: refused whole or applied, never half.
    const cp::shell::HostMessage message = cp::shell::read_host_message(hash);
    if (!message.ignored.empty()) {
        FUZZ_REQUIRE(message.changes.params.empty() && message.changes.steps.empty() && !message.changes.policy_year);
    } else if (!state->apply_changes(message.changes)) {
        FUZZ_REQUIRE(state->message_is_error() && !state->message().empty());
        FUZZ_REQUIRE(state->params() == params_before && state->year() == year_before);
        FUZZ_REQUIRE(cp::shell::same_lever_plan(state->scenario(), scenario_before));
        FUZZ_REQUIRE(state->permalink() == link_before);
    }
    state->select_preset(state->find_preset("today"));
    state->forget_history();
    if (!state->apply_permalink(hash)) {
        FUZZ_REQUIRE(state->message_is_error() && !state->message().empty());
        FUZZ_REQUIRE(state->params() == params_before && state->year() == year_before);
        FUZZ_REQUIRE(cp::shell::same_lever_plan(state->scenario(), scenario_before));
        FUZZ_REQUIRE(state->permalink() == link_before);
        return 0;
    }
    // The link this state makes must bring a fresh page to the same state, and say it the same way.
    const std::string link = state->permalink();
    FUZZ_REQUIRE(reader->apply_permalink(link));
    FUZZ_REQUIRE(reader->params() == state->params());
    FUZZ_REQUIRE(cp::shell::same_lever_plan(reader->scenario(), state->scenario()));
    FUZZ_REQUIRE(reader->preset_index() == state->preset_index());
    FUZZ_REQUIRE(reader->year() == state->year());
    FUZZ_REQUIRE(reader->view() == state->view());
    FUZZ_REQUIRE(reader->permalink() == link);
    reader->forget_history();
    return 0;
}
