//! The allocator limits `memory::before_start` sets in the app's process (`tune_allocator`),
//! observed from outside glibc through /proc/self/maps. Its own binary without the test harness:
//! glibc gives every new thread an arena of its own until the limit, so the check must run before
//! any other thread exists (the harness starts one per test). A control run of the same binary
//! without the limits must show glibc's defaults, so the checks are seen to be able to fail.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn main() {
    // The control: this binary again, without the limits, must show glibc's defaults — else the
    // checks below could pass by seeing nothing at all.
    if std::env::var_os(CONTROL).is_some() {
        let seen = observe();
        println!("{} {}", seen.from_heap, seen.arenas);
        return;
    }
    convene_desktop::memory::before_start();
    let mut failures = Vec::new();
    let seen = observe();
    if !seen.heap_found {
        failures.push("no [heap] mapping in /proc/self/maps".to_string());
    }
    if seen.from_heap {
        failures.push("a 1 MiB block came from the heap after a larger one was freed".to_string());
    }
    let allowed = convene_desktop::memory::ARENA_MAX as usize - 1;
    if seen.arenas > allowed {
        failures.push(format!(
            "{} thread arenas after eight allocating threads; the limit allows {allowed}",
            seen.arenas
        ));
    }

    // Only now (a child process allocates in this one) the control.
    match std::env::current_exe().and_then(|exe| std::process::Command::new(exe).env(CONTROL, "1").output()) {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
            match text.split_once(' ') {
                Some(("true", n)) if n.parse::<usize>().is_ok_and(|n| n >= 1) => {}
                _ => failures.push(format!(
                    "without the limits the checks should see the 1 MiB block in the heap and at least one \
                     thread arena, and saw \"{text}\" (from the heap, arenas): they cannot tell"
                )),
            }
        }
        Err(e) => failures.push(format!("the control run did not start: {e}")),
    }

    if failures.is_empty() {
        println!("allocator limits: ok");
    } else {
        for f in &failures {
            eprintln!("allocator limits: {f}");
        }
        std::process::exit(1);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
const CONTROL: &str = "CONVENE_ALLOCATOR_CONTROL";

#[cfg(all(target_os = "linux", target_env = "gnu"))]
struct Seen {
    heap_found: bool,
    /// A 1 MiB block came from the heap after a 4 MiB one was freed.
    from_heap: bool,
    arenas: usize,
}

/// What glibc does with this process's allocations, seen from /proc/self/maps.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn observe() -> Seen {
    // Thresholds, first, on a heap nothing else has used yet: glibc's default raises the mmap
    // threshold to the size of a freed mmapped block, so after a 4 MiB block comes and goes, a
    // 1 MiB block would come from the heap. Fixed at `LARGE_BLOCK`, it still gets a mapping of
    // its own, handed back whole when freed.
    drop(std::hint::black_box(vec![1u8; 4 << 20]));
    let block = std::hint::black_box(vec![1u8; 1 << 20]);
    let at = block.as_ptr() as usize;
    let heap = heap_range();
    drop(block);

    // Arenas: eight threads allocating at once. glibc's default would give each its own arena
    // (up to eight per core); the limit counts the main one.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let kept: Vec<Vec<u8>> = (0..2_000).map(|n| vec![i as u8; 64 + n % 512]).collect();
                kept.iter().map(|v| v.len()).sum::<usize>()
            })
        })
        .collect();
    for t in threads {
        let _ = t.join();
    }
    Seen {
        heap_found: heap.is_some(),
        from_heap: heap.is_some_and(|(start, end)| (start..end).contains(&at)),
        arenas: thread_arenas(),
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {}

/// The maps of this process: (start, end, permissions, path) per line.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn maps() -> Vec<(usize, usize, String, String)> {
    let text = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (start, end) = fields.next()?.split_once('-')?;
            let perms = fields.next()?.to_string();
            let path = fields.nth(3).unwrap_or("").to_string();
            Some((
                usize::from_str_radix(start, 16).ok()?,
                usize::from_str_radix(end, 16).ok()?,
                perms,
                path,
            ))
        })
        .collect()
}

/// glibc's thread arenas: each is a 64 MiB-aligned reservation whose used part is readable and
/// writable and the rest inaccessible, 64 MiB in all (HEAP_MAX_SIZE on 64-bit).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn thread_arenas() -> usize {
    const HEAP_MAX: usize = 64 << 20;
    let maps = maps();
    maps.iter()
        .enumerate()
        .filter(|(i, (start, end, perms, path))| {
            let reserved = match maps.get(i + 1) {
                Some((next, next_end, p, _)) if next == end && p == "---p" => next_end - start,
                _ => end - start,
            };
            start % HEAP_MAX == 0 && perms == "rw-p" && path.is_empty() && reserved == HEAP_MAX
        })
        .count()
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_range() -> Option<(usize, usize)> {
    maps().into_iter().find(|m| m.3 == "[heap]").map(|m| (m.0, m.1))
}
