// Catch2 main for the UI tests (compiled once; it is the slow part of the build).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
