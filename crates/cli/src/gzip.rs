//! The `.gz` copies of the built site's files (`waypoint gzip`), written
//! with Zopfli: the same gzip format every browser reads, about 5% smaller
//! than zlib's level 9, which is what a gzip-only host (GitHub Pages)
//! serves when it finds a `.gz` beside a file. `scripts/precompress.mjs`
//! chooses the files and writes the brotli copies; `scripts/budget.mjs`
//! counts these bytes as the gzip first load.

use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

/// Files up to this size get fewer Zopfli iterations: the site has
/// thousands of small data files (shards, catalogues), where more passes
/// save a few bytes each but cost most of the time.
const SMALL_FILE: usize = 16 * 1024;

/// `data` as a gzip member, Zopfli-compressed: 15 iterations (Zopfli's
/// default) for files over `SMALL_FILE`, 5 below it.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let iterations = if data.len() > SMALL_FILE { 15 } else { 5 };
    let options = zopfli::Options {
        iteration_count: NonZeroU64::new(iterations).expect("non-zero"),
        ..zopfli::Options::default()
    };
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    zopfli::compress(options, zopfli::Format::Gzip, data, &mut out)
        .expect("writing to a Vec cannot fail");
    out
}

/// The copy's path: `FILE.gz` beside `FILE`.
pub fn copy_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".gz");
    PathBuf::from(name)
}

/// Writes `FILE.gz` beside each file, on up to `threads` threads; returns
/// the bytes read and written.
pub fn write_copies(files: &[PathBuf], threads: usize) -> std::io::Result<(u64, u64)> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let one = || -> std::io::Result<(u64, u64)> {
        let (mut read, mut written) = (0, 0);
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(file) = files.get(i) else {
                return Ok((read, written));
            };
            let body = std::fs::read(file)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
            let gz = compress(&body);
            std::fs::write(copy_path(file), &gz)?;
            read += body.len() as u64;
            written += gz.len() as u64;
        }
    };
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads.max(1)).map(|_| s.spawn(one)).collect();
        workers.into_iter().try_fold((0, 0), |(r, w), worker| {
            let (r1, w1) = worker.join().expect("a compression thread panicked")?;
            Ok((r + r1, w + w1))
        })
    })
}
