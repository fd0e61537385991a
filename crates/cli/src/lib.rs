//! The data steward's command-line tool: `build`, `validate`, `generate`.

pub mod compile;
pub mod generate;
pub mod hsds;
pub mod load;
pub mod problem;
pub mod report;
pub mod source;

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use waypoint_core::bundle::Bundle;
use waypoint_core::model::Date;
use problem::Problems;

const USAGE: &str = "\
waypoint: build and check Waypoint's data

USAGE:
  waypoint build    [--data DIR] [--providers DIR] [--out DIR] [--allow-fictional]
  waypoint validate [--data DIR] [--providers DIR] [--allow-fictional]
  waypoint generate --services N [--seed S] [--data DIR] [--out DIR]
  waypoint import   PATH [--out DIR] [--mapping FILE] [--source-name NAME] [--data DIR]
  waypoint validate PATH [--data DIR] [--providers DIR] [--mapping FILE]
  waypoint export   --format hsds-json OUT.json [--data DIR] [--providers DIR] [--allow-fictional]
  waypoint report   [--data DIR] [--providers DIR]

  build     checks data/ and writes the bundle the browser loads (OUT/site.bin)
  validate  checks data/ and prints every problem with file, record and field;
            exits 1 if there is any error (warnings alone exit 0)
  generate  writes N clearly fictional services across all states, domains and
            populations to OUT/providers/generated.json, for scale tests;
            build them with --providers OUT/providers --allow-fictional
  import    reads Open Referral HSDS (3.0 JSON, 3.0 CSV datapackage, 1.x/2.x
            CSV; a file, folder or zip) into one TOML file per organisation
            in OUT (default target/imported/providers), mapping taxonomy
            terms through DATA/hsds-mapping.toml; prints every warning
  validate PATH  checks an HSDS file, folder or zip as import would read it,
            against the model, beside the directory's own providers
  export    writes the directory as an HSDS 3.0 JSON list of services
  report    prints the directory's health: records by domain, population and
            state, records not verified in 12 months, records nobody can
            contact, and unmapped terms of the last import

Defaults: --data data, --out target/site-data (build) or target/generated (generate),
--seed 1. Set WAYPOINT_TODAY=YYYY-MM-DD to fix the date used for freshness checks.";

#[derive(Debug, Default)]
struct Args {
    data: Option<PathBuf>,
    providers: Option<PathBuf>,
    out: Option<PathBuf>,
    allow_fictional: bool,
    services: Option<usize>,
    seed: u64,
    format: Option<String>,
    mapping: Option<PathBuf>,
    source_name: Option<String>,
    /// The positional PATH of `import`, `validate` and `export`.
    path: Option<PathBuf>,
}

fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut args = Args { seed: 1, ..Args::default() };
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--data" => args.data = Some(value()?.into()),
            "--providers" => args.providers = Some(value()?.into()),
            "--out" => args.out = Some(value()?.into()),
            "--allow-fictional" => args.allow_fictional = true,
            "--services" => args.services = Some(value()?.parse().map_err(|_| "--services needs a number")?),
            "--seed" => args.seed = value()?.parse().map_err(|_| "--seed needs a number")?,
            "--format" => args.format = Some(value()?),
            "--mapping" => args.mapping = Some(value()?.into()),
            "--source-name" => args.source_name = Some(value()?),
            other if !other.starts_with('-') && args.path.is_none() => args.path = Some(other.into()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(args)
}

/// Runs the tool; returns the process exit code.
pub fn run(argv: &[String]) -> i32 {
    let Some(command) = argv.first() else {
        println!("{USAGE}");
        return 2;
    };
    let mut args = match parse_args(&argv[1..]) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("waypoint: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let data = args.data.clone().unwrap_or_else(|| "data".into());
    if let (Some(path), false) = (&args.path, matches!(command.as_str(), "import" | "validate" | "export")) {
        eprintln!("waypoint: unknown option {}\n\n{USAGE}", path.display());
        return 2;
    }
    // `validate DIR` on a folder of provider files is `validate --providers DIR`.
    if command == "validate" && args.providers.is_none() {
        args.providers = args.path.clone().filter(|p| p.is_dir() && !hsds::is_hsds_input(p));
    }
    match command.as_str() {
        "build" => build(&data, &args),
        "validate" if args.path.as_deref().is_some_and(hsds::is_hsds_input) => hsds::validate_cmd(&data, &args),
        "validate" => validate(&data, &args),
        "import" => hsds::import_cmd(&data, &args),
        "export" => hsds::export_cmd(&data, &args),
        "report" => report::run(&data, args.providers.as_deref()),
        "generate" => generate_cmd(&data, &args),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            0
        }
        other => {
            eprintln!("waypoint: unknown command {other}\n\n{USAGE}");
            2
        }
    }
}

/// Loads and compiles `data`, printing every problem.
pub fn check(data: &Path, providers: Option<&Path>, allow_fictional: bool) -> (Option<Bundle>, Problems) {
    let mut problems = Problems::default();
    let sources = load::load(data, providers, &mut problems);
    let options = compile::Options { today: today(), allow_fictional };
    let bundle = compile::compile(&sources, options, &mut problems);
    (bundle, problems)
}

fn report(problems: &Problems) {
    for p in &problems.list {
        println!("{p}");
    }
    println!("{} errors, {} warnings", problems.errors(), problems.warnings());
}

fn validate(data: &Path, args: &Args) -> i32 {
    let (bundle, problems) = check(data, args.providers.as_deref(), args.allow_fictional);
    report(&problems);
    if let Some(b) = &bundle {
        println!(
            "{} organisations, {} services, {} languages",
            b.directory.organizations.len(),
            b.directory.services.len(),
            b.locales.len()
        );
    }
    i32::from(problems.has_errors() || bundle.is_none())
}

fn build(data: &Path, args: &Args) -> i32 {
    let (bundle, problems) = check(data, args.providers.as_deref(), args.allow_fictional);
    let Some(bundle) = bundle.filter(|_| !problems.has_errors()) else {
        report(&problems);
        eprintln!("waypoint: not building: fix the errors above");
        return 1;
    };
    if problems.warnings() > 0 {
        report(&problems);
    }
    let out = args.out.clone().unwrap_or_else(|| "target/site-data".into());
    let (bundle, later) = bundle.split_languages();
    let (bundle, shards) = if shard_by_state(&bundle) { bundle.split_states() } else { (bundle, Vec::new()) };
    let bytes = bundle.encode();
    let path = out.join("site.bin");
    let mut files = vec![(path.clone(), bytes.clone())];
    for (info, data) in &shards {
        files.push((out.join(info.file.rsplit('/').next().unwrap_or(&info.file)), data.clone()));
    }
    for catalog in &later {
        let name = waypoint_core::bundle::catalog_path(&catalog.lang);
        let file = out.join(name.rsplit('/').next().unwrap_or(&name));
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

fn generate_cmd(data: &Path, args: &Args) -> i32 {
    let Some(n) = args.services else {
        eprintln!("waypoint: generate needs --services N\n\n{USAGE}");
        return 2;
    };
    let mut problems = Problems::default();
    let sources = load::load(data, None, &mut problems);
    let taxonomy = compile::compile(&sources, compile::Options { today: today(), allow_fictional: false }, &mut problems)
        .map(|b| b.taxonomy);
    let Some(taxonomy) = taxonomy.filter(|t| !t.states.is_empty() && !t.service_types.is_empty()) else {
        report(&problems);
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

/// Today's date (UTC), or `WAYPOINT_TODAY` when set.
pub fn today() -> Date {
    if let Some(d) = std::env::var("WAYPOINT_TODAY").ok().and_then(|s| Date::parse(&s)) {
        return d;
    }
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0) as i64;
    civil_from_days(days)
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(20_515).to_string(), "2026-03-03");
        assert_eq!(civil_from_days(11_016).to_string(), "2000-02-29");
    }
}
