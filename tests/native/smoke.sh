#!/usr/bin/env bash
# Runs cp_app under its own Xvfb display and checks the screenshots: right size, many colours. Usage: smoke.sh CP_APP OUT_DIR
set -euo pipefail
app="$(realpath "$1")"
out="$(mkdir -p "$2" && cd "$2" && pwd)"

tmp="$(mktemp -d)"
xvfb_pid=""
cleanup() {
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

# -displayfd: Xvfb picks a free display itself and reports its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 2600x1700x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -s "$tmp/display" ]] && break
    sleep 0.1
done
[[ -s "$tmp/display" ]] || { echo "FAIL: Xvfb did not start"; cat "$tmp/xvfb.log"; exit 1; }
export DISPLAY=":$(head -n1 "$tmp/display")"

# Under the sanitizer build with leak checking on (scripts/test): GL drivers stay loaded so that the
# blocks they keep until exit can be told apart from ours by library name (lsan.supp).
preload=""
if [[ "${ASAN_OPTIONS:-}" == *detect_leaks=1* && -n "${CP_KEEP_LIBRARIES_LOADED:-}" ]]; then
    preload="$CP_KEEP_LIBRARIES_LOADED"
    export ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0"
fi

failures=0
# check NAME EXPECTED_WxH MIN_COLOURS -- app args...
check() {
    local name="$1" size="$2" min_colours="$3"
    shift 3
    local png="$out/$name.png"
    rm -f "$png"
    if ! (cd "$tmp" && LD_PRELOAD="$preload" "$app" --frames 60 --screenshot "$png" "$@" >"$tmp/$name.log" 2>&1); then
        echo "FAIL $name: cp_app exited with an error"; cat "$tmp/$name.log"; failures=$((failures + 1)); return
    fi
    if [[ ! -s "$png" ]]; then
        echo "FAIL $name: no screenshot written"; failures=$((failures + 1)); return
    fi
    local got colours
    got="$(identify -format '%wx%h' "$png")"
    colours="$(identify -format '%k' "$png")"
    if [[ "$got" != "$size" ]]; then
        echo "FAIL $name: screenshot is $got, expected $size"; failures=$((failures + 1)); return
    fi
    if (( colours < min_colours )); then
        echo "FAIL $name: only $colours distinct colours (blank?)"; failures=$((failures + 1)); return
    fi
    echo "ok $name: $got, $colours colours -> $png"
}

check native-1280x800 1280x800 64 --size 1280x800
check native-640x480-scale2 1280x960 64 --size 640x480 --scale 2
check native-embed 900x600 64 --size 900x600 --embed

# A chart saved on request (the right-click "Save chart as PNG" path, driven from the command line):
# the file is the chart's size at the device ratio, not the window's, and is not blank.
chart_dir="$tmp/chart"
mkdir -p "$chart_dir"
if (cd "$chart_dir" && LD_PRELOAD="$preload" "$app" --frames 30 --size 1280x800 --scale 2 --save-chart training_run >"$tmp/chart.log" 2>&1) &&
    [[ -s "$chart_dir/chart-training_run.png" ]]; then
    got="$(identify -format '%wx%h' "$chart_dir/chart-training_run.png")"
    colours="$(identify -format '%k' "$chart_dir/chart-training_run.png")"
    w="${got%x*}"
    if (( w > 400 && w < 2560 && colours >= 32 )); then
        cp "$chart_dir/chart-training_run.png" "$out/native-chart-training_run.png"
        echo "ok native chart capture: $got, $colours colours"
    else
        echo "FAIL native chart capture: $got, $colours colours"; failures=$((failures + 1))
    fi
else
    echo "FAIL native chart capture: no chart-training_run.png"; cat "$tmp/chart.log"; failures=$((failures + 1))
fi
if (cd "$chart_dir" && LD_PRELOAD="$preload" "$app" --frames 5 --save-chart no_such_chart >"$tmp/bad.log" 2>&1); then
    echo "FAIL --save-chart with an unknown name should fail"; failures=$((failures + 1))
fi

# Idle like the web figure: with no input nothing is drawn after the first frames settle; moving the
# pointer over the window draws again. (--seconds runs for a wall time and says how much it drew.)
drawn() { sed -n 's/^cp_app: drew \([0-9]*\) frames.*/\1/p' "$1"; }
if (cd "$tmp" && LD_PRELOAD="$preload" "$app" --seconds 3 --size 800x600 >"$tmp/idle.log" 2>&1); then
    idle="$(drawn "$tmp/idle.log")"
    if [[ -n "$idle" ]] && (( idle <= 20 )); then
        echo "ok native idle: $idle frames drawn in 3 s without input"
    else
        echo "FAIL native idle: ${idle:-no count} frames drawn in 3 s without input (expected at most 20)"; cat "$tmp/idle.log"
        failures=$((failures + 1))
    fi
    (sleep 1; python3 "$(dirname "${BASH_SOURCE[0]}")/pointer.py" 1.5; echo "rc=$?" >"$tmp/pointer.rc") &
    mover=$!
    (cd "$tmp" && LD_PRELOAD="$preload" "$app" --seconds 3 --size 800x600 >"$tmp/woken.log" 2>&1) || true
    wait "$mover" || true
    woken="$(drawn "$tmp/woken.log")"
    if grep -q 'rc=3' "$tmp/pointer.rc" 2>/dev/null; then
        echo "ok native wake: skipped (no libXtst to move the pointer)"
    elif [[ -n "$woken" && -n "$idle" ]] && (( woken >= idle + 20 )); then
        echo "ok native wake: $woken frames drawn in 3 s with the pointer moving for 1.5 s"
    else
        echo "FAIL native wake: ${woken:-no count} frames drawn with the pointer moving (idle: ${idle:-?})"; cat "$tmp/woken.log"
        failures=$((failures + 1))
    fi
else
    echo "FAIL native idle: cp_app --seconds exited with an error"; cat "$tmp/idle.log"; failures=$((failures + 1))
fi

(( failures == 0 )) || { echo "$failures native smoke check(s) failed"; exit 1; }
