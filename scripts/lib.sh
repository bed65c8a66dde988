# Shared by scripts/*: build directories, emcc's environment and the configure/build steps (sourced, not run).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
native_dir="$root/build/native-debug"
web_dir="$root/build/web-release"
dist_dir="$root/dist"
jobs="${CP_JOBS:-2}"  # two cores shared by everyone: never more by default

# Debian's emcc needs Debian's node modules (acorn) on a machine whose node is not Debian's.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# Configure every time (a second time costs about a second): the top-level CMakeLists adds
# folders only if they exist, which a build alone would not notice.
configure() {
    local preset="$1"
    shift
    cmake --preset "$preset" "$@" -S "$root" >"$root/build/$preset.configure.log" 2>&1 ||
        { cat "$root/build/$preset.configure.log"; return 1; }
}

build() {
    local dir="$1"
    shift
    cmake --build "$dir" -j "$jobs" "$@"
}
