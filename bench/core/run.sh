#!/usr/bin/env bash
# Builds the core benchmark natively and as wasm (both Release), runs both and prints the wasm/native ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
native="$root/build/core-native"
wasm="$root/build/core-wasm"
scenario="$root/assets/scenarios/today.json"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # emcc's JS optimiser needs Debian's acorn

cmake -S "$root" -B "$native" -DCP_BUILD_SHELL=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$native" --target cp_bench_core -j2 >/dev/null
emcmake cmake -S "$root" -B "$wasm" -DCP_BUILD_SHELL=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$wasm" --target cp_bench_core -j2 >/dev/null

"$native/bench/core/cp_bench_core" "$scenario" >/tmp/cp_bench_native.txt
node --no-experimental-fetch "$wasm/bench/core/cp_bench_core.js" "$scenario" >/tmp/cp_bench_wasm.txt

echo "benchmark               native       wasm    wasm/native"
join /tmp/cp_bench_native.txt /tmp/cp_bench_wasm.txt |
  awk '{ printf "%-22s %9s %10s    %.2fx\n", $1, $2, $3, $3 / $2 }'
echo "targets: simulate_us <= 3 (native); full_recompute_us <= 8000 (wasm); wasm/native <= 1.3"
