//! Keeping the window's memory down on Linux, where WebKitGTK draws it. Measured with the
//! release build on demo data (BENCHMARKS.md): accelerated compositing alone costs the web
//! process about 100 MiB, which a planner of lists and forms does not need.

/// What the window's processes are started with, unless the user has set them:
/// - `WEBKIT_DISABLE_COMPOSITING_MODE`: draw without accelerated compositing.
/// - `WEBKIT_DISABLE_DMABUF_RENDERER`: hand finished frames to the window in shared memory rather
///   than as GPU (DMA-BUF) buffers. Without compositing there are no GPU buffers to hand over.
/// - `WEBKIT_WEB_RENDER_DEVICE_FILE=/dev/null`: name the GPU render node the web process may use,
///   so the app's process does not start EGL only to look one up. That lookup loads Mesa's
///   driver, and with it libLLVM, into the app's process (about 20 MiB of PSS there, measured
///   against the memory floor, BENCHMARKS.md). The node is only used for compositing and
///   DMA-BUF buffers, both off. The web process looks the name up among the machine's DRM
///   devices, finds none called /dev/null and uses no GPU device, as on a machine without a GPU
///   (WebKit's `DRMDeviceManager::initializeMainDevice`, WebKitGTK 2.46 and later; Debian 12
///   ships 2.50). WebKit may say on stderr that it found no such device.
/// - `GDK_GL=disable`: GTK does not probe OpenGL (GLX, under X11) for the window, which loads
///   the same driver; nothing in the window draws with OpenGL.
/// - `GALLIUM_DRIVER=softpipe`: with no GPU device, the web process's EGL display (which it
///   always opens) is Mesa's software one; nothing is drawn with it, as compositing is off. Mesa's
///   default software driver, llvmpipe, sets up LLVM's code generator as the display opens;
///   softpipe does not. Measured on demo data: 1.0 MiB less in the web process, floor and app
///   alike (BENCHMARKS.md). Mesa reads it only when it picks a software driver.
/// - `JSC_useJIT=0`: run the page's JavaScript in JavaScriptCore's interpreter, without its
///   just-in-time compilers. Measured on demo data (BENCHMARKS.md): about 8–10 MiB less in the
///   web process, and no slower beyond this machine's noise where it matters (alternating e2e
///   runs of the release build: month view medians 93 and 115 ms with JIT, 117 and 96 ms
///   without; cold start no slower). A page without JIT is also a smaller target, as in Safari's
///   Lockdown Mode.
pub const WEBKIT_ENVIRONMENT: [(&str, &str); 6] = [
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/null"),
    ("GDK_GL", "disable"),
    ("GALLIUM_DRIVER", "softpipe"),
    ("JSC_useJIT", "0"),
];

/// Before anything starts WebKit: the allocator's limits (`tune_allocator`), and
/// `WEBKIT_ENVIRONMENT` (the web process inherits the environment; a value the user has set is
/// left alone).
pub fn before_start() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    tune_allocator();
    #[cfg(target_os = "linux")]
    for (name, value) in WEBKIT_ENVIRONMENT {
        if std::env::var_os(name).is_none() {
            // Called first thing in `run`, before any thread exists.
            std::env::set_var(name, value);
        }
    }
}

/// How many malloc arenas the app's process may have, the main one included (`tune_allocator`).
pub const ARENA_MAX: i32 = 1;
/// From this size up, blocks get mappings of their own, and free memory above it at the top of
/// the heap is handed back (`tune_allocator`).
pub const LARGE_BLOCK: i32 = 128 * 1024;

/// The C library's allocator in the app's own process, before any other thread exists:
/// - one arena (`M_ARENA_MAX`), rather than a new one for each thread that allocates (tokio's
///   workers, sled's threads, GTK's and WebKit's), each keeping free pages of its own; the app
///   is idle most of the time, and glibc's per-thread caches still serve small blocks without
///   the lock;
/// - blocks of `LARGE_BLOCK` and more in mappings of their own, handed back whole when freed
///   (`M_MMAP_THRESHOLD`), and free memory above it at the top of the heap handed back
///   (`M_TRIM_THRESHOLD`). Setting them fixes glibc's defaults, which otherwise rise with each
///   large block freed (the mmap threshold to its size, up to 32 MiB, the trim threshold to
///   twice that), so the big short-lived buffers of a dashboard or calendar answer stay in the
///   heap.
///
/// Measured on demo data (BENCHMARKS.md): about 3 MiB less in the app's process once idle. These
/// are `GLIBC_TUNABLES`' settings, which could only reach the app's own process by re-executing
/// it. `tests/allocator.rs` checks both from /proc/self/maps.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_allocator() {
    // SAFETY: `mallopt(c_int, c_int)` matches glibc's prototype. glibc documents it as safe only
    // while no other thread exists ("MT-Unsafe init"): it is called only from `before_start`,
    // first thing in `run` (and in the memory floor's `main`), before any thread is started. The
    // values are within glibc's limits, and a refused one returns 0 and changes nothing.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, ARENA_MAX);
        libc::mallopt(libc::M_MMAP_THRESHOLD, LARGE_BLOCK);
        libc::mallopt(libc::M_TRIM_THRESHOLD, LARGE_BLOCK);
    }
}

/// How long the page must have made no request before the app hands memory back
/// (`release_when_idle`).
pub const IDLE_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

/// The first time, start-up's: how long after its last request start-up counts as over. By then
/// the app has opened the store, worked out every timescale and drawn its first screen; that
/// code, and the memory it freed, is not needed again, so it goes back sooner than a quiet
/// spell's.
pub const STARTED_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// Once start-up is over (no request for `STARTED_AFTER`), and then whenever the page has made
/// no request for `IDLE_AFTER`, hand memory back to the system:
/// - the free memory in the C allocator's heap (`malloc_trim`): what building a dashboard, a
///   month of the calendar or an export freed, which otherwise stays resident below the heap's
///   top until something reuses it;
/// - the resident pages of the files it maps read-only that no other process maps
///   (`page_out_files`): start-up's code and read-only data, and whatever the last burst of
///   work ran, read back from the file when next needed.
///
/// Once per quiet spell: after a release the thread sleeps until the next request (`work` sends
/// one `()` per request), so an idle app is not woken. The thread ends when every sender has
/// gone.
///
/// Measured on demo data (BENCHMARKS.md): trimming 0.7 MiB less in the app's process at idle,
/// the program's pages about 6 MiB (of 7.7 resident); opening the children, a child, the
/// calendar and the dashboard again straight after was no slower than without (alternating
/// runs). Trimming takes well under a millisecond on this heap and holds the allocator's lock
/// meanwhile; nothing the user waits on runs then, as nothing has been asked for.
pub fn release_when_idle(work: std::sync::mpsc::Receiver<()>) {
    if let Err(e) = on_quiet(work, STARTED_AFTER, IDLE_AFTER, release) {
        eprintln!("Convene will not hand memory back when idle: {e}");
    }
}

/// Call `then` on a thread of its own once `work` has had nothing for `first` (from the start
/// or its last message), and again after each later burst once it has had nothing for `quiet`;
/// never while nothing has happened since the last call.
fn on_quiet(
    work: std::sync::mpsc::Receiver<()>,
    first: std::time::Duration,
    quiet: std::time::Duration,
    then: impl Fn() + Send + 'static,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    use std::sync::mpsc::RecvTimeoutError;
    std::thread::Builder::new().name("idle-release".into()).spawn(move || {
        let mut wait = first;
        loop {
            // Each request puts the release off again, until the page has been quiet for a
            // while.
            match work.recv_timeout(wait) {
                Ok(()) => continue,
                Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {}
            }
            then();
            wait = quiet;
            if work.recv().is_err() {
                return;
            }
        }
    })
}

/// Hand the free memory at the top and in the middle of the C allocator's heap back to the
/// system, then the resident pages of the files it maps read-only (`page_out_files`).
fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim(size_t)` matches glibc's prototype and is thread-safe (it takes each
    // arena's lock); it only returns free pages to the system.
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
    #[cfg(target_os = "linux")]
    if let Err(e) = page_out_files() {
        eprintln!("Convene could not hand its program's and libraries' pages back: {e}");
    }
}

/// Ask the kernel to reclaim the resident pages of every file the app's process maps without
/// write access (`madvise(MADV_PAGEOUT)`, Linux 5.4 and later): the code and read-only data of
/// its program and of the libraries it has loaded. They are unchanged copies of the files, so
/// nothing is lost: a page the app needs again is read back from the file (or the page cache)
/// when it is next touched. The kernel reclaims only pages that no other process maps
/// (`madvise(2)`): a page of GTK's or WebKit's code that the web process, or another program on
/// the desktop, also uses stays where it is. So what goes back is what only this process holds:
/// the program itself (no other process maps it), and the parts of the libraries only the
/// window's side uses (GTK's widgets, WebKit's UI process). Pages the loader has written to
/// (relocated data) are in writable mappings and stay, as there is no file copy of them; device
/// files, memfd and shared memory segments are passed over (`FileMapping::pageable`), and so is
/// a mapping the kernel will not page out (a locked one, say). Returns how many bytes were
/// advised.
#[cfg(target_os = "linux")]
pub fn page_out_files() -> std::io::Result<usize> {
    let maps = std::fs::read_to_string("/proc/self/maps")?;
    let mut advised = 0;
    for m in maps
        .lines()
        .filter_map(FileMapping::parse)
        .filter(FileMapping::pageable)
    {
        let len = m.end - m.start;
        // SAFETY: the range is one whole mapping of this process, as /proc/self/maps listed it
        // just now (page-aligned). MADV_PAGEOUT changes no contents, only which pages are
        // resident: clean file pages are dropped and read back from the file on the next touch.
        // It neither moves nor unmaps anything, so no reference into the range is invalidated.
        // If a library were unloaded meanwhile (GTK's and GIO's modules can be), the call fails
        // (ENOMEM), or advises whatever was mapped there since: MADV_PAGEOUT never discards
        // contents, as a written or anonymous page is kept (or swapped out) rather than dropped.
        #[allow(unsafe_code)]
        let done = unsafe { libc::madvise(m.start as *mut libc::c_void, len, libc::MADV_PAGEOUT) };
        if done == 0 {
            advised += len;
        }
    }
    if advised == 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(advised)
}

/// One line of /proc/self/maps that names a file: "start-end perms offset dev inode path".
#[cfg(target_os = "linux")]
struct FileMapping<'a> {
    start: usize,
    end: usize,
    writable: bool,
    path: &'a str,
}

#[cfg(target_os = "linux")]
impl<'a> FileMapping<'a> {
    fn parse(line: &'a str) -> Option<Self> {
        let mut fields = line.splitn(6, ' ');
        let (start, end) = fields.next()?.split_once('-')?;
        let perms = fields.next()?;
        let path = fields.nth(3)?.trim_start();
        if !path.starts_with('/') {
            return None;
        }
        Some(FileMapping {
            start: usize::from_str_radix(start, 16).ok()?,
            end: usize::from_str_radix(end, 16).ok()?,
            writable: perms.as_bytes().get(1) == Some(&b'w'),
            path,
        })
    }

    /// A mapping `page_out_files` advises: read-only, of an ordinary file (not a device, a
    /// memfd or a System V shared memory segment, whose pages are not file copies).
    fn pageable(&self) -> bool {
        !self.writable && !["/dev/", "/memfd:", "/SYSV"].iter().any(|p| self.path.starts_with(p))
    }
}

/// Once the window exists: the smallest cache model (one document, no back-forward pages), and
/// no WebGL or Web Audio, which the app never uses.
pub fn tune<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let _ = window.with_webview(|w| {
            use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
            let view = w.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_enable_page_cache(false);
                settings.set_enable_webgl(false);
                settings.set_enable_webaudio(false);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{mpsc, Arc};
    use std::time::Duration;

    #[test]
    fn memory_is_handed_back_once_per_quiet_spell_and_not_during_work() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let (work, quiet) = mpsc::channel();
        let first = Duration::from_millis(300);
        let thread = on_quiet(quiet, first, Duration::from_millis(1000), move || {
            counted.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap();
        // Start-up's own work: nothing while it goes on.
        for _ in 0..5 {
            work.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        // Then quiet: one release after the shorter first wait, and no more while nothing
        // happens.
        std::thread::sleep(Duration::from_millis(800));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        std::thread::sleep(Duration::from_millis(1000));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // A burst of requests, closer together than the quiet time: nothing until it ends.
        for _ in 0..5 {
            work.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // Later spells wait the longer time: nothing after the first wait, one after the second.
        std::thread::sleep(Duration::from_millis(600));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        // The app ending (every sender gone) ends the thread.
        drop(work);
        thread.join().unwrap();
    }

    /// Resident kB of this test program's own file mappings that are not writable.
    #[cfg(target_os = "linux")]
    fn program_resident_kb() -> u64 {
        let exe = std::fs::read_link("/proc/self/exe").unwrap();
        let exe = exe.to_str().unwrap().to_owned();
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let (mut ours, mut total) = (false, 0);
        for line in smaps.lines() {
            let range = line.split(' ').next().and_then(|r| r.split_once('-'));
            if range.is_some_and(|(a, b)| usize::from_str_radix(a, 16).is_ok() && usize::from_str_radix(b, 16).is_ok())
            {
                // A mapping's first line; what follows is about it.
                ours = FileMapping::parse(line).is_some_and(|m| m.path == exe && !m.writable);
            } else if let Some(kb) = line.strip_prefix("Rss:").filter(|_| ours) {
                total += kb.trim().trim_end_matches(" kB").parse::<u64>().unwrap();
            }
        }
        total
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_programs_and_libraries_pages_are_handed_back_and_it_runs_on() {
        // This test's program has run its start-up and the test harness: part of it is resident.
        let before = program_resident_kb();
        assert!(before > 0, "nothing of the program is resident");
        let exe = std::fs::read_link("/proc/self/exe").unwrap();
        let program: usize = std::fs::read_to_string("/proc/self/maps")
            .unwrap()
            .lines()
            .filter_map(FileMapping::parse)
            .filter(|m| std::path::Path::new(m.path) == exe && !m.writable)
            .map(|m| m.end - m.start)
            .sum();
        let advised = page_out_files().unwrap();
        // The program's read-only mappings and the libraries' (the C library's at least).
        assert!(
            advised > program && program > 0,
            "advised {advised}, the program maps {program}"
        );
        // What runs from here on (this function, the harness) comes back on use; the rest does
        // not. How much the kernel takes depends on it and on how the file came into the page
        // cache: on Linux 6.18 here, 1,200 kB went to under half while the freshly linked file
        // was still to be written to disk, but only to about 850 kB once it had been (the rest
        // stayed resident, clean). The other tests of this program run on threads beside this
        // one and bring back what they run meanwhile, so a page-out they undid at once is asked
        // for again (up to three times) before judging.
        let mut after = program_resident_kb();
        for _ in 0..2 {
            if after < before {
                break;
            }
            page_out_files().unwrap();
            after = program_resident_kb();
        }
        assert!(after < before, "resident {before} kB before, {after} kB after");
        // The code still runs, read back from the file.
        assert_eq!(format!("{:?}", (1..4).collect::<Vec<_>>()), "[1, 2, 3]");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn map_lines_are_read_for_file_mappings_only() {
        let code =
            FileMapping::parse("55d0c8a00000-55d0c8b00000 r-xp 00001000 fe:01 123 /usr/bin/convene-desktop (deleted)")
                .unwrap();
        assert_eq!((code.start, code.end), (0x55d0c8a00000, 0x55d0c8b00000));
        assert!(!code.writable);
        assert_eq!(code.path, "/usr/bin/convene-desktop (deleted)");
        let data = FileMapping::parse("7f00-8f00 rw-p 00000000 fe:01 9 /usr/lib/x.so").unwrap();
        assert!(data.writable);
        assert!(FileMapping::parse("7f00-8f00 rw-p 00000000 00:00 0 ").is_none());
        assert!(FileMapping::parse("7f00-8f00 rw-p 00000000 00:00 0      [heap]").is_none());
        assert!(FileMapping::parse("nonsense").is_none());
        assert!(code.pageable() && !data.pageable());
        for line in [
            "7f00-8f00 r--s 00000000 00:05 7 /dev/dri/card0",
            "7f00-8f00 r--s 00000000 00:01 8 /memfd:wayland-cursor (deleted)",
            "7f00-8f00 r--s 00000000 00:01 9 /SYSV00000000 (deleted)",
        ] {
            assert!(!FileMapping::parse(line).unwrap().pageable(), "{line}");
        }
        let lib =
            FileMapping::parse("7f00-8f00 r--p 00000000 fe:01 9 /usr/lib/x86_64-linux-gnu/libgtk-3.so.0").unwrap();
        assert!(lib.pageable());
    }
}
