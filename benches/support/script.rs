//! The keystroke script and its statistics, shared by the native bench
//! (`crates/cli/benches/search.rs`) and the browser bench (`crates/web/src/bin/bench.rs`)
//! so both measure exactly the same keystrokes in the same way.
#![allow(dead_code)]

use std::fmt::Write as _;

/// The script's queries: one a line; blank lines and `#` comments skipped.
pub fn queries(script: &str) -> Vec<String> {
    script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Every prefix as typed, then every prefix as deleted, down to nothing.
pub fn keystrokes(queries: &[String]) -> Vec<String> {
    let mut keys = Vec::new();
    for q in queries {
        let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        keys.extend(ends.iter().map(|&e| q[..e].to_string()));
        keys.extend(ends.iter().rev().skip(1).map(|&e| q[..e].to_string()));
        keys.push(String::new());
    }
    keys
}

pub fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(v, 50.0)
}

/// Nearest-rank percentile of sorted values (the median of an even count is
/// the mean of the middle two).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    if p == 50.0 {
        let m = sorted.len() / 2;
        return if sorted.len() % 2 == 0 {
            (sorted[m - 1] + sorted[m]) / 2.0
        } else {
            sorted[m]
        };
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A JSON string literal, for the results files.
pub fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
