// The series CSV (core/csv.h) holds every series and year, exactly.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>
#include <string>

#include "analysis.h"
#include "csv.h"

TEST_CASE("the series CSV has a header of series keys and one exact row per year", "[csv]") {
    cp::Scenario scenario = cp::default_scenario();
    cp::Run run;
    cp::simulate(scenario, run);
    std::string csv = cp::series_csv(run);
    std::istringstream lines(csv);
    std::string header;
    std::getline(lines, header);
    CHECK(header.rfind("year,restricted.", 0) == 0);
    CHECK(header.find("restricted.compute_ratio") != std::string::npos);
    CHECK(header.find("frontier.largest_training_run_flop") != std::string::npos);
    int rows = 0;
    std::string row;
    while (std::getline(lines, row)) {
        ++rows;
        if (rows == 1) {
            CHECK(std::atoi(row.c_str()) == run.first_year);
            // The second column is the first series; read back bit for bit.
            double value = std::strtod(row.c_str() + row.find(',') + 1, nullptr);
            CHECK(value == run.value[0][0]);
        }
    }
    CHECK(rows == run.years());
}
