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
