// Fuzz target: "KEY=VALUE" assignments (cp_run --set, permalink values). A refusal leaves every
// parameter untouched; an acceptance changes exactly the named one, to a value inside its range.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const cp::Params before = cp::default_params();
    cp::Params params = before;
    const std::string problem = cp::apply_assignment(params, text);
    if (!problem.empty()) {
        FUZZ_REQUIRE(params == before);
        return 0;
    }
    const size_t eq = text.find('=');
    FUZZ_REQUIRE(eq != std::string_view::npos);
    const int index = cp::find_param(text.substr(0, eq));
    FUZZ_REQUIRE(index >= 0);
    FUZZ_REQUIRE(cp::check_param_value(index, params[index]).empty());
    for (int i = 0; i < cp::param_count(); ++i)
        if (i != index) FUZZ_REQUIRE(params[i] == before[i]);
    return 0;
}
