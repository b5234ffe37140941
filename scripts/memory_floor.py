#!/usr/bin/env python3
"""The app's memory beside the platform's floor, in one run.

The floor is `examples/memory_floor.rs`: an empty window of the same Tauri and WebKitGTK build,
with the app's memory settings, showing a one-line page. The app runs the release build on a fresh
copy of the demo data. Both get a 1280x800 window under their own Xvfb, fresh config and cache
folders, and are measured from /proc (PSS and RSS of the process and its WebKit children) a few
seconds after start and again once idle.

Each is measured under two X servers (DISPLAYS):
- "desktop": Xvfb with its GLX extension, which loads Mesa's driver and libLLVM, as the display
  server or compositor of a desktop that draws with Mesa does (on Debian every Mesa driver is
  one file that needs libLLVM). WebKit's web process loads the same driver for its EGL display,
  and PSS splits the pages both map between them.
- "alone": Xvfb without GLX, so nothing else maps Mesa: the worst case.
No other process may map the WebKit, JavaScriptCore or LLVM libraries meanwhile: PSS shares their
pages among every process that maps them, so another window would make the figures look smaller
(GTK's, GLib's and the C library's pages are still shared with the rest of the desktop).

How those libraries came into the page cache changes the figures too, floor and app alike, so when
it can (as root) the script measures each way from an emptied page cache (PAGE_CACHE):
- "booted": the libraries come in through the window's own page faults, as after the machine
  starts;
- "read": the WebKit, JavaScriptCore and LLVM library files are first read whole, as installing or
  upgrading those packages, or linking a program against them, does. Linux 6.16 and later keep a
  file read that way in large folios (ext4 among others), and a page fault maps the whole folio
  around the page, so every process mapping the libraries has more of them resident: on kernel
  6.18, 32 MiB more for the floor.
Each state starts with one unmeasured launch of the floor, so the measured ones find the page
cache as a second start does. Without root the page cache is measured as found ("as found").

Usage: memory_floor.py APP CLI FLOOR  (release binaries; `make bench-memory` builds them)
Writes tests/e2e/artifacts/memory-floor.json, which `make bench` puts into BENCHMARKS.md.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/e2e/artifacts/memory-floor.json"
EARLY_S = 3
IDLE_S = 15


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def mib(rollup: str, key: str) -> float:
    """One field of /proc/<pid>/smaps_rollup, in MiB."""
    return int(re.search(rf"^{key}:\s+(\d+)", rollup, re.M).group(1)) / 1024


def measure(root: int, binary: str) -> dict:
    """PSS and RSS (MiB) of the binary's process and the WebKit processes below `root`."""
    others = other_sharers(root)
    if others:
        raise SystemExit("other processes map the WebKit, JavaScriptCore or LLVM libraries the app maps, "
                         "which would lower the figures; end them and measure again:\n  " + "\n  ".join(others))
    rows = {}
    for pid in descendants(root):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        name = "app" if cmd.endswith(binary) else "web" if "WebKitWebProcess" in cmd else "network" if "WebKitNetworkProcess" in cmd else None
        if name is None:
            continue
        # USS: the pages only this process maps (what ending it gives back at once).
        uss = mib(rollup, "Private_Clean") + mib(rollup, "Private_Dirty")
        rows[name] = {"pss": round(mib(rollup, "Pss"), 1), "rss": round(mib(rollup, "Rss"), 1), "uss": round(uss, 1)}
    rows["total_pss"] = round(sum(v["pss"] for v in rows.values()), 1)
    rows["total_uss"] = round(sum(v["uss"] for k, v in rows.items() if k != "total_pss"), 1)
    return rows


SHARED_LIBRARIES = ("libwebkit2gtk", "libjavascriptcoregtk", "libLLVM")


def mapped(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text(errors="replace")


def mapped_files(maps: str) -> set[str]:
    """The files a /proc/<pid>/maps text maps."""
    fields = (line.split(None, 5) for line in maps.splitlines())
    return {f[5].strip() for f in fields if len(f) == 6}


def other_sharers(root: int) -> list[str]:
    """Processes outside `root`'s tree (which holds its own Xvfb) that map any of the big WebKit,
    JavaScriptCore or LLVM library files the measured processes map. PSS splits a shared page
    between every process that maps it, so each of them would make the measured processes look
    smaller than they are alone (a second empty window takes 60 MiB off the floor). Another
    version of such a library (rustc's own libLLVM, say) shares nothing and is not counted.
    Processes whose maps we may not read are not seen."""
    ours = set(descendants(root))
    files = set()
    for pid in ours:
        try:
            files.update(f for f in mapped_files(mapped(pid)) if any(lib in f for lib in SHARED_LIBRARIES))
        except OSError:
            continue
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) in ours:
            continue
        try:
            shared = files & mapped_files(mapped(int(d)))
            cmd = Path(f"/proc/{d}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
        except OSError:
            continue
        if shared:
            found.append(f"{d} {cmd} ({', '.join(sorted(Path(f).name for f in shared))})")
    return found


# The X server's arguments for each measurement (see the module's text).
DISPLAYS = {"desktop": "-screen 0 1280x2000x24", "alone": "-screen 0 1280x2000x24 -extension GLX"}


def can_drop_caches() -> bool:
    return os.geteuid() == 0 and os.access("/proc/sys/vm/drop_caches", os.W_OK)


def drop_caches() -> None:
    """Empty the page cache (clean pages only: `sync` first writes everything out)."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def read_whole(files: set[str]) -> None:
    """Read each file through read(), as a package install or a linker does."""
    for f in sorted(files):
        with open(f, "rb", buffering=0) as fh:
            while fh.read(1 << 20):
                pass


def libraries_mapped(root: int) -> set[str]:
    """The WebKit, JavaScriptCore and LLVM library files mapped by `root` and its processes."""
    files = set()
    for pid in descendants(root):
        try:
            files.update(f for f in mapped_files(mapped(pid)) if any(lib in f for lib in SHARED_LIBRARIES))
        except OSError:
            continue
    return files


def run(binary: Path, env: dict, server_args: str) -> dict:
    proc = subprocess.Popen(
        ["xvfb-run", "-a", "-s", server_args, str(binary)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        time.sleep(EARLY_S)
        early = measure(proc.pid, binary.name)
        early["libraries"] = sorted(libraries_mapped(proc.pid))
        time.sleep(IDLE_S - EARLY_S)
        idle = measure(proc.pid, binary.name)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    for label, m in (("early", early), ("idle", idle)):
        missing = {"app", "web", "network"} - m.keys()
        if missing:
            raise SystemExit(f"{binary.name}: no {', '.join(sorted(missing))} process found ({label})")
    return {"after_3_s": early, "idle_15_s": idle}


def environment(tmp: Path, label: str, cli: Path, demo: bool) -> dict:
    """Fresh config, data and cache folders under `tmp`; demo data in the store when `demo`."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        (tmp / label / var).mkdir(parents=True)
        env[var] = str(tmp / label / var)
    env["CONVENE_DATA_DIR"] = str(tmp / label / "data")
    if demo:
        subprocess.run([str(cli), "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    app, cli, floor = (Path(a).resolve() for a in sys.argv[1:])
    states = ("booted", "read") if can_drop_caches() else ("as found",)
    results = {"kernel": os.uname().release, "page_cache": {}}
    libraries: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="convene-memory-") as tmp:
        for state in states:
            if state != "as found":
                drop_caches()
            if state == "read":
                read_whole(libraries)
            # One unmeasured start, so each measured one finds the libraries in the page cache.
            first = run(floor, environment(Path(tmp), f"{state}/first", cli, False), DISPLAYS["desktop"])
            libraries.update(first["after_3_s"]["libraries"])
            by_display = results["page_cache"][state] = {}
            for display, server_args in DISPLAYS.items():
                by_display[display] = {}
                for name, binary in (("floor", floor), ("app", app)):
                    env = environment(Path(tmp), f"{state}/{display}/{name}", cli, name == "app")
                    by_display[display][name] = run(binary, env, server_args)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    for state, by_display in results["page_cache"].items():
        for display in DISPLAYS:
            for moment in ("after_3_s", "idle_15_s"):
                f, a = by_display[display]["floor"][moment], by_display[display]["app"][moment]
                print(f"{state}, {display}, {moment}: floor {f['total_pss']} MiB PSS (app {f['app']['pss']}, "
                      f"web {f['web']['pss']}, network {f['network']['pss']}); Convene {a['total_pss']} MiB PSS "
                      f"(app {a['app']['pss']}, web {a['web']['pss']}, network {a['network']['pss']}); "
                      f"difference {round(a['total_pss'] - f['total_pss'], 1)} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
