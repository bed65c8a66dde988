// Deterministic log/exp/pow from IEEE +,-,*,/ only, so native (glibc) and wasm (musl) runs agree bit for bit.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace cp::detmath {

// Natural log for finite x > 0 (returns -huge for x <= 0). x = 2^k * m with m in [sqrt(1/2), sqrt(2)),
// log m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172: the odd series to s^23 is below 1e-17.
inline double log(double x) {
    if (!(x > 0)) return -1.0e308;
    uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    int k = static_cast<int>((bits >> 52) & 0x7FF) - 1023;
    if (k == -1023) {  // subnormal: scale into the normal range first
        x *= 0x1p54;
        std::memcpy(&bits, &x, sizeof bits);
        k = static_cast<int>((bits >> 52) & 0x7FF) - 1023 - 54;
    }
    bits = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;  // mantissa in [1, 2)
    double m;
    std::memcpy(&m, &bits, sizeof m);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        ++k;
    }
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    // 1/(2j+1), correctly rounded at compile time (the same constants on every platform).
    constexpr double kC[12] = {1.0 / 1,  1.0 / 3,  1.0 / 5,  1.0 / 7,  1.0 / 9,  1.0 / 11,
                               1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23};
    double series = kC[11];
    for (int j = 10; j >= 0; --j) series = series * s2 + kC[j];
    constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2 split so k * hi is exact
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    return k * kLn2Hi + (2.0 * s * series + k * kLn2Lo);
}

// e^x: x = k ln2 + r with |r| <= ln2/2, Taylor series of e^r to r^14, then scaled by 2^k.
inline double exp(double x) {
    if (x > 709.0) return HUGE_VAL;  // overflows like std::exp
    if (x < -745.0) return 0.0;
    constexpr double kLn2Hi = 6.93147180369123816490e-01;
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    constexpr double kInvLn2 = 1.44269504088896338700e+00;
    const double kf = x * kInvLn2;
    const int k = static_cast<int>(kf < 0 ? kf - 0.5 : kf + 0.5);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    // 1/n! for n = 0..14, folded at compile time.
    constexpr double kF[15] = {1.0,
                               1.0,
                               1.0 / 2,
                               1.0 / 6,
                               1.0 / 24,
                               1.0 / 120,
                               1.0 / 720,
                               1.0 / 5040,
                               1.0 / 40320,
                               1.0 / 362880,
                               1.0 / 3628800,
                               1.0 / 39916800,
                               1.0 / 479001600,
                               1.0 / 6227020800.0,
                               1.0 / 87178291200.0};
    double sum = kF[14];
    for (int n = 13; n >= 0; --n) sum = sum * r + kF[n];
    // Scale by 2^k in two steps so that k down to -1074 and up to 1023 stays exact.
    const int k1 = k / 2, k2 = k - k1;
    auto pow2 = [](int e) {
        const uint64_t b = static_cast<uint64_t>(e + 1023) << 52;
        double d;
        std::memcpy(&d, &b, sizeof d);
        return d;
    };
    return sum * pow2(k1) * pow2(k2);
}

// x^y for x > 0.
inline double pow(double x, double y) { return exp(y * log(x)); }

}  // namespace cp::detmath
