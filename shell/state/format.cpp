// Number formatting for people: rounded shares, years, H100e counts and FLOP as powers of ten.
#include "format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "i18n.h"

namespace cp::shell {
namespace {

std::string printf_string(const char* fmt, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, fmt, value);
    return buffer;
}

// Superscript digits and minus sign in UTF-8 (the embedded font carries U+2070-209F and Latin-1).
std::string superscript(int number) {
    static const char* const kDigits[10] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                            "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string digits = std::to_string(number < 0 ? -number : number);
    std::string out = number < 0 ? "\u207B" : "";
    for (char c : digits) out += kDigits[c - '0'];
    return out;
}

// `value` to `decimals` decimals, a tie rounded away from zero on the value's exact decimal expansion,
// as the page rounded before the app wrote its numbers (JavaScript's toFixed; printf rounds a tie to
// even: 0.25 -> "0.2" where the page wrote "0.3"). 40 more digits than kept are exact enough: a
// double that is not a tie is further than that from one at the magnitudes written here.
std::string fixed(double value, int decimals) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals + 40, std::fabs(value));
    const std::string all = buffer;
    const size_t point = all.find('.');
    std::string kept = all.substr(0, point + 1 + static_cast<size_t>(decimals));
    if (all[point + 1 + static_cast<size_t>(decimals)] >= '5') {
        int i = static_cast<int>(kept.size()) - 1;
        for (; i >= 0; --i) {
            if (kept[static_cast<size_t>(i)] == '.') continue;
            if (kept[static_cast<size_t>(i)] != '9') {
                ++kept[static_cast<size_t>(i)];
                break;
            }
            kept[static_cast<size_t>(i)] = '0';
        }
        if (i < 0) kept.insert(0, "1");
    }
    if (decimals == 0) kept.pop_back();  // the point
    return (value < 0 ? "-" : "") + kept;
}

// "2.50" -> "2.5", "3.0" -> "3", "120" -> "120".
std::string trim_zeros(std::string text) {
    if (text.find('.') == std::string::npos) return text;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

// "1234567.5" -> "1,234,567.5".
std::string grouped(const std::string& text) {
    const size_t begin = text[0] == '-' ? 1 : 0;
    size_t end = text.find('.');
    if (end == std::string::npos) end = text.size();
    std::string out = text;
    for (size_t at = end; at > begin + 3; at -= 3) out.insert(at - 3, ",");
    return out;
}

// A whole number rounded half up, as the page's Math.round did: 2.5 -> "3", -2.5 -> "-2", -0.2 -> "0".
std::string rounded(double value) {
    const double r = std::floor(value + 0.5);
    return printf_string("%.0f", r == 0.0 ? 0.0 : r);
}

// The shortest text that reads back as `value`, laid out as the page's String(x) did: 1600,
// 0.000001, 21.6 (exponents only from 10^21 and below 10^-6).
std::string shortest(double value) {
    if (value == 0.0) return "0";
    char buffer[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    std::string text = buffer;
    const std::string sign = text[0] == '-' ? "-" : "";
    if (!sign.empty()) text.erase(0, 1);
    const size_t e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    std::string digits = text.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int count = static_cast<int>(digits.size());
    if (exponent >= 21 || exponent < -6) {
        std::string out = digits.substr(0, 1) + (count > 1 ? "." + digits.substr(1) : "");
        return sign + out + (exponent > 0 ? "e+" : "e-") + std::to_string(std::abs(exponent));
    }
    if (exponent < 0) return sign + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    if (count <= exponent + 1) return sign + digits + std::string(static_cast<size_t>(exponent + 1 - count), '0');
    return sign + digits.substr(0, static_cast<size_t>(exponent + 1)) + "." +
           digits.substr(static_cast<size_t>(exponent + 1));
}

// "3.6 × 10^25" from a mantissa rounded to `digits` significant digits (9.96 carries to 1.0 × 10^26);
// `trim` drops a zero fraction ("5 × 10^6").
std::string power_of_ten(double value, int digits, Notation notation, bool trim) {
    if (!std::isfinite(value)) return tr(txt::unit_not_available);
    if (value == 0.0) return "0";
    if (value < 0.0) return "-" + power_of_ten(-value, digits, notation, trim);
    int exponent = static_cast<int>(std::floor(std::log10(value)));
    double mantissa = value / std::pow(10.0, exponent);
    double scale = std::pow(10.0, digits - 1);
    mantissa = std::round(mantissa * scale) / scale;
    if (mantissa >= 10.0) {
        mantissa /= 10.0;
        exponent += 1;
    }
    char number[32];
    std::snprintf(number, sizeof number, "%.*f", digits > 1 ? digits - 1 : 0, mantissa);
    return (trim ? trim_zeros(number) : std::string(number)) + " \u00D7 " + format_decade(exponent, notation);
}

// The page's number for a parameter (the sources table): "216,000", "0.025", "5 × 10^6"; three
// decimals at most, powers of ten from a million and below a thousandth.
std::string table_number(double value, Notation notation) {
    const double magnitude = std::fabs(value);
    if (magnitude != 0.0 && (magnitude >= 1e6 || magnitude < 1e-3)) return power_of_ten(value, 2, notation, true);
    return grouped(trim_zeros(fixed(value, 3)));
}

// The same in Chinese, counted in myriads with a space before them: "21.6 万", "1600 亿", "5 万亿";
// thousands written out without a separator ("1600").
std::string table_myriads(double value, Notation notation) {
    static const struct {
        double unit;
        const char* name;
    } kMyriads[] = {{1e12, " \u4E07\u4EBF"}, {1e8, " \u4EBF"}, {1e4, " \u4E07"}};
    for (const auto& m : kMyriads)
        if (std::fabs(value) >= m.unit) return trim_zeros(fixed(value / m.unit, 2)) + m.name;
    return std::fabs(value) >= 1e3 ? shortest(value) : table_number(value, notation);
}

// Decodes one UTF-8 code point at `at` (advancing it); malformed bytes read as themselves.
unsigned code_point(const std::string& text, size_t& at) {
    const unsigned char lead = static_cast<unsigned char>(text[at++]);
    int more = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    unsigned cp = more == 3 ? lead & 0x07u : more == 2 ? lead & 0x0Fu : more == 1 ? lead & 0x1Fu : lead;
    for (; more > 0 && at < text.size(); --more) cp = (cp << 6) | (static_cast<unsigned char>(text[at++]) & 0x3Fu);
    return cp;
}

// Chinese text with a space between digits or Latin letters and Chinese characters, either way
// round (GLOSSARY.md): "0至500万H100" -> "0 至 500 万 H100". Also after "%": "5% 的".
std::string cjk_spaced(const std::string& text) {
    auto ideograph = [](unsigned cp) { return cp >= 0x3400 && cp <= 0x9FFF; };
    auto latin = [](unsigned cp) { return cp < 0x80 && std::isalnum(static_cast<int>(cp)); };
    std::string out;
    unsigned before = 0;
    for (size_t at = 0; at < text.size();) {
        const size_t start = at;
        const unsigned cp = code_point(text, at);
        if (((latin(before) || before == '%') && ideograph(cp)) || (ideograph(before) && latin(cp))) out += ' ';
        out.append(text, start, at - start);
        before = cp;
    }
    return out;
}

// A parameter's number with its unit in the table; `bare` for the low end of a range, which leaves
// off a unit word (and, in Chinese, the × sign) but keeps a % sign.
std::string param_value(double value, const char* unit, bool bare, Notation notation) {
    const std::string u = unit;
    const bool zh = language() == Language::zh;
    const bool share = u == "share" || u == "share/yr";
    // Chinese counts money in 亿 and 万亿, not in billions: a USD bn/yr amount is written in dollars.
    const bool billions = zh && u == "USD bn/yr";
    const double shown = share ? value * 100.0 : billions ? value * 1e9 : value;
    const std::string n = zh && u != "FLOP" ? table_myriads(shown, notation) : table_number(shown, notation);
    if (share) return u == "share/yr" && !bare ? trf(txt::unit_percent_a_year, {{"n", n}}) : n + "%";
    if (u == "x" || u == "x/yr") {
        if (bare) return zh ? n : trf(txt::unit_times, {{"n", n}});
        return trf(u == "x" ? txt::unit_times : txt::unit_times_a_year, {{"n", n}});
    }
    if (bare || u.empty()) return n;
    if (billions) return trf(txt::unit_usd, {{"n", n}}) + "/" + tr(txt::unit_param_yr);
    // Chinese sets a Chinese unit word right after the number (the spacing rule then separates
    // digits from it); a Latin one (FLOP, H100 等效) after a space, as English sets every word.
    const std::string word = unit_text(unit);
    return n + (zh && static_cast<unsigned char>(word[0]) >= 0x80 ? "" : " ") + word;
}

}  // namespace

std::string format_percent(double share) {
    if (!std::isfinite(share)) return tr(txt::unit_not_available);
    double percent = share * 100.0;
    if (percent != 0.0 && std::fabs(percent) < 1.0) return printf_string("%.1f%%", percent);
    return printf_string("%.0f%%", percent);
}

std::string format_years(double years) {
    if (!std::isfinite(years)) return tr(txt::unit_not_available);
    double rounded = std::round(years * 10.0) / 10.0;
    if (rounded == 1.0) return tr(txt::unit_year_one);
    return trf(txt::unit_years, {{"n", printf_string(rounded == std::floor(rounded) ? "%.0f" : "%.1f", rounded)}});
}

std::string format_months(double months) {
    if (!std::isfinite(months)) return tr(txt::unit_not_available);
    double rounded = std::round(months);
    return rounded == 1.0 ? tr(txt::unit_month_one) : trf(txt::unit_months, {{"n", printf_string("%.0f", rounded)}});
}

std::string format_decade(int exponent, Notation notation) {
    return notation == Notation::text ? "10^" + std::to_string(exponent) : "10" + superscript(exponent);
}

std::string format_power_of_ten(double value, int digits, Notation notation) {
    return power_of_ten(value, digits, notation, false);
}

std::string format_count(double value) {
    if (!std::isfinite(value)) return tr(txt::unit_not_available);
    double magnitude = std::fabs(value);
    if (language() == Language::zh) {
        // Chinese counts in myriads: 万 (10^4), 亿 (10^8), 万亿 (10^12), where English uses k, M, B.
        // One decimal below ten of a unit, none when it is zero: 4.5万, 1亿 (not 1.0亿), 120万.
        auto myriads = [](double x, double unit, const char* suffix) {
            std::string n = printf_string(std::fabs(x) >= 10 * unit ? "%.0f" : "%.1f", x / unit);
            if (n.size() > 2 && n.compare(n.size() - 2, 2, ".0") == 0) n.resize(n.size() - 2);
            return n + suffix;
        };
        if (magnitude >= 1e12) return myriads(value, 1e12, "\u4E07\u4EBF");
        if (magnitude >= 1e8) return myriads(value, 1e8, "\u4EBF");
        if (magnitude >= 1e4) return myriads(value, 1e4, "\u4E07");
        return printf_string("%.0f", value);
    }
    if (magnitude >= 1e9) return printf_string("%.1fB", value / 1e9);
    if (magnitude >= 1e6) return printf_string(magnitude >= 1e8 ? "%.0fM" : "%.1fM", value / 1e6);
    if (magnitude >= 1e3) return printf_string(magnitude >= 1e4 ? "%.0fk" : "%.1fk", value / 1e3);
    return printf_string("%.0f", value);
}

std::string format_with_unit(double value, const char* unit) {
    if (std::strcmp(unit, "share") == 0) return format_percent(value);
    if (std::strcmp(unit, "years") == 0) return format_years(value);
    if (std::strcmp(unit, "months") == 0) return format_months(value);
    if (std::strcmp(unit, "FLOP") == 0) return format_power_of_ten(value) + " FLOP";
    return with_unit(format_count(value), unit);
}

std::string with_unit(const std::string& number, const char* unit) {
    if (std::strcmp(unit, "USD") == 0) return trf(txt::unit_usd, {{"n", number}});
    if (std::strcmp(unit, "H100e") == 0) return trf(txt::unit_h100e, {{"n", number}});
    if (std::strcmp(unit, "years") == 0) return trf(txt::unit_years, {{"n", number}});
    if (std::strcmp(unit, "months") == 0) return trf(txt::unit_months, {{"n", number}});
    return number + " " + unit;
}

const char* unit_text(const char* unit) {
    struct Word {
        const char* unit;
        txt::Id word;
    };
    static const Word kWords[] = {
        {"x/yr", txt::unit_param_x_per_yr},
        {"USD bn/yr", txt::unit_param_usd_bn_per_yr},
        {"x", txt::unit_param_x},
        {"share/yr", txt::unit_param_share_per_yr},
        {"ms", txt::unit_param_ms},
        {"H100e/yr", txt::unit_param_h100e_per_yr},
        {"dies/yr", txt::unit_param_dies_per_yr},
        {"H100e/chip", txt::unit_param_h100e_per_chip},
        {"USD/chip", txt::unit_param_usd_per_chip},
        {"OOM", txt::unit_param_oom},
        {"yr", txt::unit_param_yr},
        {"days", txt::unit_param_days},
        // The series' units, as the text layer names them.
        {"H100e", txt::unit_word_h100e},
        {"share", txt::unit_word_share},
        {"years", txt::unit_word_years},
        {"months", txt::unit_word_months},
        {"USD", txt::unit_word_usd},
    };
    for (const Word& w : kWords)
        if (std::strcmp(unit, w.unit) == 0) return tr(w.word);
    return unit;
}

std::string format_exact(double value, const char* unit) {
    if (std::strcmp(unit, "share") == 0) return printf_string("%.2f%%", value * 100.0);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return with_unit(buffer, unit);
}

std::string format_text_number(double value) {
    if (!std::isfinite(value)) return tr(txt::unit_not_available);
    const double magnitude = std::fabs(value);
    if (magnitude == 0.0) return "0";
    if (magnitude >= 1e6 || magnitude < 1e-3) return format_power_of_ten(value, 2, Notation::text);
    if (magnitude >= 100) return grouped(rounded(value));
    if (magnitude >= 10) return trim_zeros(fixed(value, 1));
    // Two significant digits: 4.3, 0.43, 0.043, 0.0043.
    const int decimals = magnitude >= 1 ? 1 : magnitude >= 0.1 ? 2 : magnitude >= 0.01 ? 3 : 4;
    return trim_zeros(fixed(value, decimals));
}

std::string format_text_outcome(double value, const char* unit) {
    if (!std::isfinite(value)) return tr(txt::unit_not_available);
    // A share is a percentage, one decimal under 10% ("8.7%"); a ratio far above 1 is a plain number.
    if (std::strcmp(unit, "share") == 0 && std::fabs(value) <= 1.5) {
        const double percent = value * 100.0;
        return (percent != 0.0 && std::fabs(percent) < 10 ? trim_zeros(fixed(percent, 1)) : rounded(percent)) + "%";
    }
    if (std::strcmp(unit, "years") == 0) return trf(txt::unit_years, {{"n", format_text_number(value)}});
    if (std::strcmp(unit, "months") == 0) return trf(txt::unit_months, {{"n", format_text_number(value)}});
    return format_text_number(value);
}

std::string format_param_value(double value, const char* unit, Notation notation) {
    const std::string text = param_value(value, unit, false, notation);
    return language() == Language::zh ? cjk_spaced(text) : text;
}

std::string format_param_range(double min, double max, const char* unit) {
    const std::string text = trf(txt::text_layer_param_range, {{"min", param_value(min, unit, true, Notation::text)},
                                                               {"max", param_value(max, unit, false, Notation::text)}});
    return language() == Language::zh ? cjk_spaced(text) : text;
}

std::string format_typed_number(double value) { return shortest(std::floor(value * 1e6 + 0.5) / 1e6 + 0.0); }

}  // namespace cp::shell
