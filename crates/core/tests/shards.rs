//! National scale: a directory split by state, and put back together in
//! the browser one state at a time.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::bundle::Bundle;
use waypoint_core::filter::Filters;
use waypoint_core::model::Directory;
use waypoint_core::site::Site;

/// A generated national directory, compiled as `waypoint build` does.
fn national(services: usize) -> Bundle {
    let base = support::default_bundle();
    let files = waypoint_cli::generate::generate(services, 11, &base.taxonomy);
    // One folder per call: the tests run in parallel threads, and one
    // reading the file another is still writing read half of it.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("waypoint-shards-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("generated.json"),
        serde_json::to_vec(&files).unwrap(),
    )
    .unwrap();
    let (bundle, problems) = waypoint_cli::check(&support::repo().join("data"), Some(&dir), true);
    assert!(
        !problems.has_errors(),
        "{:#?}",
        problems
            .list
            .iter()
            .filter(|p| p.severity == waypoint_cli::problem::Severity::Error)
            .collect::<Vec<_>>()
    );
    bundle.unwrap()
}

#[test]
fn every_service_lands_in_the_core_or_in_each_state_it_serves() {
    let full = national(3000);
    let (core, shards) = full.clone().split(None, 0);
    assert!(!shards.is_empty() && core.shards.len() == shards.len());
    assert!(core.directory.services.iter().all(|s| s.is_nationwide()
        || full
            .taxonomy
            .states
            .iter()
            .all(|st| !s.serves_state(&st.code))));
    let parts: Vec<(&waypoint_core::bundle::ShardInfo, Directory)> = shards
        .iter()
        .map(|(info, bytes)| (info, waypoint_core::bundle::decode(bytes).unwrap()))
        .collect();
    for service in &full.directory.services {
        let in_core = core.directory.services.iter().any(|s| s.id == service.id);
        for (info, part) in &parts {
            let here = part.services.iter().any(|s| s.id == service.id);
            assert_eq!(
                here,
                !service.is_nationwide() && service.serves_state(&info.state),
                "{} in {}",
                service.id,
                info.state
            );
            assert!(
                waypoint_core::bundle::paths::url(&info.file)
                    .starts_with(&format!("site-data/shard-{}-", info.state))
                    && info.file.ends_with(".bin")
            );
            assert_eq!(info.services as usize, part.services.len());
        }
        assert_eq!(
            in_core,
            service.is_nationwide()
                || full
                    .taxonomy
                    .states
                    .iter()
                    .all(|st| !service.serves_state(&st.code))
        );
    }
}

#[test]
fn a_state_search_after_loading_its_file_matches_the_whole_directory() {
    let full = national(3000);
    let (core, shards) = full.clone().split(None, 0);
    let (info, bytes) = shards.iter().max_by_key(|(i, _)| i.services).unwrap();
    let part: Directory = waypoint_core::bundle::decode(bytes).unwrap();
    let merged = Site::new(core.with_shard(&part));
    let whole = Site::new(full);
    let filters = Filters {
        state: Some(info.state.clone()),
        ..Filters::default()
    };
    let ids = |site: &Site, q: &str| {
        let mut searcher = site.searcher();
        let mut ids: Vec<String> = site
            .find(&mut searcher, q, &filters)
            .services
            .iter()
            .map(|&i| site.service(i).id.clone())
            .collect();
        ids.sort();
        ids
    };
    for query in ["", "shelter", "legal", "housng"] {
        assert_eq!(
            ids(&merged, query),
            ids(&whole, query),
            "{query:?} in {}",
            info.state
        );
    }
    // Loading the same state twice adds nothing.
    assert_eq!(
        Site::new(core.with_shard(&part).with_shard(&part))
            .services()
            .len(),
        merged.services().len()
    );
}

#[test]
fn file_names_change_only_when_contents_do() {
    let full = national(2500);
    let (_, a) = full.clone().split(None, 0);
    let (_, b) = full.split(None, 0);
    assert_eq!(
        a.iter().map(|(i, _)| &i.file).collect::<Vec<_>>(),
        b.iter().map(|(i, _)| &i.file).collect::<Vec<_>>()
    );
}
