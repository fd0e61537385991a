//! `waypoint gzip`: the .gz copies are ordinary gzip, decode to the file,
//! and are smaller than zlib's best.

use std::io::{Read, Write};
use std::process::Command;

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn zlib_best(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// Text with repeats at many distances, large and small (the two iteration counts).
fn sample(len: usize) -> Vec<u8> {
    let words = [
        "service", "hotline", "shelter", "legal", "advocate", "24/7", "call", "text",
    ];
    let mut s = String::new();
    let mut x: u32 = 7;
    while s.len() < len {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        s.push_str(words[(x >> 16) as usize % words.len()]);
        s.push(if x.is_multiple_of(5) { '\n' } else { ' ' });
    }
    s.truncate(len);
    s.into_bytes()
}

#[test]
fn copies_decode_to_the_file_and_beat_zlib_level_9() {
    for len in [0, 1, 1000, 20_000] {
        let data = sample(len);
        let gz = waypoint_cli::gzip::compress(&data);
        assert_eq!(gunzip(&gz), data, "{len} bytes");
        if len >= 1000 {
            assert!(
                gz.len() < zlib_best(&data),
                "{len} bytes: {} vs zlib {}",
                gz.len(),
                zlib_best(&data)
            );
        }
    }
}

#[test]
fn the_command_writes_each_copy_beside_its_file() {
    let dir = std::env::temp_dir().join(format!("waypoint-gzip-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let files = [dir.join("a.wasm"), dir.join("sub/b.bin")];
    for (i, f) in files.iter().enumerate() {
        std::fs::write(f, sample(5000 * (i + 1))).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_waypoint"))
        .arg("gzip")
        .args(&files)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in &files {
        let gz = std::fs::read(waypoint_cli::gzip::copy_path(f)).unwrap();
        assert_eq!(gunzip(&gz), std::fs::read(f).unwrap());
    }
    let missing = Command::new(env!("CARGO_BIN_EXE_waypoint"))
        .args(["gzip", dir.join("none.js").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}
