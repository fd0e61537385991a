//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::rc::Rc;

use waypoint_core::bundle::Bundle;
use waypoint_core::site::Site;

pub fn repo() -> PathBuf {
    // crates/<crate>/ -> the repository root, where data/ and tests/ live.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/<crate> sits two levels down")
        .to_path_buf()
}

/// The default directory in `data/`, compiled as `waypoint build` does.
pub fn default_bundle() -> Bundle {
    std::env::set_var("WAYPOINT_TODAY", "2026-11-28");
    let (bundle, problems) = waypoint_cli::check(&repo().join("data"), None, false);
    assert!(
        !problems.has_errors(),
        "default data has errors: {:#?}",
        problems.list
    );
    bundle.expect("default data compiles")
}

pub fn default_site() -> Rc<Site> {
    Rc::new(Site::new(default_bundle()))
}

/// The default directory with the fictional services of
/// tests/fixtures/nearby beside it (located around San Diego, Sacramento
/// and New York), compiled as `waypoint build` does.
pub fn nearby_bundle() -> Bundle {
    std::env::set_var("WAYPOINT_TODAY", "2026-11-28");
    // One folder per call: the tests run in parallel threads.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let providers =
        std::env::temp_dir().join(format!("waypoint-nearby-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&providers);
    std::fs::create_dir_all(&providers).unwrap();
    for dir in ["data/providers", "tests/fixtures/nearby"] {
        for entry in std::fs::read_dir(repo().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                std::fs::copy(&path, providers.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let (bundle, problems) = waypoint_cli::check(&repo().join("data"), Some(&providers), true);
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    bundle.unwrap()
}

/// Copies `data/` into a fresh temporary folder the test may break.
pub fn scratch_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waypoint-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&repo().join("data"), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
