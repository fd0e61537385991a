//! The data steward's command-line tool: `build`, `validate`, `generate`.

pub mod clock;
mod commands;
pub mod compile;
pub mod generate;
pub mod gzip;
pub mod hsds;
pub mod load;
pub mod problem;
pub mod report;
pub mod source;

use std::path::{Path, PathBuf};

use load::Sources;
use problem::Problems;
use waypoint_core::bundle::Bundle;

pub use clock::today;

const USAGE: &str = "\
waypoint: build and check Waypoint's data

USAGE:
  waypoint build    [--data DIR] [--providers DIR] [--out DIR] [--allow-fictional]
  waypoint validate [--data DIR] [--providers DIR] [--allow-fictional]
  waypoint generate --services N [--seed S] [--state XX] [--format hsds-csv] [--data DIR] [--out DIR]
  waypoint import   PATH [--translation LANG=PATH ...] [--out DIR] [--mapping FILE]
                    [--source-name NAME] [--data DIR]
  waypoint validate PATH [--data DIR] [--providers DIR] [--mapping FILE]
  waypoint export   --format hsds-json OUT.json [--language LANG] [--data DIR] [--providers DIR]
                    [--allow-fictional]
  waypoint report   [--data DIR] [--providers DIR] [--allow-fictional]
                    [--html OUT.html] [--format json [--out FILE]] [--site DIR]
                    [--domain CODE] [--population CODE]
  waypoint dump     [--data DIR] [--providers DIR] [--out FILE]
  waypoint gzip     FILE...

  build     checks data/ and writes the bundle the browser loads (OUT/site.bin)
  validate  checks data/ and prints every problem with file, record and field;
            exits 1 if there is any error (warnings alone exit 0)
  generate  writes N clearly fictional services across all states (or only
            the --state given), domains and populations to
            OUT/providers/generated.json, for scale tests; build them with
            --providers OUT/providers --allow-fictional. --format hsds-csv
            writes instead an HSDS 1.x CSV datapackage in OUT, laid out as a
            211 exports one (AIRS codes from DATA/hsds-mapping.toml), for
            `waypoint import OUT`. Description lengths follow a real 211
            export's; the median, p90 and maximum are printed
  import    reads Open Referral HSDS (3.0 JSON, 3.0 CSV datapackage, 1.x/2.x
            CSV; a file, folder or zip) into one TOML file per organisation
            in OUT (default target/imported/providers), mapping taxonomy
            terms through DATA/hsds-mapping.toml; prints every warning.
            --translation es=PATH reads the same records exported in
            Spanish (HSDS has no field for translations; publishers export
            once per language) and adds their text as the records'
            translations, matched by id; nothing else comes from it
  validate PATH  checks an HSDS file, folder or zip as import would read it,
            against the model, beside the directory's own providers
  export    writes the directory as an HSDS 3.0 JSON list of services;
            --language es writes each record's text in Spanish where it
            has a translation (as written otherwise), with the same ids
  report    prints the directory's health: records by domain, population and
            state, records not verified in 12 months, records nobody can
            contact, and unmapped terms of the last import. With --html,
            --format json or --site: coverage and gaps, counted on the
            bundle `build` would write: domain and service code x population,
            by state (national) or county (regional; --domain chooses the
            domain of its population table, default the first, and
            --population adds one), languages, reachability, freshness and
            the import's other help. --html writes one self-contained
            page; --site DIR writes DIR/index.html and DIR/coverage.css for
            the site (nothing if site.toml says coverage_page = false);
            --format json prints the figures (docs/coverage-schema.md), or
            writes them to --out FILE
  dump      writes every source file of data/ as it parses, as JSON, to
            FILE (default target/e2e-fixtures/data.json), for the e2e suite
  gzip      writes FILE.gz beside each FILE, compressed with Zopfli (smaller
            than zlib's best, the same format), for hosts that send
            precompressed files; scripts/precompress.mjs names the files

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
    /// `generate --state XX`.
    state: Option<String>,
    format: Option<String>,
    mapping: Option<PathBuf>,
    source_name: Option<String>,
    /// `import --translation es=PATH`, in the order given.
    translations: Vec<(String, PathBuf)>,
    /// `export --language es`.
    language: Option<String>,
    /// The positional PATH of `import`, `validate` and `export`.
    path: Option<PathBuf>,
    /// `report --html OUT.html`: the standalone coverage page.
    html: Option<PathBuf>,
    /// `report --site DIR`: the site's coverage page and its stylesheet.
    site_page: Option<PathBuf>,
    /// `report --domain CODE`, `--population CODE`: the region tables' choice.
    domain: Option<String>,
    population: Option<String>,
}

fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut args = Args {
        seed: 1,
        ..Args::default()
    };
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--data" => args.data = Some(value()?.into()),
            "--providers" => args.providers = Some(value()?.into()),
            "--out" => args.out = Some(value()?.into()),
            "--allow-fictional" => args.allow_fictional = true,
            "--services" => {
                args.services = Some(value()?.parse().map_err(|_| "--services needs a number")?)
            }
            "--seed" => args.seed = value()?.parse().map_err(|_| "--seed needs a number")?,
            "--state" => args.state = Some(value()?),
            "--format" => args.format = Some(value()?),
            "--mapping" => args.mapping = Some(value()?.into()),
            "--source-name" => args.source_name = Some(value()?),
            "--translation" => {
                let given = value()?;
                let (lang, path) = given
                    .split_once('=')
                    .filter(|(l, p)| !l.is_empty() && !p.is_empty())
                    .ok_or_else(|| format!("--translation needs LANG=PATH, e.g. es=export-es.json (found {given:?})"))?;
                args.translations.push((lang.to_string(), path.into()));
            }
            "--language" => args.language = Some(value()?),
            "--html" => args.html = Some(value()?.into()),
            "--site" => args.site_page = Some(value()?.into()),
            "--domain" => args.domain = Some(value()?),
            "--population" => args.population = Some(value()?),
            other if !other.starts_with('-') && args.path.is_none() => {
                args.path = Some(other.into())
            }
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
    // Its arguments are files, not options.
    if command == "gzip" {
        return commands::gzip(&argv[1..]);
    }
    let mut args = match parse_args(&argv[1..]) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("waypoint: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let data = args.data.clone().unwrap_or_else(|| "data".into());
    if let (Some(path), false) = (
        &args.path,
        matches!(command.as_str(), "import" | "validate" | "export"),
    ) {
        eprintln!("waypoint: unknown option {}\n\n{USAGE}", path.display());
        return 2;
    }
    // Said rather than ignored: a language the command does not use.
    for (flag, given, used_by) in [
        ("--translation", !args.translations.is_empty(), "import"),
        ("--language", args.language.is_some(), "export"),
    ] {
        if given && command != used_by {
            eprintln!("waypoint: {flag} is for `waypoint {used_by}`\n\n{USAGE}");
            return 2;
        }
    }
    // `validate DIR` on a folder of provider files is `validate --providers DIR`.
    if command == "validate" && args.providers.is_none() {
        args.providers = args
            .path
            .clone()
            .filter(|p| p.is_dir() && !hsds::is_hsds_input(p));
    }
    match command.as_str() {
        "build" => commands::build(&data, &args),
        "validate" if args.path.as_deref().is_some_and(hsds::is_hsds_input) => {
            commands::validate_hsds(&data, &args)
        }
        "validate" => commands::validate(&data, &args),
        "import" => commands::import(&data, &args),
        "export" => commands::export(&data, &args),
        "report" => commands::report(&data, &args),
        "generate" => commands::generate(&data, &args),
        "dump" => commands::dump(&data, &args),
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
pub fn check(
    data: &Path,
    providers: Option<&Path>,
    allow_fictional: bool,
) -> (Option<Bundle>, Problems) {
    let (_, bundle, problems) = load_and_check(data, providers, allow_fictional);
    (bundle, problems)
}

/// Moves each language's own synonym words out of the first download, to
/// where its search words are (`Bundle::move_synonyms`): an instant-search
/// language's search file (`words`), every other's later catalogue; the
/// default language keeps its own. `waypoint build` calls this after
/// splitting out the languages and the state files.
pub fn language_synonyms_later(
    sources: &Sources,
    bundle: &mut Bundle,
    later: &mut [waypoint_core::locale::Catalog],
    words: &mut [waypoint_core::locale::Catalog],
) {
    let keep = [bundle.site.default_language.clone()];
    let instant: Vec<String> = words.iter().map(|c| c.lang.clone()).collect();
    let mut targets: Vec<&mut waypoint_core::locale::Catalog> =
        words.iter_mut().chain(later.iter_mut().filter(|c| !instant.contains(&c.lang))).collect();
    bundle.move_synonyms(&mut targets, &compile::synonym_languages(sources), &keep);
}

/// `check`, keeping the sources for the commands that read them as well,
/// so they are loaded once (and for callers that split the bundle as
/// `waypoint build` does, `language_synonyms_later`).
pub fn load_and_check(
    data: &Path,
    providers: Option<&Path>,
    allow_fictional: bool,
) -> (Sources, Option<Bundle>, Problems) {
    let mut problems = Problems::default();
    let sources = load::load(data, providers, &mut problems);
    let options = compile::Options {
        today: today(),
        allow_fictional,
    };
    let bundle = compile::compile(&sources, options, &mut problems);
    (sources, bundle, problems)
}
