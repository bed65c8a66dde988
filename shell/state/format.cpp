// Number formatting for people: rounded shares, years, H100e counts and FLOP as powers of ten.
#include "format.h"

#include <cmath>
#include <cstdio>
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

std::string format_decade(int exponent) { return "10" + superscript(exponent); }

std::string format_power_of_ten(double value, int digits) {
    if (!std::isfinite(value)) return tr(txt::unit_not_available);
    if (value <= 0.0) return "0";
    int exponent = static_cast<int>(std::floor(std::log10(value)));
    double mantissa = value / std::pow(10.0, exponent);
    // Rounding can carry the mantissa to 10 (9.96 -> "10.0"); renormalise.
    double scale = std::pow(10.0, digits - 1);
    mantissa = std::round(mantissa * scale) / scale;
    if (mantissa >= 10.0) {
        mantissa /= 10.0;
        exponent += 1;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits > 1 ? digits - 1 : 0, mantissa);
    return std::string(buffer) + " \u00D7 " + format_decade(exponent);
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

}  // namespace cp::shell
