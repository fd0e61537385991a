//! `waypoint build`: the bundle the browser loads.

use std::path::Path;

use super::print_problems;
use crate::{load_and_check, Args};
use waypoint_core::bundle::{paths, Bundle, HomeRegion};

pub(crate) fn build(data: &Path, args: &Args) -> i32 {
    let (sources, bundle, problems) =
        load_and_check(data, args.providers.as_deref(), args.allow_fictional);
    let Some(bundle) = bundle.filter(|_| !problems.has_errors()) else {
        print_problems(&problems);
        eprintln!("waypoint: not building: fix the errors above");
        return 1;
    };
    if problems.warnings() > 0 {
        print_problems(&problems);
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| "target/site-data".into());
    let (bundle, later, words) = bundle.split_languages();
    let named = sources
        .site
        .as_ref()
        .and_then(|(_, s)| s.home_region.clone());
    let (bundle, shards) = if split(&bundle) {
        let states: Vec<String> = bundle
            .taxonomy
            .states
            .iter()
            .map(|s| s.code.clone())
            .collect();
        let (home, how) = match named {
            Some(areas) if areas.is_empty() => (None, ""),
            Some(areas) => (Some(HomeRegion { areas }), "site.toml"),
            None => (HomeRegion::inferred(&bundle.directory, &states), "inferred: most local services are there; set home_region in site.toml to choose, or [] for none"),
        };
        if let Some(h) = &home {
            println!("home region: {} ({how})", h.areas.join(", "));
        }
        bundle.split(home.as_ref(), home_file_bytes())
    } else {
        (bundle, Vec::new())
    };
    // Each language's own synonym words go where its search words are.
    let (mut bundle, mut later, mut words) = (bundle, later, words);
    crate::language_synonyms_later(&sources, &mut bundle, &mut later, &mut words);
    // The guide comes with the strings its view waits for, in whichever
    // language the person reads it.
    let guide = std::mem::take(&mut bundle.guide);
    for catalog in &mut later {
        catalog.guide = Some(guide.clone());
    }
    let bytes = bundle.encode();
    let path = out.join(paths::BUNDLE_FILE);
    let mut files = vec![(path.clone(), bytes.clone())];
    for (info, data) in &shards {
        files.push((out.join(&info.file), data.clone()));
    }
    for catalog in &later {
        let file = out.join(paths::catalog_file(&catalog.lang));
        files.push((file, waypoint_core::bundle::encode(catalog)));
    }
    for catalog in &words {
        let file = out.join(paths::search_words_file(&catalog.lang));
        files.push((file, waypoint_core::bundle::encode(catalog)));
    }
    for (file, data) in &files {
        if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(file, data)) {
            eprintln!("waypoint: cannot write {}: {e}", file.display());
            return 1;
        }
    }
    let (home, states): (Vec<_>, Vec<_>) = shards.iter().partition(|(info, _)| info.home);
    if !home.is_empty() {
        let sizes: Vec<String> = home
            .iter()
            .map(|(i, d)| format!("{} ({} services, {} bytes)", i.file, i.services, d.len()))
            .collect();
        println!(
            "wrote {} home region files, fetched at start, nearest a chosen place first: {}",
            home.len(),
            sizes.join("; ")
        );
    }
    if !states.is_empty() {
        let largest = states.iter().map(|(_, d)| d.len()).max().unwrap_or(0);
        println!(
            "wrote {} state files (largest {largest} bytes), fetched when someone chooses a state",
            states.len()
        );
    }
    for (file, data) in files[1 + shards.len()..].iter() {
        println!(
            "wrote {} ({} bytes, fetched when first needed)",
            file.display(),
            data.len()
        );
    }
    println!(
        "wrote {} ({} bytes): {} organisations, {} services, {} languages",
        path.display(),
        bytes.len(),
        bundle.directory.organizations.len(),
        bundle.directory.services.len(),
        bundle.locales.len()
    );
    0
}

/// Directories above this many services, or this many bytes of records,
/// are split: the first load keeps the nationwide services, the home
/// region follows in files fetched at start, other states when chosen.
/// Below both, one file is smaller than a manifest and its parts, and the
/// page never needs to fetch anything after load.
const SPLIT_ABOVE_SERVICES: usize = 2000;
const SPLIT_ABOVE_BYTES: usize = 384 * 1024;

/// The size of the first home region file before compression, about 35 KB
/// over the wire: the first local results wait for one file, not all.
/// Each next file is twice the one before (`Bundle::split`).
const HOME_FILE_BYTES: usize = 128 * 1024;

/// `WAYPOINT_HOME_FILE_BYTES` overrides the home files' size (the e2e
/// fixture cuts a small region into several parts).
fn home_file_bytes() -> usize {
    std::env::var("WAYPOINT_HOME_FILE_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(HOME_FILE_BYTES)
}

/// `WAYPOINT_SHARDS=always|never` overrides the size rule.
fn split(bundle: &Bundle) -> bool {
    match std::env::var("WAYPOINT_SHARDS").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        _ => {
            bundle.directory.services.len() > SPLIT_ABOVE_SERVICES
                || waypoint_core::bundle::encode(&bundle.directory).len() > SPLIT_ABOVE_BYTES
        }
    }
}
