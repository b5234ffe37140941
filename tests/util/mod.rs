#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// Each test binary uses a different part of this helper.
#![allow(dead_code)]
//! Drives the built `convene` binary (ripgrep-style): each test gets a fresh data directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `target/<profile>/convene`, next to this test executable's `deps/` directory.
pub fn convene_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(Path::parent).expect("target/<profile>");
    let bin = dir.join(format!("convene{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: build it first (`cargo build -p convene-cli`, or `make build`)",
        bin.display()
    );
    bin
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
    /// Succeeded; returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success; stderr: {}", self.stderr);
        &self.stdout
    }
    /// Failed the way the brief asks: non-zero, one line on stderr, no panic. Returns that line.
    pub fn failed(&self) -> &str {
        assert_ne!(self.code, 0, "expected failure; stdout: {}", self.stdout);
        assert!(!self.stderr.contains("panicked"), "panic: {}", self.stderr);
        assert_eq!(self.stderr.trim_end().lines().count(), 1, "stderr: {:?}", self.stderr);
        self.stderr.trim_end()
    }
}

pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// Run `convene --data-dir <sandbox> args…`.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(convene_bin())
            .arg("--data-dir")
            .arg(self.data())
            .args(args)
            .env_remove("CONVENE_DATA_DIR")
            .env_remove("CONVENE_PASSPHRASE")
            .output()
            .expect("run convene");
        Run::from(out)
    }
    /// Run with extra environment variables (e.g. passphrases).
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(convene_bin());
        cmd.arg("--data-dir")
            .arg(self.data())
            .args(args)
            .env_remove("CONVENE_DATA_DIR");
        cmd.env_remove("CONVENE_PASSPHRASE")
            .env_remove("CONVENE_NEW_PASSPHRASE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::from(cmd.output().expect("run convene"))
    }

    pub fn demo(&self) {
        self.run(&["demo", "--today", "2026-11-25"]).ok();
    }

    /// `convene child add` with a given name (family name Test, born 1 Jan 2020); the new id.
    pub fn add_child(&self, given: &str) -> String {
        self.run(&[
            "child",
            "add",
            "--given",
            given,
            "--family",
            "Test",
            "--dob",
            "2020-01-01",
        ])
        .ok()
        .trim()
        .to_string()
    }

    /// `convene meeting add` for an online core group about `child` starting at `start`, with
    /// `extra` arguments after.
    pub fn add_core_group(&self, child: &str, start: &str, extra: &[&str]) -> Run {
        let mut args = vec![
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            child,
            "--start",
            start,
            "--online",
            "Teams",
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}
