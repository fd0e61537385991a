//! `waypoint import`: HSDS into one TOML file per organisation.

use std::path::Path;

use super::{print_problems, print_unmapped};
use crate::problem::Problems;
use crate::{hsds, Args};

/// `waypoint import <path> [--translation LANG=PATH ...] [--out DIR] [--mapping FILE] [--source-name NAME]`
pub(crate) fn import(data: &Path, args: &Args) -> i32 {
    let Some(input) = &args.path else {
        eprintln!(
            "waypoint: import needs the path of an HSDS file, folder or zip\n\n{}",
            crate::USAGE
        );
        return 2;
    };
    // Text in a language the site does not offer would never be shown, and
    // the build would refuse it: say so before reading anything.
    for (lang, _) in &args.translations {
        if let Err(e) = hsds::offered_language(data, lang) {
            eprintln!("waypoint: --translation {lang}: {e}");
            return 2;
        }
    }
    let mut problems = Problems::default();
    let Some(options) = hsds::options(
        data,
        args.mapping.as_deref(),
        args.source_name.clone(),
        &mut problems,
    ) else {
        print_problems(&problems);
        return 1;
    };
    let started = std::time::Instant::now();
    let imported = hsds::import_translated(input, &args.translations, &options);
    let elapsed = started.elapsed();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| "target/imported/providers".into());
    for p in &imported.problems.list {
        println!("{p}");
    }
    print_unmapped(&imported.unmapped, &options.mapping.file);
    if imported.problems.has_errors() && imported.providers.is_empty() {
        println!(
            "{} errors, {} warnings",
            imported.problems.errors(),
            imported.problems.warnings()
        );
        eprintln!("waypoint: nothing imported from {}", input.display());
        return 1;
    }
    match hsds::write(&imported, input, &out) {
        Ok(files) => {
            println!(
                "{} errors, {} warnings",
                imported.problems.errors(),
                imported.problems.warnings()
            );
            println!(
                "imported {} services of {} organisations from {} ({}) in {:.2} s; wrote {} files to {}",
                imported.services(),
                imported.providers.len(),
                input.display(),
                imported.format,
                elapsed.as_secs_f64(),
                files.len(),
                out.display()
            );
            println!("{}", imported.summary());
            println!("next: waypoint validate --providers {}", out.display());
            i32::from(imported.problems.has_errors())
        }
        Err(e) => {
            eprintln!("waypoint: {e}");
            1
        }
    }
}
