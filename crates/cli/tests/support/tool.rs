//! Running the `waypoint` binary, for the CLI's own integration tests
//! (only they are given `CARGO_BIN_EXE_waypoint`, so this is not part of
//! `support`, which the core's suites share): from the repository root, on
//! a fixed today, with its exit code and everything it printed.

#![allow(dead_code)] // each suite uses what it needs

use std::path::PathBuf;
use std::process::Command;

/// The date every command's freshness judgements are made on.
pub const TODAY: &str = "2026-11-28";

pub fn waypoint(args: &[&str]) -> (i32, String) {
    waypoint_with(args, &[])
}

/// `waypoint` with more environment (e.g. `WAYPOINT_SHARDS`).
pub fn waypoint_with(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_waypoint"))
        .args(args)
        .env("WAYPOINT_TODAY", TODAY)
        .envs(env.iter().copied())
        .current_dir(super::support::repo())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// An empty folder of this test run's own: `waypoint-<suite>-<name>-<pid>`.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waypoint-{suite}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
