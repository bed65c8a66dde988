// Number formatting for readers: percentages, years, powers of ten, counts.
#include <catch2/catch.hpp>

#include "format.h"

using namespace cp::shell;

TEST_CASE("numbers are rounded for people", "[format]") {
    CHECK(format_percent(0.083) == "8%");
    CHECK(format_percent(0.0042) == "0.4%");
    CHECK(format_percent(1.0) == "100%");
    CHECK(format_years(2.14) == "2.1 years");
    CHECK(format_years(1.0) == "1 year");
    CHECK(format_years(0.0) == "0 years");
    CHECK(format_power_of_ten(3.6e25) == "3.6 \u00D7 10\u00B2\u2075");
    CHECK(format_power_of_ten(9.96e25) == "1.0 \u00D7 10\u00B2\u2076");
    CHECK(format_count(1234567) == "1.2M");
    CHECK(format_count(45300) == "45k");
    CHECK(format_count(950) == "950");
    CHECK(format_decade(-3) == "10\u207B\u00B3");
}

TEST_CASE("the page's text writes powers of ten with a caret and spells numbers out", "[format]") {
    // One formatter, two notations: the canvas draws superscripts, the page's text uses a caret.
    CHECK(format_power_of_ten(3.6e25, 2, Notation::text) == "3.6 \u00D7 10^25");
    CHECK(format_decade(-3, Notation::text) == "10^-3");
    CHECK(format_text_number(3.6e25) == "3.6 \u00D7 10^25");
    CHECK(format_text_number(2.0e7) == "2.0 \u00D7 10^7");
    CHECK(format_text_number(2.5e-4) == "2.5 \u00D7 10^-4");
    CHECK(format_text_number(91515.4) == "91,515");
    CHECK(format_text_number(19.27) == "19.3");
    CHECK(format_text_number(12.25) == "12.3");  // a tie rounds up, as the page always wrote it
    CHECK(format_text_number(0.432) == "0.43");
    CHECK(format_text_number(2.0) == "2");
    CHECK(format_text_number(0.0) == "0");
    CHECK(format_text_outcome(0.087, "share") == "8.7%");
    CHECK(format_text_outcome(0.1234, "share") == "12%");
    CHECK(format_text_outcome(2.0, "years") == "2 years");
    CHECK(format_text_outcome(5.2, "months") == "5.2 months");
    CHECK(format_text_outcome(1.5e27, "FLOP") == "1.5 \u00D7 10^27");
    // The sources table: units as the table has always written them.
    CHECK(format_param_value(216000, "H100e/yr") == "216,000 H100e/yr");
    CHECK(format_param_range(0, 5e6, "H100e/yr") == "0 to 5 \u00D7 10^6 H100e/yr");
    CHECK(format_param_range(1, 20, "x") == "1\u00D7 to 20\u00D7");
    CHECK(format_param_value(1.4, "x/yr") == "1.4\u00D7 a year");
    CHECK(format_param_value(0.1, "share/yr") == "10% a year");
    CHECK(format_param_range(0.001, 1, "share") == "0.1% to 100%");
    CHECK(format_param_value(2.1e25, "FLOP") == "2.1 \u00D7 10^25 FLOP");
    // The exact-entry hint: the number as typed.
    CHECK(format_typed_number(5e6) == "5000000");
    CHECK(format_typed_number(0.30000000000000004) == "0.3");
    CHECK(format_typed_number(-1.5) == "-1.5");
}
