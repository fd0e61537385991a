//! `waypoint gzip FILE...`: the site's `.gz` copies (see `crate::gzip`).

use std::path::PathBuf;
use std::time::Instant;

/// Writes `FILE.gz` beside every `FILE` named; exits 1 if one cannot be
/// read or written.
pub(crate) fn gzip(files: &[String]) -> i32 {
    if files.is_empty() {
        eprintln!("waypoint gzip: name the files to compress");
        return 2;
    }
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    match crate::gzip::write_copies(&files, threads) {
        Ok((read, written)) => {
            println!(
                "gzip: {} file(s), {read} -> {written} bytes (zopfli), {:.1} s",
                files.len(),
                start.elapsed().as_secs_f64()
            );
            0
        }
        Err(e) => {
            eprintln!("waypoint gzip: {e}");
            1
        }
    }
}
