//! `waypoint build`: the bundle the browser loads.

use std::path::Path;

use super::print_problems;
use crate::{check, Args};
use waypoint_core::bundle::{paths, Bundle};

pub(crate) fn build(data: &Path, args: &Args) -> i32 {
    let (bundle, problems) = check(data, args.providers.as_deref(), args.allow_fictional);
    let Some(bundle) = bundle.filter(|_| !problems.has_errors()) else {
        print_problems(&problems);
        eprintln!("waypoint: not building: fix the errors above");
        return 1;
    };
    if problems.warnings() > 0 {
        print_problems(&problems);
    }
    let out = args.out.clone().unwrap_or_else(|| "target/site-data".into());
    let (bundle, later) = bundle.split_languages();
    let (bundle, shards) = if shard_by_state(&bundle) { bundle.split_states() } else { (bundle, Vec::new()) };
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
    for (file, data) in &files {
        if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(file, data)) {
            eprintln!("waypoint: cannot write {}: {e}", file.display());
            return 1;
        }
    }
    if !shards.is_empty() {
        let largest = shards.iter().map(|(_, d)| d.len()).max().unwrap_or(0);
        println!("wrote {} state files (largest {largest} bytes), fetched when someone chooses a state", shards.len());
    }
    for (file, data) in files[1 + shards.len()..].iter() {
        println!("wrote {} ({} bytes, fetched when first needed)", file.display(), data.len());
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

/// Directories above this many services are split by state, so a visitor
/// downloads the nationwide services and then only the state they choose.
/// Below it one file is smaller than a manifest and a shard, and the page
/// never needs to fetch anything after load.
const SHARD_ABOVE_SERVICES: usize = 2000;

/// `WAYPOINT_SHARDS=always|never` overrides the size rule.
fn shard_by_state(bundle: &Bundle) -> bool {
    match std::env::var("WAYPOINT_SHARDS").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        _ => bundle.directory.services.len() > SHARD_ABOVE_SERVICES,
    }
}
