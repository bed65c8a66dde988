// Portable seeded random numbers (splitmix64 + xoshiro256**) and our own transforms, identical on every platform.
#pragma once

#include <cmath>
#include <cstdint>

#include "detmath.h"
#include "scenario.h"

namespace cp {

// std::*_distribution differ between libstdc++ and libc++ (wasm), so draws are made here from
// integer and IEEE arithmetic only (sqrt is exact; log_uniform uses detmath, not libm).
inline uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(uint64_t seed) {
        uint64_t s = seed;
        for (uint64_t& w : s_) w = splitmix64(s);
    }
    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

// One draw from `d` given u in [0, 1) (inverse CDF).
inline double sample(const Distribution& d, double u) {
    switch (d.kind) {
        case Distribution::uniform:
            return d.lo + u * (d.hi - d.lo);
        case Distribution::triangular: {
            const double w = d.hi - d.lo;
            const double f = (d.mode - d.lo) / w;
            return u < f ? d.lo + std::sqrt(u * w * (d.mode - d.lo)) : d.hi - std::sqrt((1 - u) * w * (d.hi - d.mode));
        }
        case Distribution::log_uniform:
            return detmath::exp(detmath::log(d.lo) + u * (detmath::log(d.hi) - detmath::log(d.lo)));
        case Distribution::none:
            break;
    }
    return d.mode;
}

}  // namespace cp
