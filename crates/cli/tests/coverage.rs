//! `waypoint report --html | --format json | --site`: the coverage report,
//! counted on tests/fixtures/coverage (fictional services with known gaps,
//! see its README) and on the default data, run as a person would run it.

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use waypoint_cli::report::coverage::{Cell, Coverage, Table};

fn waypoint(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_waypoint"))
        .args(args)
        .env("WAYPOINT_TODAY", "2026-11-28")
        .current_dir(support::repo())
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of data/ with the fixture's site.toml (regional, no national services).
fn fixture_data(name: &str) -> PathBuf {
    let data = support::scratch_data(&format!("coverage-{name}"));
    std::fs::copy(
        support::repo().join("tests/fixtures/coverage/site.toml"),
        data.join("site.toml"),
    )
    .unwrap();
    data
}

const PROVIDERS: &str = "tests/fixtures/coverage/providers";

fn fixture_json(name: &str, extra: &[&str]) -> (Coverage, String) {
    let data = fixture_data(name);
    let mut args = vec![
        "report",
        "--data",
        data.to_str().unwrap(),
        "--providers",
        PROVIDERS,
        "--allow-fictional",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = waypoint(&args);
    assert_eq!(code, 0, "{stderr}");
    (
        serde_json::from_str(&stdout).expect("the JSON parses as the report's own structs"),
        stdout,
    )
}

fn row<'a>(t: &'a Table, code: &str) -> &'a waypoint_cli::report::coverage::Row {
    t.rows
        .iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("{}: no row {code}", t.id))
}

fn col(t: &Table, code: &str) -> usize {
    t.columns
        .iter()
        .position(|c| c.code == code)
        .unwrap_or_else(|| panic!("{}: no column {code}", t.id))
}

fn at<'a>(t: &'a Table, r: &str, c: &str) -> &'a Cell {
    &row(t, r).cells[col(t, c)]
}

fn ids(cell: &Cell) -> Vec<&str> {
    cell.services.iter().map(String::as_str).collect()
}

#[test]
fn counts_the_fixture_with_its_known_gaps() {
    let (c, _) = fixture_json("counts", &[]);
    assert_eq!((c.totals.services, c.totals.organizations), (10, 5));
    assert_eq!(c.generated, "2026-11-28");
    assert_eq!(
        (
            c.data.newest_check.as_deref(),
            c.data.oldest_check.as_deref(),
            c.data.undated
        ),
        (Some("2026-11-01"), Some("2024-05-01"), 0)
    );
    assert_eq!(c.scope.kind, "regional");
    assert_eq!(c.scope.region_from, "site.toml");
    assert_eq!(c.totals.nationwide.count, 0);

    // The heat map: domains × populations, each zero marked as a gap.
    let d = &c.domains;
    let counts = |r: &str| row(d, r).cells.iter().map(|x| x.count).collect::<Vec<_>>();
    // women men girls boys lgbtq youth foreign us native detained labor sex
    assert_eq!(counts("housing"), [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(counts("legal"), [2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    assert_eq!(
        counts("mental-health"),
        [1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(
        counts("comprehensive"),
        [0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(row(d, "housing").total.count, 3);
    assert_eq!(
        row(d, "comprehensive").total.count,
        3,
        "services naming no population count in the total only"
    );
    let cells: Vec<&Cell> = d.rows.iter().flat_map(|r| &r.cells).collect();
    assert_eq!(cells.len(), 60);
    assert_eq!(cells.iter().filter(|x| x.gap).count(), 48);
    assert!(cells.iter().all(|x| x.gap == (x.count == 0)));
    assert_eq!(ids(at(d, "housing", "men")), ["fx-cov-shelter-men"]);
    assert_eq!(
        ids(at(d, "housing", "women")),
        ["fx-cov-housing-women", "fx-cov-shelter-women"],
        "in the directory's order"
    );

    // Service codes, grouped by domain.
    let shelter = row(&c.codes, "emergency-shelter");
    assert_eq!(
        (shelter.group.as_deref(), shelter.total.count),
        (Some("housing"), 2)
    );
    assert_eq!(row(&c.codes, "other-help").total.count, 1);

    // By county: Imperial County has housing for women and none for men.
    let by_domain = c
        .regions
        .iter()
        .find(|t| t.id == "regions-domains")
        .unwrap();
    assert_eq!(
        by_domain
            .rows
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>(),
        ["CA:San Diego County", "CA:Imperial County", "CA"]
    );
    assert_eq!(
        row(by_domain, "CA:San Diego County").total.count,
        5,
        "the drop-in centre counts by its San Diego location"
    );
    assert_eq!(row(by_domain, "CA:Imperial County").total.count, 4);
    assert_eq!(ids(&row(by_domain, "CA").total), ["fx-cov-record-relief"]);
    let housing = c
        .regions
        .iter()
        .find(|t| t.id == "regions-populations")
        .unwrap();
    assert_eq!(c.scope.chosen_domain.as_deref(), Some("housing"));
    assert_eq!(
        ids(at(housing, "CA:Imperial County", "women")),
        ["fx-cov-housing-women"]
    );
    let imperial_men = at(housing, "CA:Imperial County", "men");
    assert_eq!((imperial_men.count, imperial_men.gap), (0, true));
    assert_eq!(
        ids(at(housing, "CA:San Diego County", "men")),
        ["fx-cov-shelter-men"]
    );

    // Languages: mental health has no Spanish service.
    assert_eq!(
        c.languages
            .offered
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>(),
        ["en", "es", "vi"]
    );
    let es = at(&c.languages.table, "mental-health", "es");
    assert_eq!((es.count, es.gap), (0, true));
    let gaps: Vec<(&str, &str)> = c
        .languages
        .gaps
        .iter()
        .map(|g| (g.domain.as_str(), g.language.as_str()))
        .collect();
    assert_eq!(
        gaps,
        [
            ("housing", "vi"),
            ("legal", "vi"),
            ("mental-health", "es"),
            ("comprehensive", "vi")
        ]
    );
    assert_eq!(at(&c.languages.table, "housing", "es").count, 2);

    // Reachability and freshness, exactly.
    let r = &c.reachability;
    assert_eq!(ids(&r.no_phone_text_or_website), ["fx-cov-drop-in"]);
    assert_eq!(r.email_only.count, 0);
    assert_eq!(ids(&r.hotline_only), ["fx-cov-youth-line"]);
    assert_eq!(ids(&r.hours_unknown), ["fx-cov-support-group"]);
    assert_eq!(
        ids(&c.freshness.stale),
        ["fx-cov-therapy", "fx-cov-support-group"]
    );
    let bands: Vec<(&str, usize)> = c
        .freshness
        .by_age
        .iter()
        .map(|b| (b.code.as_str(), b.cell.count))
        .collect();
    assert_eq!(
        bands,
        [
            ("under-6-months", 8),
            ("6-to-12-months", 0),
            ("12-to-24-months", 0),
            ("over-24-months", 2),
            ("undated", 0)
        ]
    );
    let by_org: Vec<(&str, usize)> = c
        .freshness
        .stale_by_organization
        .iter()
        .map(|o| (o.label.as_str(), o.total.count))
        .collect();
    assert_eq!(by_org, [("Valley Counseling (fictional)", 2)]);

    // The import's leftovers.
    let import = c.import.as_ref().expect("the fixture has an import report");
    assert_eq!(ids(&import.other_help), ["fx-cov-other"]);
    assert_eq!(
        (import.unmapped[0].term.as_str(), import.unmapped[0].count),
        ("AIRS: PH-1000 Emergency Food", 3)
    );
    assert_eq!(import.other_help_terms.len(), 1);
}

#[test]
fn a_chosen_population_adds_its_table_and_unknown_codes_are_refused() {
    let (c, _) = fixture_json(
        "chosen",
        &["--domain", "mental-health", "--population", "men"],
    );
    let t = c
        .regions
        .iter()
        .find(|t| t.id == "regions-populations")
        .unwrap();
    assert!(t.title.starts_with("Mental health"), "{}", t.title);
    let men = c
        .regions
        .iter()
        .find(|t| t.id == "regions-domains-for-population")
        .unwrap();
    let housing_men = at(men, "CA:Imperial County", "housing");
    assert_eq!((housing_men.count, housing_men.gap), (0, true));
    assert_eq!(at(men, "CA:San Diego County", "housing").count, 1);
    let data = fixture_data("refused");
    let (code, _, err) = waypoint(&[
        "report",
        "--data",
        data.to_str().unwrap(),
        "--providers",
        PROVIDERS,
        "--allow-fictional",
        "--format",
        "json",
        "--population",
        "martians",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("martians"), "{err}");
}

/// The text of each `<td>` of the table with this id, tags removed, by row.
fn html_table(html: &str, id: &str) -> Vec<Vec<String>> {
    let start = html
        .find(&format!("id=\"t-{id}\""))
        .unwrap_or_else(|| panic!("no table t-{id}"));
    let end = start + html[start..].find("</table>").unwrap();
    html[start..end]
        .split("<tr")
        .skip(1)
        .map(|tr| {
            tr.split("<td")
                .skip(1)
                .map(|td| strip(&td[td.find('>').unwrap() + 1..td.find("</td>").unwrap()]))
                .collect::<Vec<_>>()
        })
        .filter(|cells: &Vec<String>| !cells.is_empty())
        .collect()
}

fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for ch in s.chars() {
        match ch {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every `href="#lN">count</a>` with the list it points to, and that list's length.
fn links(html: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for piece in html.split("<a href=\"#list-").skip(1) {
        let anchor = format!("list-{}", &piece[..piece.find('"').unwrap()]);
        let shown: usize = piece[piece.find('>').unwrap() + 1..piece.find("</a>").unwrap()]
            .parse()
            .expect("a link's text is a count");
        let at = html
            .find(&format!("<section id=\"{anchor}\">"))
            .unwrap_or_else(|| panic!("no list {anchor}"));
        let end = at + html[at..].find("</section>").unwrap();
        out.push((anchor, shown, html[at..end].matches("<li>").count()));
    }
    out
}

#[test]
fn the_page_and_the_json_agree() {
    let data = fixture_data("agree");
    let page = std::env::temp_dir().join(format!(
        "waypoint-coverage-agree-{}.html",
        std::process::id()
    ));
    let (code, stdout, err) = waypoint(&[
        "report",
        "--data",
        data.to_str().unwrap(),
        "--providers",
        PROVIDERS,
        "--allow-fictional",
        "--format",
        "json",
        "--html",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let c: Coverage = serde_json::from_str(&stdout).unwrap();
    let html = std::fs::read_to_string(&page).unwrap();
    let mut tables = vec![&c.domains, &c.codes, &c.languages.table];
    tables.extend(&c.regions);
    for t in tables {
        let expected: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| {
                std::iter::once(&r.total)
                    .chain(&r.cells)
                    .map(|x| {
                        if x.gap {
                            "0gap".to_string()
                        } else {
                            x.count.to_string()
                        }
                    })
                    .collect()
            })
            .collect();
        assert_eq!(html_table(&html, &t.id), expected, "table {}", t.id);
    }
    // Every number links to a list of exactly that many services.
    let links = links(&html);
    assert!(links.len() > 40, "{}", links.len());
    for (anchor, shown, listed) in &links {
        assert_eq!(shown, listed, "#{anchor}");
    }
    // The figures, the gaps and what the page cannot show are on it.
    for text in [
        "No phone, text, website or chat",
        "<strong>Mental health</strong>: none in Spanish",
        "What these figures cannot show",
        "on 2026-11-28",
        "between 2024-05-01 and 2026-11-01",
        "Two Counties 211 (fictional)",
        "AIRS: PH-1000 Emergency Food",
    ] {
        assert!(html.contains(text), "the page says {text:?}");
    }
    assert_eq!(
        html.matches("<span class=\"tag\">gap</span>").count(),
        gap_cells(&c)
    );
    // Self-contained: its styles inline, no script, nothing fetched.
    assert!(html.contains("<style>"));
    for banned in ["<script", "<link", "src=", "http://", "https://", "url("] {
        assert!(
            !html.contains(banned),
            "the standalone page has no {banned}"
        );
    }
}

fn gap_cells(c: &Coverage) -> usize {
    let mut tables = vec![&c.domains, &c.codes, &c.languages.table];
    tables.extend(&c.regions);
    tables
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| std::iter::once(&r.total).chain(&r.cells))
        .filter(|x| x.gap)
        .count()
}

#[test]
fn the_site_page_links_its_stylesheet_and_honours_site_toml() {
    let data = fixture_data("site");
    let out = std::env::temp_dir().join(format!("waypoint-coverage-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let (code, _, err) = waypoint(&[
        "report",
        "--data",
        data.to_str().unwrap(),
        "--providers",
        PROVIDERS,
        "--allow-fictional",
        "--site",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<link rel=\"stylesheet\" href=\"coverage.css\">"));
    assert!(
        !html.contains("<style") && !html.contains("<script") && !html.contains(" style="),
        "the site's CSP allows no inline style or script"
    );
    assert!(
        html.contains("<meta charset=\"utf-8\">"),
        "scripts/csp.mjs puts the policy after it"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("coverage.css")).unwrap(),
        waypoint_cli::report::coverage::STYLESHEET
    );

    // coverage_page = false: nothing written.
    let off = std::env::temp_dir().join(format!("waypoint-coverage-off-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&off);
    let mut site = std::fs::read_to_string(data.join("site.toml")).unwrap();
    site.push_str("coverage_page = false\n");
    std::fs::write(data.join("site.toml"), site).unwrap();
    let (code, stdout, err) = waypoint(&[
        "report",
        "--data",
        data.to_str().unwrap(),
        "--providers",
        PROVIDERS,
        "--allow-fictional",
        "--site",
        off.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("off in site.toml"), "{stdout}");
    assert!(!off.exists());
}

#[test]
fn the_default_data_is_not_an_import_and_its_counts_add_up() {
    let (code, stdout, err) = waypoint(&["report", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let c: Coverage = serde_json::from_str(&stdout).unwrap();
    assert!(c.import.is_none());
    let bundle = support::default_bundle();
    assert_eq!(c.totals.services, bundle.directory.services.len());
    // Each domain row's total is the services with a code in it.
    for (d, r) in c.domains.rows.iter().enumerate() {
        let n = bundle
            .directory
            .services
            .iter()
            .filter(|s| {
                s.service_types
                    .iter()
                    .any(|&t| bundle.taxonomy.domain_of(t) == Some(d as u16))
            })
            .count();
        assert_eq!(r.total.count, n, "{}", r.code);
    }
    let page = std::env::temp_dir().join(format!(
        "waypoint-coverage-default-{}.html",
        std::process::id()
    ));
    let (code, _, err) = waypoint(&["report", "--html", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("Not an import"));
    // Fictional data is refused, as `build` refuses it.
    let data = fixture_data("fictional");
    let (code, _, _) = waypoint(&[
        "report",
        "--data",
        data.to_str().unwrap(),
        "--providers",
        PROVIDERS,
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
}

/// The JSON's paths, with the repeated shapes (cell, row, table, label)
/// named once: `regions[]` is a table, `table.rows[]` a row.
fn schema_paths(v: &serde_json::Value, path: &str, out: &mut BTreeSet<String>, top: bool) {
    use serde_json::Value;
    if let Value::Object(map) = v {
        let keys: BTreeSet<&str> = map.keys().map(String::as_str).collect();
        let shape = |k: &[&str]| keys == k.iter().copied().collect::<BTreeSet<_>>();
        let named = if shape(&["count", "gap", "services"]) {
            Some("cell")
        } else if shape(&["code", "label", "group", "total", "cells"]) {
            Some("row")
        } else if shape(&["id", "title", "columns", "rows"]) {
            Some("table")
        } else if shape(&["code", "label"]) {
            Some("label")
        } else {
            None
        };
        match named {
            Some(name) if !top => {
                out.insert(path.to_string());
                schema_paths(v, name, out, true);
            }
            _ => {
                for (k, x) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    schema_paths(x, &p, out, false);
                }
            }
        }
    } else if let Value::Array(items) = v {
        if items.iter().all(|x| !x.is_object()) {
            out.insert(format!("{path}[]"));
        }
        for x in items.iter().filter(|x| x.is_object()) {
            schema_paths(x, &format!("{path}[]"), out, false);
        }
    } else {
        out.insert(path.to_string());
    }
}

#[test]
fn the_documented_schema_is_the_one_written() {
    let (_, json) = fixture_json("schema", &["--population", "men"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut written = BTreeSet::new();
    schema_paths(&value, "", &mut written, false);
    let doc = std::fs::read_to_string(support::repo().join("docs/coverage-schema.md")).unwrap();
    let documented: BTreeSet<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect();
    let missing: Vec<&String> = written.difference(&documented).collect();
    let extra: Vec<&String> = documented.difference(&written).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "written but not documented: {missing:?}\ndocumented but not written: {extra:?}"
    );
    assert!(written.len() > 50, "{written:?}");
}
