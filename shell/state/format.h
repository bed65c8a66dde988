// Numbers for people, in the reader's language: shares, years, H100e counts and FLOP as powers of ten.
#pragma once

#include <string>

namespace cp::shell {

// 0.083 -> "8%", 0.0042 -> "0.4%", 1 -> "100%".
std::string format_percent(double share);
// 2.14 -> "2.1 years", 1.0 -> "1 year", 0 -> "0 years".
std::string format_years(double years);
// 6.55 -> "7 months", 1 -> "1 month", 0.4 -> "0 months".
std::string format_months(double months);
// 3.6e25 -> "3.6 × 10²⁵" (UTF-8 superscripts); `digits` significant digits.
std::string format_power_of_ten(double value, int digits = 2);
// 1234567 -> "1.2M", 45300 -> "45k", 950 -> "950"; in Chinese 123万, 4.5万, 950 (myriads: 万, 亿, 万亿).
std::string format_count(double value);
// Any value with its unit as the core names it ("share", "years", "FLOP", "H100e", "USD", ...).
std::string format_with_unit(double value, const char* unit);
// A number already written, with its unit in the reader's language: "$79bn" / "790亿美元", "12k H100e" /
// "1.2万 H100 等效". Units the catalogue does not translate (GW, FLOP, ...) follow after a space.
std::string with_unit(const std::string& number, const char* unit);
// A parameter's or series' unit ("x/yr", "days", "USD bn/yr", "H100e", ...) as the reader's language
// writes it; the unit itself when the catalogue has no word for it (FLOP, GW).
const char* unit_text(const char* unit);
// Exact-ish value for hover read-outs: 4 significant digits, plus the unit.
std::string format_exact(double value, const char* unit);
// Tick label on a log axis at 10^exponent: "10²⁵".
std::string format_decade(int exponent);

}  // namespace cp::shell
