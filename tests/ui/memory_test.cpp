// Bounded memory: thousands of recomputes and frames, each with a new lever value, must leave the
// heap where it started (the wasm heap only grows; a leak there ends in an out-of-memory page).
#include <catch2/catch.hpp>

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <new>

#include "ui_harness.h"

using cp::test::UiHarness;

// Exact accounting of every block our code, the standard library and ImGui ask for. The allocator's
// own figures (mallinfo) also move with caching and fragmentation, which would blur a slow leak.
namespace {

size_t g_live_bytes = 0;
size_t g_live_blocks = 0;
constexpr size_t kHeader = 16;  // keeps the block 16-byte aligned, like malloc's

void* counted_alloc(size_t size) {
    auto* block = static_cast<unsigned char*>(std::malloc(size + kHeader));
    if (!block) return nullptr;
    *reinterpret_cast<size_t*>(block) = size;
    g_live_bytes += size;
    ++g_live_blocks;
    return block + kHeader;
}

void counted_free(void* pointer) {
    if (!pointer) return;
    unsigned char* block = static_cast<unsigned char*>(pointer) - kHeader;
    g_live_bytes -= *reinterpret_cast<size_t*>(block);
    --g_live_blocks;
    std::free(block);
}

void* checked_alloc(size_t size) {
    void* pointer = counted_alloc(size);
    if (!pointer) throw std::bad_alloc();
    return pointer;
}

}  // namespace

void* operator new(size_t size) { return checked_alloc(size); }
void* operator new[](size_t size) { return checked_alloc(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return counted_alloc(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return counted_alloc(size); }
void operator delete(void* pointer) noexcept { counted_free(pointer); }
void operator delete[](void* pointer) noexcept { counted_free(pointer); }
void operator delete(void* pointer, size_t) noexcept { counted_free(pointer); }
void operator delete[](void* pointer, size_t) noexcept { counted_free(pointer); }

namespace {

struct HeapReading {
    size_t live_bytes = 0, live_blocks = 0;  // exact, from the counters above
    size_t allocator_in_use = 0;             // mallinfo: for the record only
    size_t linear = 0;                       // wasm linear memory (grows, never shrinks); 0 natively
};

HeapReading read_heap() {
    HeapReading reading{g_live_bytes, g_live_blocks, 0, 0};
#ifdef __EMSCRIPTEN__
    reading.allocator_in_use = static_cast<size_t>(mallinfo().uordblks);  // emmalloc's, as in the app
    reading.linear = __builtin_wasm_memory_size(0) * 65536u;
#else
    reading.allocator_in_use = mallinfo2().uordblks;  // 0 under AddressSanitizer
#endif
    return reading;
}

// Loop length: the full 10,000 in wasm (release build); natively the debug/ASan builds are 10-30x
// slower and LeakSanitizer watches every allocation there anyway.
#ifdef __EMSCRIPTEN__
constexpr int kIterations = 10000;
#else
constexpr int kIterations = 1000;
#endif

}  // namespace

TEST_CASE("10,000 recomputes and frames leave the heap where it started", "[memory]") {
    // Before the harness makes its ImGui context: every ImGui block is then counted from birth.
    ImGui::SetAllocatorFunctions([](size_t size, void*) { return checked_alloc(size); },
                                 [](void* pointer, void*) { counted_free(pointer); });
    UiHarness ui(1280, 800);
    // ImGui frees the buffers of windows unseen for 60 s of frame time and rebuilds them when they
    // return: housekeeping that moves the heap by a few KB either way. Off, so a leak cannot hide in it.
    ui.io().ConfigMemoryCompactTimer = -1.0f;
    // Fewer draws keep the test quick; the bands' buffers are allocated once whatever their size.
    ui.state().full_draws = 40;
    ui.state().interactive_draws = 40;
    const int lever = cp::lever_export_controls();
    // Values repeat with period 100, so the warm-up has seen every text width and string length the
    // measured loop will; 300 changes also fill the bounded undo history (200 steps).
    auto value_at = [](int i) { return 0.2 + 0.006 * (i % 100); };
    for (int i = 0; i < 300; ++i) {
        ui.state().set_param(lever, value_at(i));
        ui.frame();
    }
    const HeapReading before = read_heap();
    const uint64_t revision_before = ui.state().revision();
    for (int i = 0; i < kIterations; ++i) {
        ui.state().set_param(lever, value_at(i));
        ui.frame();
    }
    const HeapReading after = read_heap();
    std::printf(
        "memory: %d recomputes and frames: live %zu -> %zu bytes in %zu -> %zu blocks; allocator in use %zu -> %zu "
        "bytes; linear memory %zu -> %zu bytes\n",
        kIterations, before.live_bytes, after.live_bytes, before.live_blocks, after.live_blocks,
        before.allocator_in_use, after.allocator_in_use, before.linear, after.linear);
    // Every iteration really recomputed (otherwise the loop would prove nothing).
    CHECK(ui.state().revision() - revision_before >= static_cast<uint64_t>(kIterations));
    CHECK(before.live_blocks > 100);  // the counters really see the app's allocations
    CHECK(after.live_bytes == before.live_bytes);
    CHECK(after.live_blocks == before.live_blocks);
    CHECK(after.linear == before.linear);
}
