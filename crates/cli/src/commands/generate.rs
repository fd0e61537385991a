//! `waypoint generate`: fictional services for scale tests.

use std::path::Path;

use super::print_problems;
use crate::{check, generate, Args, USAGE};

pub(crate) fn generate(data: &Path, args: &Args) -> i32 {
    let Some(n) = args.services else {
        eprintln!("waypoint: generate needs --services N\n\n{USAGE}");
        return 2;
    };
    let (bundle, problems) = check(data, None, false);
    let taxonomy = bundle.map(|b| b.taxonomy);
    let Some(taxonomy) = taxonomy.filter(|t| !t.states.is_empty() && !t.service_types.is_empty()) else {
        print_problems(&problems);
        eprintln!("waypoint: generate needs a valid taxonomy in {}", data.display());
        return 1;
    };
    let files = generate::generate(n, args.seed, &taxonomy);
    let out = args.out.clone().unwrap_or_else(|| "target/generated".into()).join("providers");
    let path = out.join("generated.json");
    let json = serde_json::to_vec(&files).expect("sources serialise");
    if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, json)) {
        eprintln!("waypoint: cannot write {}: {e}", path.display());
        return 1;
    }
    println!("wrote {} fictional services in {} organisations to {}", n, files.len(), path.display());
    0
}
