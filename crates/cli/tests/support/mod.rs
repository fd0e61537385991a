//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::rc::Rc;

use waypoint_core::bundle::Bundle;
use waypoint_core::site::Site;

pub fn repo() -> PathBuf {
    // crates/<crate>/ -> the repository root, where data/ and tests/ live.
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("crates/<crate> sits two levels down").to_path_buf()
}

/// The default directory in `data/`, compiled as `waypoint build` does.
pub fn default_bundle() -> Bundle {
    std::env::set_var("WAYPOINT_TODAY", "2026-11-28");
    let (bundle, problems) = waypoint_cli::check(&repo().join("data"), None, false);
    assert!(!problems.has_errors(), "default data has errors: {:#?}", problems.list);
    bundle.expect("default data compiles")
}

pub fn default_site() -> Rc<Site> {
    Rc::new(Site::new(default_bundle()))
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
