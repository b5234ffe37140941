#!/usr/bin/env bash
# The profile `make package` builds the shipped app with (profile-guided optimisation).
#
#   1. Build the app instrumented (`-Cprofile-generate`) into target/pgo.
#   2. Run it the way the app is measured: on a fresh copy of the demo data, in a 1280x800 window
#      under Xvfb, until the dashboard has been up for a while; then quit it as a logout does
#      (SIGTERM), which writes its counts.
#   3. Merge the counts into target/pgo/convene.profdata.
#
# With the profile, LLVM lays out what start-up runs together and keeps code that never ran out
# of the way, so fewer of the binary's pages are resident (BENCHMARKS.md, memory). The profile is
# made afresh whenever the instrumented binary, the demo's CLI or this script changes (by content),
# so it is never stale; otherwise the last profile is kept (a new one would differ in its counts,
# and the optimised build would rebuild every dependency for it).
#
# Usage: scripts/pgo.sh CLI   (CLI: a release build of `convene`, to seed the demo data)
# Needs rustup's llvm-tools component (`make deps-pgo` adds it) and xvfb-run.
set -euo pipefail
script=$(realpath "$0")
cli=$(realpath "${1:?usage: scripts/pgo.sh CLI}")
cd "$(dirname "$script")/.."

triple=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$triple/bin/llvm-profdata"
[ -x "$profdata" ] || { echo "pgo.sh: llvm-profdata not found; run: rustup component add llvm-tools" >&2; exit 1; }

out=$PWD/target/pgo
mkdir -p "$out"

# 1. The instrumented build, in its own target folder so it never evicts the normal one.
CARGO_TARGET_DIR=$out RUSTFLAGS="-Cprofile-generate=$out/raw" CARGO_BUILD_JOBS=${JOBS:-2} \
  ui/node_modules/.bin/tauri build --no-bundle --ci --target "$triple"
app=$out/$triple/release/convene-desktop
stamp=$(sha256sum "$app" "$cli" "$script" | cut -d' ' -f1 | tr '\n' ' ')
if [ -f "$out/convene.profdata" ] && [ "$(cat "$out/convene.profdata.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "pgo.sh: the instrumented build, CLI and script are unchanged; $out/convene.profdata kept"
  exit 0
fi
rm -rf "$out/raw" "$out/convene.profdata" "$out/convene.profdata.stamp"
mkdir -p "$out/raw"

# 2. The training run, with fresh config, cache and data folders.
home=$(mktemp -d)
runner=""
trap '[ -n "$runner" ] && kill "$runner" 2>/dev/null; rm -rf "$home"' EXIT
fail() { echo "pgo.sh: $1" >&2; cat "$home/log" >&2 || true; exit 1; }
mkdir -p "$home/config" "$home/cache" "$home/share"
export XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/share
export CONVENE_DATA_DIR=$home/data
"$cli" demo >/dev/null
# The app writes its own pid, so the run never signals another process.
xvfb-run -a -s "-screen 0 1280x2000x24" sh -c 'echo $$ >"$1/pid"; exec "$2"' _ "$home" "$app" >"$home/log" 2>&1 &
runner=$!
for _ in $(seq 100); do [ -s "$home/pid" ] && break; sleep 0.1; done
[ -s "$home/pid" ] || fail "the instrumented app did not start"
pid=$(cat "$home/pid")
sleep 15
kill -0 "$pid" 2>/dev/null || fail "the instrumented app ended during the training run"
[ -e "$CONVENE_DATA_DIR/instance.lock" ] || fail "the instrumented app did not open its data"
kill -TERM "$pid"
for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "the instrumented app did not quit within 20 s of SIGTERM"
wait "$runner" || true
runner=""
ls "$out"/raw/*.profraw >/dev/null 2>&1 || fail "the training run wrote no profile"

# 3. One profile for the optimised build.
"$profdata" merge -o "$out/convene.profdata" "$out"/raw/*.profraw
echo "$stamp" >"$out/convene.profdata.stamp"
echo "pgo.sh: wrote $out/convene.profdata"
