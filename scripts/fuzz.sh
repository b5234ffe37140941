#!/usr/bin/env bash
# Fuzz every importer for a time budget each, one after the other, in release mode:
#   scripts/fuzz.sh [SECONDS]        (default 600 = 10 minutes per importer)
# GOV.UK holidays (convene-core), JSON export (convene-store), .ics (convene-ics).
# Inputs start from tests/fuzz-corpus/<importer>/; a failing input is saved there as
# crash-<hash> and replayed by the plain `cargo test` from then on.
# CONVENE_FUZZ_SEED=<u64> repeats a run.
set -uo pipefail

secs="${1:-600}"
case "$secs" in
'' | *[!0-9]*)
    echo "usage: $0 [SECONDS]" >&2
    exit 2
    ;;
esac
cd "$(dirname "$0")/.." || exit 2

targets=(
    "holidays convene-core fuzz_holidays"
    "export convene-store fuzz_import"
    "ics convene-ics fuzz_timed"
)

# Build first, so the budget is spent fuzzing.
for t in "${targets[@]}"; do
    read -r _ pkg test <<<"$t"
    cargo test --release -j2 -p "$pkg" --test "$test" --no-run || exit 1
done

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
for t in "${targets[@]}"; do
    read -r name pkg test <<<"$t"
    echo "== fuzz $name for $secs s" >&2
    if ! CONVENE_FUZZ_SECS="$secs" cargo test --release -j2 -p "$pkg" --test "$test" -- --nocapture 2>&1 | tee -a "$log"; then
        echo "== fuzz $name FAILED (see the crash file named above)" | tee -a "$log" >&2
        status=1
    fi
done

echo
echo "Summary:"
grep -E '^(fuzz [a-z]+: |== fuzz .* FAILED)' "$log"
exit "$status"
