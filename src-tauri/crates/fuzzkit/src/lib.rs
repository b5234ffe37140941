//! Test-only support for the importers' fuzz tests (`convene-core`'s `fuzz_holidays`,
//! `convene-store`'s `fuzz_import`, `convene-ics`'s `fuzz_timed`): a time-boxed driver on top of
//! proptest (corpus replay, then generate / run / shrink, crash files saved into the corpus and
//! replayed first), a panic watch that also sees panics an importer catches, and in [`json`] the
//! mutation engine for JSON importers. Run them all for a budget with `scripts/fuzz.sh`.
//!
//! - `CONVENE_FUZZ_SECS=<n>`: keep going for n seconds (without it: the corpus, then 256
//!   inputs, at most ~10 s, as part of the ordinary test run).
//! - `CONVENE_FUZZ_SEED=<u64>`: repeat a run.
// A test harness: failing loudly is its job.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod json;

use std::hash::Hasher;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

// ---------------------------------------------------------------------------------------------
// Panic watch: counts every panic, also those caught (and turned into errors) by the importer.

static PANICS: AtomicUsize = AtomicUsize::new(0);
static QUIET: AtomicBool = AtomicBool::new(false);
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());
static HOOK: Once = Once::new();

pub fn watch_for_panics() {
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = info.to_string();
            }
            if !QUIET.load(Ordering::SeqCst) {
                default(info);
            }
        }));
    });
}

pub fn last_panic() -> String {
    LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// The corpus: `tests/fuzz-corpus/<name>/` at the top of the repository.

pub fn corpus_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fuzz-corpus")
        .join(name);
    dir.canonicalize().unwrap_or(dir)
}

/// Every file in a corpus folder (not dot files), sorted by name.
pub fn load_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("the corpus {} cannot be read: {e}", dir.display()))
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.file_type().ok()?.is_file() {
                return None;
            }
            Some((name, std::fs::read(entry.path()).ok()?))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus {} is empty", dir.display());
    files
}

/// The `i`th item, wrapping; `None` when there are none.
pub fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    if items.is_empty() {
        None
    } else {
        Some(&items[i % items.len()])
    }
}

/// A position in `0..=len` from any number.
pub fn pos(len: usize, at: usize) -> usize {
    at % (len + 1)
}

// ---------------------------------------------------------------------------------------------
// The driver: corpus replay, then generate / run / shrink until the time or case budget is spent.

pub trait Target {
    type Recipe: Clone + std::fmt::Debug;
    /// The importer's name: its corpus folder under `tests/fuzz-corpus/` and its report line.
    const NAME: &'static str;
    /// The input as it is written to a crash file.
    fn render(&self, r: &Self::Recipe) -> Vec<u8>;
    /// Run one input; `Err` is a broken promise other than a panic.
    fn exec(&mut self, r: &Self::Recipe) -> Result<(), String>;
    /// How each corpus file is replayed before fuzzing.
    fn corpus_recipes(&self, i: usize) -> Vec<Self::Recipe>;
    /// The corpus files, by name, as loaded.
    fn corpus_files(&self) -> &[(String, Vec<u8>)];
    fn stats(&self) -> String;
}

pub fn run_one<T: Target>(t: &mut T, r: &T::Recipe) -> Option<String> {
    let before = PANICS.load(Ordering::SeqCst);
    let result = catch_unwind(AssertUnwindSafe(|| t.exec(r)));
    let caught = PANICS.load(Ordering::SeqCst) != before;
    match result {
        Err(_) => Some(format!("panic: {}", last_panic())),
        Ok(_) if caught => Some(format!("a panic was caught inside the importer: {}", last_panic())),
        Ok(Err(broken)) => Some(broken),
        Ok(Ok(())) => None,
    }
}

pub fn shrink<T: Target, V: ValueTree<Value = T::Recipe>>(
    t: &mut T,
    mut tree: V,
    mut best: T::Recipe,
    mut why: String,
) -> (T::Recipe, String) {
    QUIET.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut steps = 0;
    if tree.simplify() {
        while steps < 2000 && Instant::now() < deadline {
            steps += 1;
            let r = tree.current();
            match run_one(t, &r) {
                Some(w) => {
                    best = r;
                    why = w;
                    if !tree.simplify() {
                        break;
                    }
                }
                None => {
                    if !tree.complicate() {
                        break;
                    }
                }
            }
        }
    }
    QUIET.store(false, Ordering::SeqCst);
    (best, why)
}

pub fn crash_name(bytes: &[u8]) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    format!("crash-{:016x}", h.finish())
}

pub fn seed() -> u64 {
    match std::env::var("CONVENE_FUZZ_SEED") {
        Ok(s) => s.trim().parse().expect("CONVENE_FUZZ_SEED must be a whole number"),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0),
    }
}

pub fn fuzz<T: Target>(t: &mut T, strategy: impl Strategy<Value = T::Recipe>) {
    watch_for_panics();
    let (limit, max_cases) = match std::env::var("CONVENE_FUZZ_SECS") {
        Ok(s) => (
            Duration::from_secs(
                s.trim()
                    .parse()
                    .expect("CONVENE_FUZZ_SECS must be a whole number of seconds"),
            ),
            u64::MAX,
        ),
        Err(_) => (Duration::from_secs(10), 256),
    };
    let seed = seed();
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let dir = corpus_dir(T::NAME);
    let files = t.corpus_files().len();
    let started = Instant::now();
    let mut execs = 0u64;
    let mut slowest = Duration::ZERO;

    for i in 0..files {
        for r in t.corpus_recipes(i) {
            if let Some(why) = run_one(t, &r) {
                panic!(
                    "fuzz {}: the corpus file {} fails: {why}\n{r:?}",
                    T::NAME,
                    dir.join(&t.corpus_files()[i].0).display()
                );
            }
            execs += 1;
        }
    }
    // The time limit counts from here, after the corpus replay: a slow replay on a busy machine
    // must not leave no time for new inputs, and a run always tries at least MIN_CASES.
    const MIN_CASES: u64 = 32;
    let fuzzing = Instant::now();
    let mut cases = 0u64;
    while cases < max_cases && (cases < MIN_CASES || fuzzing.elapsed() < limit) {
        let tree = strategy.new_tree(&mut runner).expect("the strategy has no filters");
        let r = tree.current();
        let t0 = Instant::now();
        let outcome = run_one(t, &r);
        slowest = slowest.max(t0.elapsed());
        cases += 1;
        execs += 1;
        if let Some(why) = outcome {
            let (minimal, why) = shrink(t, tree, r, why);
            let bytes = t.render(&minimal);
            let path = dir.join(crash_name(&bytes));
            std::fs::write(&path, &bytes).expect("write the crash file");
            panic!(
                "fuzz {}: {why}\ninput (seed {seed}): {minimal:?}\nsaved to {}",
                T::NAME,
                path.display()
            );
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "fuzz {}: {secs:.0} s, {execs} executions ({cases} new inputs) ({:.0}/s), 0 panics, corpus {files} files; seed {seed}, \
         slowest input {} ms; {}",
        T::NAME,
        execs as f64 / secs.max(1e-9),
        slowest.as_millis(),
        t.stats()
    );
}
