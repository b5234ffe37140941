#!/usr/bin/env bash
# Install Convene's .deb and launch it: the package's dependencies must resolve, its files land
# where a desktop expects them, and the installed app must open a store on an empty data folder
# and keep running (under Xvfb). Removes the package afterwards.
set -euo pipefail
deb="${1:?usage: package-check.sh Convene_x.y.z_amd64.deb}"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

echo "== $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/p;/Version:/p;/Depends:/p;/Installed-Size:/p'
files=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/convene-desktop ./usr/bin/convene ./usr/share/applications/Convene.desktop; do
  grep -Eq " (\./)?${f#./}\$" <<<"$files" || { echo "missing from the package: $f"; exit 1; }
done

$SUDO apt-get install -y -qq "./${deb#./}" >/dev/null 2>&1 || $SUDO apt-get install -y -qq "$(realpath "$deb")"
scratch=$(mktemp -d)
trap '$SUDO dpkg -r convene >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
missing=$(ldd /usr/bin/convene-desktop /usr/bin/convene | grep 'not found' || true)
[ -z "$missing" ] || { echo "unresolved libraries: $missing"; exit 1; }
# The C library the package asks for is at least what its binaries need (the app's packed
# relocations need glibc 2.36's GLIBC_ABI_DT_RELR).
declared=$(dpkg-deb --field "$deb" Depends | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')
versions=$(objdump -p /usr/bin/convene-desktop /usr/bin/convene)
needed=$(grep -o 'GLIBC_2\.[0-9.]*' <<<"$versions" | sed 's/GLIBC_//' | sort -V | tail -1)
if grep -q GLIBC_ABI_DT_RELR <<<"$versions"; then needed=$(printf '%s\n2.36\n' "$needed" | sort -V | tail -1); fi
[ -n "$declared" ] && [ "$(printf '%s\n%s\n' "$needed" "$declared" | sort -V | tail -1)" = "$declared" ] || {
  echo "the package declares libc6 (>= ${declared:-nothing}) but its binaries need glibc $needed"; exit 1; }
echo "glibc: needs $needed, declares >= $declared"
# The installed CLI counts across Christmas and New Year: after Thu 24 Dec 2026 up to Mon 4 Jan
# 2027 only 29, 30, 31 Dec and 4 Jan are working days (Boxing Day falls on a Saturday, so Mon
# 28 Dec is its substitute bank holiday).
mkdir "$scratch/cli" "$scratch/app"
days=$(CONVENE_DATA_DIR="$scratch/cli" /usr/bin/convene working-days 2026-12-24 2027-01-04)
grep -qx '4' <<<"$days" || { echo "the installed CLI counted: $days"; exit 1; }

data="$scratch/app"
CONVENE_DATA_DIR="$data" xvfb-run -a /usr/bin/convene-desktop >"$data/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 40); do
  [ -e "$data/db" ] && break
  sleep 0.25
done
sleep 2
if ! kill -0 "$pid" 2>/dev/null; then
  echo "the installed app exited early:"; cat "$data/out.log"; exit 1
fi
[ -e "$data/db" ] || { echo "the installed app did not open its store in $data"; exit 1; }
pkill -TERM -P "$pid" 2>/dev/null || true
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
echo "Installed, launched on an empty data folder, and opened its store: OK"
