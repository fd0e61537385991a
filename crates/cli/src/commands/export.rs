//! `waypoint export`: the directory as HSDS 3.0 JSON.

use std::fs;
use std::path::Path;

use super::print_problems;
use crate::hsds::{self, export::Export, mapping::Vocabulary};
use crate::source::ProviderFile;
use crate::{load_and_check, Args};

/// `waypoint export --format hsds-json <out.json> [--language LANG] [--providers DIR]`
pub(crate) fn export(data: &Path, args: &Args) -> i32 {
    match args.format.as_deref() {
        Some("hsds-json") => {}
        other => {
            eprintln!(
                "waypoint: export needs --format hsds-json (found {other:?})\n\n{}",
                crate::USAGE
            );
            return 2;
        }
    }
    let Some(out) = args.path.clone().or_else(|| args.out.clone()) else {
        eprintln!(
            "waypoint: export needs the file to write, e.g. target/export/services.json\n\n{}",
            crate::USAGE
        );
        return 2;
    };
    if let Some(lang) = &args.language {
        if let Err(e) = hsds::offered_language(data, lang) {
            eprintln!("waypoint: --language {lang}: {e}");
            return 2;
        }
    }
    // Only a directory that validates is exported: the export is what other
    // systems will take as checked facts.
    let (sources, bundle, problems) =
        load_and_check(data, args.providers.as_deref(), args.allow_fictional);
    if bundle.is_none() || problems.has_errors() {
        print_problems(&problems);
        eprintln!("waypoint: not exporting: fix the errors above");
        return 1;
    }
    let vocabulary = sources
        .taxonomy
        .as_ref()
        .map(|(_, t)| Vocabulary::from_taxonomy(t))
        .unwrap_or_default();
    let labels = hsds::labels(&sources);
    let providers: Vec<ProviderFile> = sources.providers.into_iter().map(|(_, p)| p).collect();
    // HSDS has no field for a translation: a directory in several languages
    // is published as one export per language, the same records and ids
    // with the text in that language, which `import --translation` reads.
    let providers: Vec<ProviderFile> = match &args.language {
        Some(lang) => providers.iter().map(|p| p.in_language(lang)).collect(),
        None => providers,
    };
    let json = Export {
        vocabulary: &vocabulary,
        labels: &labels,
    }
    .services(&providers);
    let count = json.as_array().map(Vec::len).unwrap_or(0);
    let text = serde_json::to_string_pretty(&json).expect("JSON values serialise");
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = fs::create_dir_all(dir) {
            eprintln!("waypoint: cannot create {}: {e}", dir.display());
            return 1;
        }
    }
    if let Err(e) = fs::write(&out, text) {
        eprintln!("waypoint: cannot write {}: {e}", out.display());
        return 1;
    }
    println!(
        "wrote {count} services of {} organisations as HSDS 3.0 JSON{} to {}",
        providers.len(),
        args.language.as_ref().map(|l| format!(" (text in {l} where translated)")).unwrap_or_default(),
        out.display()
    );
    0
}
