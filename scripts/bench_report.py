#!/usr/bin/env python3
"""Run every benchmark in the project and rewrite BENCHMARKS.md (`make bench`).

Runs the divan benches (core timescales and scheduling, store, agenda PDFs, .ics import) in release, the
working-days comparison against numpy (scripts/bench_working_days.py), and takes the app's
start-up time and memory from the last e2e run (tests/e2e/artifacts/timings.json, written by
`make test-e2e`). Each figure is written beside its target with met / NOT MET, together with the
machine it ran on. Exits non-zero when a benchmark fails to run; a missed target is reported in
the file, not as a failure.
"""
import datetime
import json
import os
import pathlib
import platform
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "BENCHMARKS.md"
UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}

BENCHES = [
    ("convene-core", "timescales"),
    ("convene-core", "scheduling"),
    ("convene-store", "store"),
    ("convene-pdf", "agenda"),
    ("convene-ics", "ics"),
]

# (label, key, target seconds or None, target text). Keys are divan paths "bench/name[/arg]".
ROWS = [
    ("Full timescale evaluation, synthetic authority of ~20,000 children and 420,000 events",
     "timescales/full_authority", 0.100, "< 100 ms"),
    ("Re-evaluate one child after an edit (the busiest child)",
     "timescales/one_child_after_an_edit", 0.001, "< 1 ms"),
    ("Slot finder: 10 attendees × 2,000 busy blocks each, 15-working-day window, 15-minute grid, top 5",
     "scheduling/slot_finder_10x2000", 0.002, "< 2 ms"),
    ("Authority-wide conflict detection, 200,000 meetings, 3,000 people",
     "scheduling/conflict_detect_200k", 0.200, "< 200 ms"),
    ("The same scan with a sentence for each of its ~810,000 conflicts (each meeting named against at most 3 others of each person or room)",
     "scheduling/conflict_scan_200k_with_messages", None, "—"),
    ("Store: load a whole authority from sled (2,948 children, 19,966 meetings, 62,357 events)",
     "store/load_authority_2000_families", 0.500, "< 500 ms"),
    ("Store: save one meeting with history and audit entries, flushed to disk",
     "store/save_meeting_flushed", 0.020, "< 20 ms"),
    ("One agenda PDF (professional), built from the data and rendered",
     "agenda/agenda_pdf_one/Professional", 0.050, "< 50 ms"),
    ("One agenda PDF (family, larger type)",
     "agenda/agenda_pdf_one/Family", 0.050, "< 50 ms"),
    ("100 agenda PDFs", "agenda/agenda_pdf_100", 3.0, "< 3 s"),
    ("Read a calendar export of 10,000 Outlook events (5.7 MB) into busy periods",
     "ics/import_10000_events", None, "—"),
]


def run(cmd, **kw):
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True, **kw)


def seconds(text):
    m = re.match(r"\s*([\d.]+)\s*(ns|µs|us|ms|s)\s*$", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None


def parse_divan(bench, output):
    """Median of every bench in divan's table, by path bench/name[/arg]."""
    medians = {}
    stack = []  # (indent, name)
    for line in output.splitlines():
        m = re.match(r"^([\s│]*)[├╰]─ (\S+)(.*)$", line)
        if not m:
            continue
        indent = len(m.group(1))
        name = m.group(2)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, name))
        cols = [c.strip() for c in m.group(3).split("│")]
        if len(cols) >= 3 and seconds(cols[2]) is not None:
            medians["/".join([bench] + [n for _, n in stack])] = seconds(cols[2])
    return medians


def show(s):
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.3g} ms"
    return f"{s * 1e6:.3g} µs"


def machine():
    cpu = "unknown CPU"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", pathlib.Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    osname = platform.platform()
    try:
        osname = re.search(r'PRETTY_NAME="([^"]+)"', pathlib.Path("/etc/os-release").read_text()).group(1)
    except (OSError, AttributeError):
        pass
    rustc = run(["rustc", "-V"]).stdout.strip()
    return f"{os.cpu_count()} × {cpu}, {mem} RAM, {osname}, {rustc}"


def main():
    medians = {}
    for pkg, bench in BENCHES:
        out = run(["cargo", "bench", "-j2", "-p", pkg, "--bench", bench])
        medians.update(parse_divan(bench, out.stdout))
    rows = []
    for label, key, target, target_text in ROWS:
        got = medians.get(key)
        if got is None:
            raise SystemExit(f"no figure for {key} in the bench output (found: {sorted(medians)})")
        status = "—" if target is None else ("met" if got < target else "NOT MET")
        rows.append((label, show(got), target_text, status))

    wd = json.loads(run([sys.executable, "scripts/bench_working_days.py"]).stdout.splitlines()[0])
    ratio_ok = wd["ratio"] >= 5 and wd["mismatches"] == 0
    rows.insert(0, (
        f"Working-day offsets, {wd['pairs']:,} random (date, offset) pairs, same holidays, against "
        f"numpy {wd['numpy_version']} `busday_offset`",
        f"Convene {wd['rust_per_second'] / 1e6:.1f} M/s, numpy {wd['numpy_per_second'] / 1e6:.1f} M/s: "
        f"**{wd['ratio']}×**, {wd['mismatches']} mismatches",
        "≥ 5× numpy", "met" if ratio_ok else "NOT MET"))

    app_rows = []
    for build, name in (("debug", "timings.json"), ("release", "timings-release.json")):
        timings = ROOT / "tests/e2e/artifacts" / name
        if not timings.exists():
            app_rows.append((f"App figures, {build} build", f"not measured: run `make {'test-e2e' if build == 'debug' else 'bench-app'}` first", "—", "—"))
            continue
        t = json.loads(timings.read_text())
        start = t.get("cold start to usable dashboard (ms, demo data)")
        if start is not None:
            app_rows.append((f"App cold start to a usable dashboard, demo data ({build} build, under Xvfb, "
                             "WebDriver session start included; median of 3 launches)", f"{start} ms", "< 1 s",
                             "met" if start < 1000 else "NOT MET"))
        own_start = t.get("cold start, app process start to usable dashboard (ms, demo data)")
        launches = t.get("cold start, app process start to usable dashboard, 3 launches (ms)")
        if own_start is not None:
            app_rows.append((f"App cold start, from its process starting to the dashboard's list on screen (page "
                             f"performance mark), demo data ({build} build"
                             + (f"; median of 3 launches: {', '.join(map(str, launches))} ms" if launches else "") + ")",
                             f"{own_start} ms", "< 1 s",
                             "met" if own_start < 1000 else "NOT MET"))
        rss = t.get("resident memory, app and WebKit processes (MiB, demo data)")
        own = t.get("resident memory, app process alone (MiB, demo data)")
        if rss is not None:
            app_rows.append((f"Resident memory after start (median of 3 launches), demo data ({build} build): the app and its WebKit "
                             "web and network processes" + (f"; the app's own process {own} MiB" if own else ""),
                             f"{rss} MiB", "< 200 MB", "met" if rss * 1.048576 < 200 else "NOT MET"))
        pss = t.get("proportional memory (PSS), app and WebKit processes (MiB, demo data)")
        if pss is not None:
            app_rows.append((f"… the same processes' proportional memory (PSS: shared WebKit libraries counted once), "
                             f"demo data ({build} build)", f"{pss} MiB", "< 200 MB", "met" if pss * 1.048576 < 200 else "NOT MET"))
        month = t.get("calendar month view drawn, median of 5 (ms)", t.get("calendar month view drawn (ms, click to meetings drawn)"))
        draws = t.get("calendar month view drawn, 5 draws (ms)")
        count = t.get("calendar month view meetings (the six weeks it shows)")
        if month is not None:
            app_rows.append((f"Calendar month view of a large authority, {count:,} meetings in the six weeks it "
                             f"shows ({build} build; performance mark from the Month click to the meetings drawn"
                             + (f"; median of 5 draws: {', '.join(map(str, draws))} ms" if draws else "") + ")",
                             f"{month} ms", "< 200 ms", "met" if month < 200 else "NOT MET"))
            parts = [t.get(f"calendar month view: {k}") for k in (
                "switching views before the fetch (ms)", "fetch, IPC and Rust (ms)", "drawing after the fetch (ms)")]
            if all(p is not None for p in parts):
                app_rows.append((f"… of which: switching views / fetch (IPC and Rust) / drawing "
                                 f"~120 blocks ({build} build)", f"{parts[0]} / {parts[1]} / {parts[2]} ms", "—", "—"))

    floor_file = ROOT / "tests/e2e/artifacts/memory-floor.json"
    if floor_file.exists():
        mf = json.loads(floor_file.read_text())
        displays = (
            ("desktop", "under an X server that also maps Mesa's driver and libLLVM (Xvfb's GLX, as a "
                        "desktop's display server or compositor drawing with Mesa does)"),
            ("alone", "with nothing else mapping Mesa's driver and libLLVM (Xvfb without GLX): the worst case"),
        )
        if not any(display in mf for display, _ in displays):
            app_rows.append(("Memory beside the floor", "not measured in this form: run `make bench-memory` again", "—", "—"))
        for display, where in displays:
            if display not in mf:
                continue
            for moment, words in (("after_3_s", "3 s after start"), ("idle_15_s", "idle, 15 s after start")):
                f, a = mf[display]["floor"][moment], mf[display]["app"][moment]
                app_rows.append((
                    f"Memory {words}, release build, demo data, PSS of the app, web and network processes "
                    f"{where} (`make bench-memory`): Convene {a['app']['pss']} + "
                    f"{a['web']['pss']} + {a['network']['pss']}"
                    + (f" (their private pages, USS: {a['total_uss']} MiB)" if "total_uss" in a else "")
                    + f"; an empty window of the same Tauri and WebKitGTK build (the floor) {f['total_pss']} MiB",
                    f"{a['total_pss']} MiB (floor + {round(a['total_pss'] - f['total_pss'], 1)})", "< 200 MB",
                    "met" if a["total_pss"] * 1.048576 < 200 else "NOT MET"))
    else:
        app_rows.append(("Memory beside the floor", "not measured: run `make bench-memory` first", "—", "—"))

    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`scripts/bench_report.py`); do not edit by hand.",
        "",
        f"- Run on {datetime.date.today().isoformat()}: {machine()}.",
        "- Bench profile (the release settings with thin LTO); divan medians. The app rows come from the last e2e runs "
        "(`tests/e2e/artifacts/timings.json` from `make test-e2e`, debug build; "
        "`timings-release.json` from `make bench-app`, the packaged release build).",
        "",
        "| what | figure | target | status |",
        "|---|---|---|---|",
    ]
    for r in rows + app_rows:
        lines.append("| " + " | ".join(r) + " |")
    lines += [
        "",
        "Notes",
        "- Evaluation runs children in parallel over the machine's cores, builds one occurrence "
        "table per child and reuses buffers; single-threaded it is about 2× slower.",
        "- The slot finder's busy lists are sorted with a prefix maximum of end times, so \"is this "
        "person busy in [a, b)?\" is a binary search plus a short walk back.",
        "- Conflict detection sorts one packed 64-bit key per booking and sweeps, on one thread, "
        "while each meeting's own checks run on another; sentences are produced separately because "
        "a user never reads 600k of them (the synthetic data books meetings at random, so it has "
        "far more clashes than a real diary). On this 2-core virtual machine the median varies by "
        "about a quarter from run to run.",
        "- The timescale figure includes the kernel zeroing fresh pages for the ~50 MB of due items "
        "each run returns (page faults and zeroing were about a seventh of `perf`'s samples); it was 98.7 ms on the AMD EPYC "
        "machine of an earlier session, with the same code. This VM's speed varies from hour to hour across code "
        "no one changed: in the early hours of 2026-12-01 the full evaluation measured 106 to 124 ms over five runs "
        "(and the commit before that night's changes 110.5 and 112.1 ms in the same hour), against 90.8-102 ms on "
        "2026-11-30 and 88.8-93 ms in three runs later on 2026-12-01, when conflict detection, the store's load and the PDFs "
        "were 25-35% quicker too. The 100 ms target is met on some runs and not on others.",
        "- The month view is our own grid (EventCalendar draws day and week): the click-to-paint "
        "time is the fetch and one frame. EventCalendar's month took 1,336 ms for the same month.",
        "- Memory: the app turns WebKitGTK's accelerated compositing off (about 100 MiB less in the "
        "web process) and runs the page's JavaScript without JavaScriptCore's JIT (8-10 MiB less; "
        "alternating runs showed no slowdown beyond this machine's noise). Neither GTK nor WebKit's UI "
        "side starts OpenGL/EGL in the app's process any more (`GDK_GL=disable`, no DMA-BUF renderer, "
        "the render node named), so Mesa's driver and libLLVM stay out of it: 20-23 MiB less, floor "
        "and app alike, and a quicker start (the release build's own start to a usable dashboard fell "
        "from a median of 806 ms to 428 ms: loading libLLVM and starting EGL are no longer on the way). The UI formats UK times and sorts lists without ICU (its time zone data and "
        "collator, about 3-4 MiB); the release build is one fat-LTO unit (3.5 MiB less of the binary "
        "resident); sled's metrics histograms are untouched zero pages. "
        "The shipped binary is profile-guided (`scripts/pgo.sh`: trained on a start-up to the idle "
        "dashboard, only never-run code counted cold, hot and cold code kept in separate sections) and "
        "linked with packed relative relocations (DT_RELR: the loader no longer reads 1.1 MiB of "
        "relocation entries, most of them for chrono-tz's zone abbreviations, which still dirty 1.3 MiB "
        "of relocated data); its resident image fell from 10.3 to 6.4 MiB, with 3.8 of 9.3 MiB of code "
        "resident. glibc's allocator keeps one arena with fixed 128 KiB mmap and trim thresholds in the "
        "app's process (about 3 MiB less), and once the page has made no request for 5 s the free "
        "memory in its heap goes back to the system (`malloc_trim`, 0.7 MiB when called in a running app; WebKitGTK 2.50 exports no call to collect the page's JavaScript heap). The window is created hidden and shown once its first "
        "screen is drawn: start-up's quick repaints no longer leave a second window-sized X "
        "shared-memory image resident (4 MB, 2 MiB of PSS split with the X server; 8000 to 4000 kB in "
        "every run checked), but the latest run is no lower overall: its binary's resident image is "
        "0.9 MiB larger (this session's date checks and timescale fixes, a new profile) and the rest is "
        "within the run-to-run variation. Together (desktop rows): 196.6 to 190.1-192.3 MiB idle, 200.9 to "
        "193.9-196.3 at 3 s (the same build varies by about 2 MiB from run to run, so the desktop idle row read met on some runs and not on others; the 3 s and alone rows were over the target on every run). "
        "This session ran on a freshly installed machine, and the code as it was measured 195.4 MiB idle, floor 170.9 (2.2 MiB above the last machine's floor of 168.7: the platform's packages, not Convene). Then every screen but the dashboard and the empty state loads on first use (the main UI bundle 186 to 82 KB), the heap is trimmed at idle, and the web process's EGL display, which nothing draws with, uses Mesa's softpipe rather than llvmpipe (`GALLIUM_DRIVER`: llvmpipe sets up LLVM's code generator as the display opens; 1.0 MiB less in the web process in both runs, floor and app alike): 193.1 MiB idle, floor 169.7. The profile-guided build is also quicker: release cold start 448 to 381 ms, month view 82 to 63 ms (one run each on this noisy VM; the untrained month view too). sled's cache size made no difference (the demo store is 2.7 MB). "
        "On 2026-12-01 the same quiet moment began to hand back the resident pages of the app's own program file too "
        "(`page_out_program`: `madvise(MADV_PAGEOUT)` over its mappings that are not writable, that is its code and "
        "read-only data, 7.7 MiB resident at idle before; a page is read back from the file when next touched, and "
        "no other process maps the file): desktop idle 193.1 to 187.4 MiB (the app's process 53.7 to "
        "47.8, 1.5 above the floor's; floor 169.7), alone idle 213.9 to 207.7. The 3 s rows come before the first "
        "quiet spell and are unchanged (197.7 and 217.5 MiB). Opening the children, a child, the calendar and the "
        "dashboard straight after a page-out was no slower than without one (three alternating e2e runs each, with "
        "every unwritable file mapping of the app's process paged out, more than the app now does: 87-272 ms a step "
        "either way). "
        "Later that day the first hand-back came once start-up is over (1 s without a request, `memory::STARTED_AFTER`) "
        "rather than after 5 s, so the 3 s rows follow it too. That run was on a machine whose platform measured far "
        "higher, floor and app alike: the empty window's floor 203.4 MiB idle and 207.3 at 3 s (169.7 and 173.6 before), "
        "Convene's app process at 129 MiB of RSS (about 100 before) and the floor's network process at 39 MiB of PSS (28 before), "
        "nearly all of it pages of shared library files (the floor's network process has 13 MiB of private pages, USS, of "
        "its 39; no package had changed since, the last change on the machine being python3-numpy; kernel 6.18.44). So the absolute rows "
        "read 221.1 MiB idle and 224.5 at 3 s on the desktop, while what Convene adds to the floor fell at 3 s from "
        "24.1 to 17.2 MiB and stayed 17.7 MiB idle (alone 17.5 and 17.1), and Convene's private pages fell from 108.4 "
        "to 103.3 MiB idle and from 118.9 to 108.8 at 3 s. The other rows of the table were kept from the earlier run "
        "on 2026-12-01: on this machine the same code measured 30-60% slower throughout, numpy's reference included "
        "(8.6 against 12.9 M/s). "
        "Tried and not taken (desktop idle row, one run each against the same binaries, the floor beside it): WebKit's `Malloc=1` (the system allocator instead of bmalloc/libpas in all three processes) 1.4 MiB less but gives up libpas's type-segregated heaps in the web process and is a debugging switch; JavaScriptCore's `forceMiniVMMode`, `forceRAMSize` (64 MiB), one GC marker without concurrent GC, no WebAssembly: within 0.6 MiB, that is noise; `LP_NUM_THREADS=0`, `EGL_PLATFORM=surfaceless`, Mesa's shader cache off, GIO's local VFS and in-memory GSettings, glibc's tunables (one arena, fixed thresholds) for the web and network processes: within 0.5 MiB, that is noise; `malloc_trim` in the web and network processes (called by debugger): nothing; an EGL vendor that does not exist (`__EGL_VENDOR_LIBRARY_FILENAMES`): the web process does not start. Of the 6.6 MiB the app's process adds to the floor's, chrono-tz's zone tables dirty about 1.3 MiB when the loader relocates them; the .ics importer needs every zone, and its `rrule` dependency uses chrono-tz too, so only a different time zone source for imports would take that away. "
        "The memory rows are PSS with no other process mapping the WebKit, JavaScriptCore or LLVM "
        "library files the app maps (`scripts/memory_floor.py` refuses otherwise): PSS splits a shared page among the processes that map it, and a second "
        "empty window beside the floor takes 60 MiB off its PSS. Each is measured twice. WebKit's web "
        "process always opens an EGL display, whatever the settings (its drawing area asks for one "
        "when the page is made: checked by turning off all 206 WebKit features that are on, and the "
        "hardware acceleration policy), and on Debian every Mesa driver is one file that needs "
        "libLLVM: 8 MiB of relocated data and 35 MiB of code that LLVM's start-up touches. A "
        "desktop's display server or compositor that draws with Mesa maps the same file, and PSS "
        "splits those code pages with it; Xvfb's GLX stands in for it in the \"desktop\" rows. With "
        "nothing else mapping Mesa (the \"alone\" rows) the web process carries all of them, and the "
        "floor (an empty window of the same Tauri and WebKitGTK build and allocator settings; its "
        "binary is neither profile-guided nor linked with the app's flags) is 189 MiB, 198 MB, by "
        "itself; beside a Mesa display server it is 169-173 MiB. An earlier session's 193-197 MiB was "
        "measured beside another WebKit window, and earlier versions of this file called the desktop "
        "rows the worst case: they are not, as Xvfb maps Mesa too. "
        "What is left is mostly the platform: in the floor, the web process's EGL display (Mesa's "
        "software driver and libLLVM) is 28 MiB beside a Mesa display server and 46 MiB alone, the "
        "network process 28 MiB, and Debian's WebKitGTK links the flite speech synthesiser, whose "
        "voices cost each of the three processes 2.3 MiB of relocated tables and share 7.7 MiB of "
        "data (15 MiB in all). Convene adds about 24 MiB 3 s after start (18 MiB at idle, once its program's pages are handed back): in the app process its binary (~4 MiB more "
        "than the floor's; chrono-tz's zone tables dirty about 1 MiB of it), heap (~3: sled's node "
        "cache and IO buffers 2.3, GTK's and WebKit's UI side 2.9) and the window's image (~2); in "
        "the web process the page's DOM and JavaScript heap (~7; JavaScriptCore's heap is 3.4 MB "
        "after a full collection, 2 MB of it live) and more of libwebkit2gtk's code (~5). "
        "The app's own process is about 100 MiB of RSS (it was 159-164). The e2e rows are read at the "
        "moment the dashboard is usable, in the e2e session (Xvfb with GLX, as in the desktop rows). "
        "App timings on this VM vary by up to 2x between runs, hence the medians.",
        "- Saving a meeting waits for sled's flush (fsync): the figure is mostly the disk.",
        "- Agenda PDFs include building the agenda from the dataset; fonts are subset and embedded "
        "per file.",
        "",
    ]
    OUT.write_text("\n".join(lines))
    print(OUT.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
