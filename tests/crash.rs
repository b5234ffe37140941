#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Crash safety: a writer process acknowledges each write only after it is flushed; we kill it
//! with SIGKILL at random moments, then the store must open, pass `convene check`, and hold every
//! acknowledged write. Rounds: `CONVENE_CRASH_ROUNDS` (default 25; `make crash-test` runs 100).

mod util;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use util::{convene_bin, Sandbox};

#[test]
fn acknowledged_writes_survive_sigkill() {
    let rounds: u32 = std::env::var("CONVENE_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let s = Sandbox::new();
    s.demo();
    let mut acked_events: HashSet<String> = HashSet::new();
    let mut acked_meetings: HashSet<String> = HashSet::new();
    let mut seed: u64 = 0x5eed;
    let mut writes = 0usize;
    for round in 0..rounds {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut child = Command::new(convene_bin())
            .arg("--data-dir")
            .arg(s.data())
            .args(["dev", "crash-writer", "--seed", &seed.to_string()])
            .env_remove("CONVENE_DATA_DIR")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start writer");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Let it write for 20-400 ms, then kill it mid-flight.
        let run = Duration::from_millis(20 + (seed >> 33) % 380);
        let started = Instant::now();
        let mut lines = Vec::new();
        while started.elapsed() < run {
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(5)) {
                lines.push(l);
            }
        }
        child.kill().expect("SIGKILL");
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "round {round}: the writer ended by itself: {status:?}"
        );
        reader.join().unwrap();
        lines.extend(rx.try_iter());
        for l in &lines {
            match l.split_whitespace().collect::<Vec<_>>()[..] {
                ["ack", "event", id] => {
                    acked_events.insert(id.to_string());
                }
                ["ack", "meeting", id] => {
                    acked_meetings.insert(id.to_string());
                }
                _ => panic!("round {round}: unexpected writer output {l:?}"),
            }
        }
        writes += lines.len();

        let check = s.run(&["check"]);
        assert_eq!(
            check.code, 0,
            "round {round}: the store failed its check after SIGKILL: {}",
            check.stderr
        );
        let exported = s.run(&["export"]);
        let export: serde_json::Value = serde_json::from_str(exported.ok()).unwrap();
        let ids = |key: &str| -> HashSet<String> {
            export["data"][key]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect()
        };
        let (events, meetings) = (ids("events"), ids("meetings"));
        let lost_events: Vec<&String> = acked_events.difference(&events).collect();
        let lost_meetings: Vec<&String> = acked_meetings.difference(&meetings).collect();
        assert!(
            lost_events.is_empty() && lost_meetings.is_empty(),
            "round {round}: acknowledged writes lost: {} events, {} meetings",
            lost_events.len(),
            lost_meetings.len()
        );
    }
    eprintln!("crash test: {rounds} rounds, {writes} acknowledged writes, 0 lost");
    assert!(writes > 0, "the writer never acknowledged a write");
}
