//! `waypoint generate`: fictional services for scale tests, as provider
//! files or as a 211-style HSDS CSV export.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::print_problems;
use crate::generate::{self, Lengths, Options, TextLength, DESCRIPTION};
use crate::problem::Problems;
use crate::{check, hsds, Args, USAGE};

pub(crate) fn generate(data: &Path, args: &Args) -> i32 {
    let Some(n) = args.services else {
        eprintln!("waypoint: generate needs --services N\n\n{USAGE}");
        return 2;
    };
    let hsds_csv = match args.format.as_deref() {
        None | Some("providers") => false,
        Some("hsds-csv") => true,
        Some(other) => {
            eprintln!("waypoint: generate writes --format providers (the default) or hsds-csv, not {other:?}\n\n{USAGE}");
            return 2;
        }
    };
    let (bundle, problems) = check(data, None, false);
    let taxonomy = bundle.map(|b| b.taxonomy);
    let Some(taxonomy) = taxonomy.filter(|t| !t.states.is_empty() && !t.service_types.is_empty())
    else {
        print_problems(&problems);
        eprintln!(
            "waypoint: generate needs a valid taxonomy in {}",
            data.display()
        );
        return 1;
    };
    let options = Options {
        services: n,
        seed: args.seed,
        state: args.state.clone(),
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| "target/generated".into());
    let started = Instant::now();
    if hsds_csv {
        return write_hsds(data, args, &options, &taxonomy, &out, started);
    }
    let files = match generate::generate_in(&options, &taxonomy) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("waypoint: {e}");
            return 2;
        }
    };
    let out = out.join("providers");
    let path = out.join("generated.json");
    let json = serde_json::to_vec(&files).expect("sources serialise");
    if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, &json)) {
        eprintln!("waypoint: cannot write {}: {e}", path.display());
        return 1;
    }
    println!(
        "wrote {} fictional services in {} organisations ({}) to {} ({:.1} MB) in {:.2} s",
        n,
        files.len(),
        where_(&options, &taxonomy),
        path.display(),
        json.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    print_lengths(
        Lengths::descriptions(&files),
        Lengths::how_to_get_help(&files),
        "how to get help",
    );
    0
}

fn write_hsds(
    data: &Path,
    args: &Args,
    options: &Options,
    taxonomy: &waypoint_core::taxonomy::Taxonomy,
    out: &Path,
    started: Instant,
) -> i32 {
    let mut problems = Problems::default();
    let mapping_file: PathBuf = args
        .mapping
        .clone()
        .unwrap_or_else(|| data.join("hsds-mapping.toml"));
    let Some(import) = hsds::options(data, Some(&mapping_file), None, &mut problems) else {
        print_problems(&problems);
        eprintln!(
            "waypoint: generate --format hsds-csv classifies services with the AIRS codes of {}",
            mapping_file.display()
        );
        return 1;
    };
    let terms = match std::fs::read_to_string(&mapping_file)
        .map_err(|e| e.to_string())
        .and_then(|text| generate::airs_terms(&text, &import.mapping))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("waypoint: {}: {e}", mapping_file.display());
            return 1;
        }
    };
    let created = crate::today();
    let export = match generate::generate_hsds(options, taxonomy, &terms, created) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("waypoint: {e}");
            return 2;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("waypoint: cannot create {}: {e}", out.display());
        return 1;
    }
    let mut bytes = 0;
    for (name, contents) in &export.files {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, contents) {
            eprintln!("waypoint: cannot write {}: {e}", path.display());
            return 1;
        }
        bytes += contents.len();
    }
    println!(
        "wrote a fictional HSDS 1.1 CSV export of {} services ({} inactive) in {} organisations and {} locations ({}) to {} ({} files, {:.1} MB) in {:.2} s",
        export.services,
        export.inactive,
        export.organizations,
        export.locations,
        where_(options, taxonomy),
        out.display(),
        export.files.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    print_lengths(
        export.descriptions,
        export.application_process,
        "application process",
    );
    let codes = |kind| terms.iter().filter(|t| t.kind == kind).count();
    println!(
        "AIRS codes: {} giving a service code, {} a population only, {} neither (from {}); {} active services have none giving a service code and will import under \"other help\"",
        codes(generate::TermKind::Service),
        codes(generate::TermKind::Population),
        codes(generate::TermKind::Other),
        mapping_file.display(),
        export.other_help
    );
    match export.assured {
        Some((oldest, newest)) => println!(
            "assured_date: {} services, {oldest} to {newest}; {} without one; datapackage created {created}",
            export.services - export.undated,
            export.undated
        ),
        None => println!("assured_date: none; datapackage created {created}"),
    }
    println!(
        "next: waypoint import {} --out target/imported/providers",
        out.display()
    );
    0
}

fn where_(options: &Options, taxonomy: &waypoint_core::taxonomy::Taxonomy) -> String {
    match options.state.as_deref() {
        Some(code) => {
            let state = taxonomy
                .states
                .iter()
                .find(|s| s.code.eq_ignore_ascii_case(code));
            format!("{} only", state.map(|s| s.name.as_str()).unwrap_or(code))
        }
        None => "every state".to_string(),
    }
}

fn print_lengths(descriptions: Lengths, second: Lengths, second_name: &str) {
    let target = |t: TextLength| format!("median {}, p90 {}", t.median, t.p90);
    println!(
        "descriptions: {descriptions} (a log-normal fitted to a real 211 export: {}, capped at {})",
        target(DESCRIPTION),
        generate::thousands(DESCRIPTION.max)
    );
    println!(
        "{second_name}: {second} (target median {})",
        generate::APPLICATION_PROCESS.median
    );
}
