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
# made afresh whenever the instrumented build changes, so it is never stale; when it has not
# changed, the last profile is kept (a new one would differ in its counts, and the optimised build
# would rebuild every dependency for it).
#
# Usage: scripts/pgo.sh CLI   (CLI: a release build of `convene`, to seed the demo data)
# Needs rustup's llvm-tools component (`make deps` adds it) and xvfb-run.
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/.."

cli=$(realpath "$1")
triple=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$triple/bin/llvm-profdata"
[ -x "$profdata" ] || { echo "pgo.sh: llvm-profdata not found; run: rustup component add llvm-tools" >&2; exit 1; }

out=$PWD/target/pgo
mkdir -p "$out"

# 1. The instrumented build, in its own target folder so it never evicts the normal one.
CARGO_TARGET_DIR=$out RUSTFLAGS="-Cprofile-generate=$out/raw" CARGO_BUILD_JOBS=${JOBS:-2} \
  ui/node_modules/.bin/tauri build --no-bundle --ci --target "$triple"
app=$out/$triple/release/convene-desktop
if [ "$out/convene.profdata" -nt "$app" ] && [ "$out/convene.profdata" -nt "$script" ]; then
  echo "pgo.sh: $out/convene.profdata is newer than the instrumented build; kept"
  exit 0
fi
rm -rf "$out/raw" "$out/convene.profdata"
mkdir -p "$out/raw"

# 2. The training run, with fresh config, cache and data folders.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/config" "$home/cache" "$home/share"
export XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/share
export CONVENE_DATA_DIR=$home/data
"$cli" demo >/dev/null
xvfb-run -a -s "-screen 0 1280x2000x24" "$app" >"$home/log" 2>&1 &
runner=$!
pid=""
for _ in $(seq 100); do
  pid=$(pgrep -n -f "^$app\$" || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "pgo.sh: the instrumented app did not start" >&2; cat "$home/log" >&2; exit 1; }
sleep 15
kill -TERM "$pid"
wait "$runner" || true
ls "$out"/raw/*.profraw >/dev/null 2>&1 || { echo "pgo.sh: the training run wrote no profile" >&2; cat "$home/log" >&2; exit 1; }

# 3. One profile for the optimised build.
"$profdata" merge -o "$out/convene.profdata" "$out"/raw/*.profraw
echo "pgo.sh: wrote $out/convene.profdata"
