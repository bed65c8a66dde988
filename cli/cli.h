// The cp_run command line as a function, so tests can drive it in-process (natively and under node).
#pragma once

#include <string>
#include <vector>

namespace cp::cli {

// Exit codes of cp_run.
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

// Runs `cp_run args...` (args excludes the program name). Writes the result to `out` and any
// message to `err`; returns the exit code. Never throws.
int run(const std::vector<std::string>& args, std::string& out, std::string& err);

}  // namespace cp::cli
