// Catch2 v2 entry point for the core tests (native and under node).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
