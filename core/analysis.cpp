// Shapley attribution over the three levers, seeded Monte Carlo bands and the tornado.
#include "analysis.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "rng.h"

namespace cp {

namespace {

// Maps a double to an unsigned key with the same order (negatives flipped, positives offset).
uint64_t order_key(double x) {
    uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return (b >> 63) ? ~b : (b | 0x8000000000000000ull);
}
double from_key(uint64_t k) {
    const uint64_t b = (k >> 63) ? (k & 0x7FFFFFFFFFFFFFFFull) : ~k;
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

// Rank r (0-based) among the n keys in `cur`, all of which agree above byte `shift`:
// most-significant-byte radix selection. Each pass is a histogram and a branch-free compaction,
// avoiding the branch mispredictions that made nth_element on random doubles cost ~30 us per
// 1,000 values. The answer is the same order statistic on every platform. `tmp` needs n keys.
double select_rank(const uint64_t* cur, int m, int r, int shift, uint64_t* tmp) {
    for (; shift >= 0 && m > 16; shift -= 8) {
        uint32_t hist[256] = {};
        for (int i = 0; i < m; ++i) ++hist[(cur[i] >> shift) & 0xFF];
        int b = 0;
        while (static_cast<uint32_t>(r) >= hist[b]) r -= static_cast<int>(hist[b++]);
        if (hist[b] == static_cast<uint32_t>(m)) continue;  // all share this byte: nothing to drop
        int k = 0;
        for (int i = 0; i < m; ++i) {
            tmp[k] = cur[i];
            k += static_cast<int>(((cur[i] >> shift) & 0xFF) == static_cast<uint64_t>(b));
        }
        cur = tmp;  // compacting in place from here on is safe: k never passes i
        m = k;
    }
    if (m > 16) {  // digits ran out before the survivors did (ties, or a short last digit)
        if (cur != tmp) std::copy(cur, cur + m, tmp);
        std::nth_element(tmp, tmp + r, tmp + m);
        return from_key(tmp[r]);
    }
    // A few survivors: a small insertion sort.
    uint64_t small[16];
    for (int i = 0; i < m; ++i) {
        uint64_t v = cur[i];
        int j = i;
        for (; j > 0 && small[j - 1] > v; --j) small[j] = small[j - 1];
        small[j] = v;
    }
    return from_key(small[r]);
}

// p5/p50/p95 (ranks r[0..2]) of n keys; `tmp` needs room for 3n keys. `diff` has the bits in which
// the keys differ (OR of all keys ^ AND of all keys). The first digit is the 10 highest of those
// bits, so one histogram usually leaves only a handful of candidates per rank.
void select_three(const uint64_t* keys, int n, uint64_t diff, const int (&r)[3], uint64_t* tmp, double (&out)[3]) {
    if (diff == 0) {
        out[0] = out[1] = out[2] = from_key(keys[0]);
        return;
    }
    int top = 63;
    while (!((diff >> top) & 1)) --top;
    constexpr int kDigitBits = 10;
    const int shift = std::max(0, top - (kDigitBits - 1));
    const uint64_t mask = (uint64_t{1} << kDigitBits) - 1;
    uint32_t hist[1 << kDigitBits] = {};
    for (int i = 0; i < n; ++i) ++hist[(keys[i] >> shift) & mask];
    // Bucket and rank within it for each target, then one branch-free pass that collects the
    // candidates of all three (tmp holds 3 x n keys).
    uint64_t bucket[3];
    int rank[3];
    // One cumulative scan finds all three (ranks ascend: p5 <= p50 <= p95).
    uint32_t below = 0;
    uint64_t b = 0;
    for (int t = 0; t < 3; ++t) {
        const uint32_t want = static_cast<uint32_t>(r[t]);
        while (below + hist[b] <= want) below += hist[b++];
        bucket[t] = b;
        rank[t] = static_cast<int>(want - below);
    }
    uint64_t* c0 = tmp;
    uint64_t* c1 = tmp + n;
    uint64_t* c2 = tmp + 2 * static_cast<size_t>(n);
    int k0 = 0, k1 = 0, k2 = 0;
    for (int j = 0; j < n; ++j) {
        const uint64_t key = keys[j];
        const uint64_t b = (key >> shift) & mask;
        c0[k0] = key;
        c1[k1] = key;
        c2[k2] = key;
        k0 += static_cast<int>(b == bucket[0]);
        k1 += static_cast<int>(b == bucket[1]);
        k2 += static_cast<int>(b == bucket[2]);
    }
    out[0] = select_rank(c0, k0, rank[0], shift - 8, c0);
    out[1] = select_rank(c1, k1, rank[1], shift - 8, c1);
    out[2] = select_rank(c2, k2, rank[2], shift - 8, c2);
}

}  // namespace

Attribution shapley(const Scenario& scenario, const Params& params, Metric metric, int year) {
    // v[mask]: metric with the levers in `mask` as set and the others off from the policy year on
    // (their value and their steps from then; the history stays). 2^3 runs give exact Shapley
    // values, which split interactions fairly where one-at-a-time answers double count.
    double v[1 << kLeverCount];
    Run run;
    const unsigned all = (1u << kLeverCount) - 1;
    for (int mask = 0; mask < (1 << kLeverCount); ++mask) {
        simulate_levers_off(scenario, params, all & ~static_cast<unsigned>(mask), run);
        v[mask] = metric_value(run, metric, year);
    }
    // Weight |S|!(n-|S|-1)!/n! for n = 3: 1/3 for |S| = 0 or 2, 1/6 for |S| = 1.
    static const double kWeight[kLeverCount] = {1.0 / 3.0, 1.0 / 6.0, 1.0 / 3.0};
    Attribution a;
    a.metric = metric;
    a.year = year;
    a.open_value = v[0];
    a.current_value = v[(1 << kLeverCount) - 1];
    for (int l = 0; l < kLeverCount; ++l) {
        double phi = 0;
        for (int mask = 0; mask < (1 << kLeverCount); ++mask) {
            if (mask & (1 << l)) continue;
            int size = 0;
            for (int k = 0; k < kLeverCount; ++k) size += (mask >> k) & 1;
            phi += kWeight[size] * (v[mask | (1 << l)] - v[mask]);
        }
        a.lever[l] = phi;
    }
    return a;
}

void monte_carlo(const Scenario& scenario, const Params& params, int draws, uint64_t seed, Bands& bands,
                 const bool* only_series) {
    bands.draws = std::max(0, draws);
    bands.seed = seed;
    Run run;
    simulate(scenario, params, run);
    const int years = run.years();
    int uncertain[kMaxParams];
    int n_uncertain = 0;
    for (int i = 0; i < param_count(); ++i)
        if (scenario.uncertainty[static_cast<size_t>(i)].kind != Distribution::none) uncertain[n_uncertain++] = i;
    if (draws <= 0 || n_uncertain == 0) {  // nothing to sample: every draw would be this run
        for (int s = 0; s < kSeriesCount; ++s)
            for (int y = 0; y < years; ++y) bands.p5[s][y] = bands.p50[s][y] = bands.p95[s][y] = run.value[s][y];
        return;
    }
    // One flat buffer of order-preserving keys (see order_key) laid out [series][year][draw], so
    // each percentile works on a contiguous slice. Runs are first collected in small blocks and
    // then copied slot by slot: writing each run straight into the slot-major buffer strides
    // across pages (a TLB miss per value). Buffers are kept between calls: the UI recomputes on
    // every slider move.
    constexpr int kBlock = 32;
    static thread_local std::vector<uint64_t> keys, scratch, key_or, key_and;
    static thread_local std::vector<double> block;
    int selected[kSeriesCount];
    int n_selected = 0;
    for (int s = 0; s < kSeriesCount; ++s) {
        if (!only_series || only_series[s]) {
            selected[n_selected++] = s;
        } else {
            for (int y = 0; y < years; ++y) bands.p5[s][y] = bands.p50[s][y] = bands.p95[s][y] = run.value[s][y];
        }
    }
    const size_t slots = static_cast<size_t>(n_selected) * static_cast<size_t>(years);
    keys.resize(slots * static_cast<size_t>(draws));
    block.resize(slots * kBlock);
    key_or.assign(slots, 0);
    key_and.assign(slots, ~uint64_t{0});

    Rng rng(seed);
    Params p = params;
    for (int d0 = 0; d0 < draws; d0 += kBlock) {
        const int n = std::min(kBlock, draws - d0);
        for (int k = 0; k < n; ++k) {
            // Parameters are drawn in table order, so adding an uncertainty changes later draws but
            // the same scenario and seed always repeat.
            for (int u = 0; u < n_uncertain; ++u) {
                const int i = uncertain[u];
                const ParamInfo& info = param_info(i);
                const double x = sample(scenario.uncertainty[static_cast<size_t>(i)], rng.uniform01());
                p[i] = std::clamp(x, info.min, info.max);
            }
            simulate(scenario, p, run);
            double* row = block.data() + static_cast<size_t>(k) * slots;
            for (int j = 0; j < n_selected; ++j)
                std::copy(run.value[selected[j]], run.value[selected[j]] + years, row + static_cast<size_t>(j) * years);
        }
        for (size_t slot = 0; slot < slots; ++slot) {
            uint64_t* dst = keys.data() + slot * static_cast<size_t>(draws) + d0;
            uint64_t o = key_or[slot], a = key_and[slot];
            for (int k = 0; k < n; ++k) {
                const uint64_t key = order_key(block[static_cast<size_t>(k) * slots + slot]);
                dst[k] = key;
                o |= key;
                a &= key;
            }
            key_or[slot] = o;
            key_and[slot] = a;
        }
    }

    // Nearest-rank percentiles by radix selection.
    const int ranks[3] = {static_cast<int>(0.05 * (draws - 1) + 0.5), static_cast<int>(0.50 * (draws - 1) + 0.5),
                          static_cast<int>(0.95 * (draws - 1) + 0.5)};
    scratch.resize(3 * static_cast<size_t>(draws));
    for (int j = 0; j < n_selected; ++j) {
        const int s = selected[j];
        for (int y = 0; y < years; ++y) {
            const size_t slot = static_cast<size_t>(j) * years + y;
            double q[3];
            select_three(keys.data() + slot * draws, draws, key_or[slot] ^ key_and[slot], ranks, scratch.data(), q);
            bands.p5[s][y] = q[0];
            bands.p50[s][y] = q[1];
            bands.p95[s][y] = q[2];
        }
    }
}

void tornado(const Scenario& scenario, const Params& params, Metric metric, int year, Tornado& out) {
    out.metric = metric;
    out.year = year;
    out.count = 0;
    Run run;
    simulate(scenario, params, run);
    out.base = metric_value(run, metric, year);
    for (int i = 0; i < param_count(); ++i) {
        const ParamInfo& info = param_info(i);
        const Distribution& d = scenario.uncertainty[static_cast<size_t>(i)];
        TornadoBar bar;
        bar.param = i;
        bar.low = d.kind != Distribution::none ? d.lo : info.min;
        bar.high = d.kind != Distribution::none ? d.hi : info.max;
        Params p = params;
        p[i] = bar.low;
        simulate(scenario, p, run);
        bar.metric_low = metric_value(run, metric, year);
        p[i] = bar.high;
        simulate(scenario, p, run);
        bar.metric_high = metric_value(run, metric, year);
        out.bar[out.count++] = bar;
    }
    auto swing = [](const TornadoBar& b) { return std::abs(b.metric_high - b.metric_low); };
    // Ties keep table order so the ranking is the same on every platform.
    std::stable_sort(out.bar, out.bar + out.count,
                     [&](const TornadoBar& a, const TornadoBar& b) { return swing(a) > swing(b); });
}

}  // namespace cp
