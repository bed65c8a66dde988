// Numbers for people, in the reader's language: shares, years, H100e counts and FLOP as powers of ten.
#pragma once

#include <string>

namespace cp::shell {

// Where a number is read. The figure draws exponents as superscripts (10²⁵); the page's text (the
// text layer screen readers hear, the sources table, host pages) writes them with a caret (10^25),
// which every font and screen reader has.
enum class Notation { canvas, text };

// 0.083 -> "8%", 0.0042 -> "0.4%", 1 -> "100%".
std::string format_percent(double share);
// 2.14 -> "2.1 years", 1.0 -> "1 year", 0 -> "0 years".
std::string format_years(double years);
// 6.55 -> "7 months", 1 -> "1 month", 0.4 -> "0 months".
std::string format_months(double months);
// 3.6e25 -> "3.6 × 10²⁵" (UTF-8 superscripts), or "3.6 × 10^25" as text; `digits` significant digits.
std::string format_power_of_ten(double value, int digits = 2, Notation notation = Notation::canvas);
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
// Tick label on a log axis at 10^exponent: "10²⁵" ("10^25" as text).
std::string format_decade(int exponent, Notation notation = Notation::canvas);

// The page's numbers, which the page takes from the app as they are. They keep the page's own
// rounding, which spells numbers out more than the figure's 12k / 1.2万 does.

// Any number in the text layer: 3.6e25 -> "3.6 × 10^25", 91515 -> "91,515", 19.27 -> "19.3",
// 0.432 -> "0.43" (two significant digits under 10); the same in every language.
std::string format_text_number(double value);
// An outcome's value in the text layer by its unit: a share as "8.7%" or "16%", "2 years" /
// "2 年", "5 months"; other units as a bare number (the label names the unit).
std::string format_text_outcome(double value, const char* unit);
// A parameter's default as the page's sources table writes it, unit included: "216,000 H100e/yr",
// "1.4× a year", "75%"; in Chinese with myriads: "21.6 万 H100 等效/年", "1600 亿美元/年".
// The figure's sliders, tooltips and tornado labels use it too, with exponents drawn (canvas).
std::string format_param_value(double value, const char* unit, Notation notation = Notation::text);
// A parameter's range in that table: "0 to 5 × 10^6 H100e/yr", "0 至 500 万 H100 等效/年".
std::string format_param_range(double min, double max, const char* unit);
// A number as a reader would type it into a field, to six decimals: 5000000, 0.25, -1.5.
std::string format_typed_number(double value);

}  // namespace cp::shell
