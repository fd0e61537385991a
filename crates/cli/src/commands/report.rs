//! `waypoint report`: the directory's health, printed; or its coverage and
//! gaps as a page (`--html`, `--site`) or as JSON (`--format json`).

use std::path::{Path, PathBuf};

use super::print_problems;
use crate::hsds::read_report;
use crate::report::coverage::{coverage, render_html, Options, Stylesheet, STYLESHEET};
use crate::report::health;
use crate::{load_and_check, today, Args};

/// The stylesheet's name beside the site's coverage page.
pub const SITE_STYLESHEET: &str = "coverage.css";

/// `waypoint report [--data DIR] [--providers DIR]`, and the coverage
/// report's `--html OUT.html`, `--format json [--out FILE]`, `--site DIR`,
/// `--domain CODE`, `--population CODE`.
pub(crate) fn report(data: &Path, args: &Args) -> i32 {
    let providers = args.providers.as_deref();
    let json = match args.format.as_deref() {
        None => false,
        Some("json") => true,
        Some(other) => {
            eprintln!("waypoint: report --format {other}: the only format is json");
            return 2;
        }
    };
    let dir = providers
        .map(Path::to_path_buf)
        .unwrap_or_else(|| data.join("providers"));
    if !json && args.html.is_none() && args.site_page.is_none() {
        let (sources, _, problems) = load_and_check(data, providers, true);
        let today = today();
        print!(
            "{}",
            health(&sources, &dir, today, problems.errors()).render(today)
        );
        return 0;
    }
    // The coverage report counts what the site would publish: the bundle
    // `waypoint build` compiles from the same sources, with the same rules.
    let (sources, bundle, problems) = load_and_check(data, providers, args.allow_fictional);
    let site = sources.site.as_ref().map(|(_, s)| s);
    if let Some(out) = &args.site_page {
        if site.is_some_and(|s| !s.coverage_page) {
            println!(
                "coverage page: off in site.toml (coverage_page = false); {} not written",
                out.display()
            );
            return 0;
        }
    }
    let Some(bundle) = bundle.filter(|_| !problems.has_errors()) else {
        print_problems(&problems);
        eprintln!("waypoint: no coverage report: the site would not build; fix the errors above");
        return 1;
    };
    let options = Options {
        home_region: site.and_then(|s| s.home_region.clone()),
        domain: args.domain.clone(),
        population: args.population.clone(),
    };
    for (flag, code, known) in [
        ("--domain", &args.domain, &bundle.taxonomy.domains),
        (
            "--population",
            &args.population,
            &bundle.taxonomy.populations,
        ),
    ] {
        if let Some(code) = code.as_ref().filter(|c| !known.contains(c)) {
            eprintln!(
                "waypoint: report {flag} {code}: not in the taxonomy ({})",
                known.join(", ")
            );
            return 2;
        }
    }
    let import = read_report(&dir);
    let figures = coverage(&bundle, import.as_ref(), &options, today());
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    if let Some(out) = &args.html {
        files.push((out.clone(), render_html(&figures, Stylesheet::Inline)));
    }
    if let Some(out) = &args.site_page {
        files.push((
            out.join("index.html"),
            render_html(&figures, Stylesheet::Link(SITE_STYLESHEET)),
        ));
        files.push((out.join(SITE_STYLESHEET), STYLESHEET.to_string()));
    }
    if json {
        let text = serde_json::to_string_pretty(&figures).expect("the figures serialize") + "\n";
        match &args.out {
            Some(out) => files.push((out.clone(), text)),
            None => print!("{text}"),
        }
    }
    for (path, text) in &files {
        let made = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or(Ok(()), std::fs::create_dir_all);
        if let Err(e) = made.and_then(|_| std::fs::write(path, text)) {
            eprintln!("waypoint: cannot write {}: {e}", path.display());
            return 1;
        }
        // Status on stderr: stdout may be the JSON.
        eprintln!("wrote {} ({} bytes)", path.display(), text.len());
    }
    let r = &figures.reachability;
    eprintln!(
        "coverage: {} services, {} organisations; {} empty cells of {} in the domain x population matrix; {} stale; {} with no phone, text or website; {} hotline only; {} with no hours",
        figures.totals.services,
        figures.totals.organizations,
        figures.domains.rows.iter().flat_map(|r| &r.cells).filter(|c| c.gap).count(),
        figures.domains.rows.iter().map(|r| r.cells.len()).sum::<usize>(),
        figures.freshness.stale.count,
        r.no_phone_text_or_website.count,
        r.hotline_only.count,
        r.hours_unknown.count
    );
    0
}
