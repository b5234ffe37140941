//! The allocator limits `memory::before_start` sets in the app's process (`tune_allocator`),
//! observed from outside glibc through /proc/self/maps. Its own binary without the test harness:
//! glibc gives every new thread an arena of its own until the limit, so the check must run before
//! any other thread exists (the harness starts one per test).

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn main() {
    convene_desktop::memory::before_start();
    let mut failures = Vec::new();

    // Thresholds, first, on a heap nothing else has used yet: glibc's default raises the mmap
    // threshold to the size of a freed mmapped block, so after a 4 MiB block comes and goes, a
    // 1 MiB block would come from the heap. Fixed at `LARGE_BLOCK`, it still gets a mapping of
    // its own, handed back whole when freed.
    drop(std::hint::black_box(vec![1u8; 4 << 20]));
    let block = std::hint::black_box(vec![1u8; 1 << 20]);
    let at = block.as_ptr() as usize;
    match heap_range() {
        Some((start, end)) if (start..end).contains(&at) => {
            failures.push("a 1 MiB block came from the heap after a larger one was freed".to_string())
        }
        Some(_) => {}
        None => failures.push("no [heap] mapping in /proc/self/maps".to_string()),
    }
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
        if t.join().is_err() {
            failures.push("an allocating thread panicked".to_string());
        }
    }
    let arenas = thread_arenas();
    let allowed = convene_desktop::memory::ARENA_MAX as usize - 1;
    if arenas > allowed {
        failures.push(format!(
            "{arenas} thread arenas after eight allocating threads; the limit allows {allowed}"
        ));
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
