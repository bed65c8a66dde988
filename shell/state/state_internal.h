// Helpers the state's two files share (state.cpp, permalink.cpp): exact numbers and refusals in the reader's language.
#pragma once

#include <string>

#include "params.h"

namespace cp::shell {

// Shortest decimal text that reads back as exactly `value`, so a link reproduces the state bit for bit.
std::string round_trip_number(double value);
// A whole number written only with digits (no sign, no junk), or -1.
int parse_year(const std::string& text);
// A refused parameter value in the reader's language, worded from its kind (English: the model's words).
std::string param_refusal(const ParamError& error);
// The model's refusal of a policy year, in the reader's language.
std::string policy_year_problem(const std::string& english, int year, int end_year);

}  // namespace cp::shell
