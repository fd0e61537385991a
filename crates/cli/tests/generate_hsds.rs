//! `waypoint generate` at a real 211 export's size and shape: text lengths
//! that follow a real export's, and a one-state HSDS 1.x CSV export that
//! imports with nothing dropped silently and builds (issues 14 and 15).

mod support;
#[path = "support/tool.rs"]
mod tool;

use tool::waypoint;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use waypoint_cli::generate::{self, Lengths, APPLICATION_PROCESS, DESCRIPTION};
use waypoint_cli::hsds;
use waypoint_cli::problem::Problems;

const TODAY: &str = "2026-11-28";


fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("waypoint-generate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn within(found: usize, target: usize, percent: usize) -> bool {
    found.abs_diff(target) * 100 <= target * percent
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn text_lengths_follow_a_real_211_export() {
    let taxonomy = support::default_bundle().taxonomy;
    let files = generate::generate(2000, 1, &taxonomy);
    let d = Lengths::descriptions(&files);
    assert_eq!(d.count, 2000);
    assert!(
        within(d.median, DESCRIPTION.median, 15),
        "description median {} not within 15% of {}",
        d.median,
        DESCRIPTION.median
    );
    assert!(
        within(d.p90, DESCRIPTION.p90, 15),
        "description p90 {} not within 15% of {}",
        d.p90,
        DESCRIPTION.p90
    );
    assert!(d.max <= DESCRIPTION.max, "{d}");
    let a = Lengths::how_to_get_help(&files);
    assert!(
        within(a.median, APPLICATION_PROCESS.median, 15),
        "how to get help: {a}"
    );

    // Text, not filler: many different sentences, few repeated within one
    // description.
    let texts: Vec<&str> = files
        .iter()
        .flat_map(|f| &f.services)
        .filter_map(|s| s.description.as_deref())
        .collect();
    let sentences: HashSet<&str> = texts.iter().flat_map(|t| t.split(". ")).collect();
    assert!(
        sentences.len() > 1000,
        "{} distinct sentences",
        sentences.len()
    );
    let repeated = texts.iter().filter(|t| {
        let parts: Vec<&str> = t.split(". ").collect();
        parts.iter().collect::<HashSet<_>>().len() < parts.len()
    });
    assert!(
        repeated.count() < 20,
        "sentences repeated within a description"
    );

    let again = generate::generate(2000, 1, &taxonomy);
    assert_eq!(
        serde_json::to_vec(&files).unwrap(),
        serde_json::to_vec(&again).unwrap(),
        "the same seed gives the same text"
    );
}

#[test]
fn a_one_state_211_export_imports_without_losses_and_builds() {
    let dir = scratch("hsds");
    let export = dir.join("export");
    let providers = dir.join("imported/providers");
    let site = dir.join("site");
    let data = support::repo().join("data");

    let started = Instant::now();
    let (code, text) = waypoint(&[
        "generate",
        "--services",
        "3000",
        "--state",
        "FL",
        "--format",
        "hsds-csv",
        "--seed",
        "1",
        "--out",
        s(&export),
    ]);
    let generated = started.elapsed();
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("descriptions: median ") && text.contains("p90 ") && text.contains("max "),
        "{text}"
    );
    for table in [
        "datapackage.json",
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "physical_addresses.csv",
        "services_at_location.csv",
        "phones.csv",
        "languages.csv",
        "regular_schedules.csv",
        "eligibility.csv",
        "services_taxonomy.csv",
        "taxonomy.csv",
        "service_areas.csv",
    ] {
        assert!(export.join(table).is_file(), "{table} written");
    }
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(package["created"], format!("{TODAY}T00:00:00Z"));
    // What the generator says will land under other help.
    let other_help: usize = text
        .split(" active services have none")
        .next()
        .and_then(|t| t.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .expect(&text);

    // The import, as `waypoint import` runs it.
    std::env::set_var("WAYPOINT_TODAY", TODAY);
    let mut problems = Problems::default();
    let options =
        hsds::options(&data, None, None, &mut problems).expect("the default mapping loads");
    let started = Instant::now();
    let imported = hsds::import_path(&export, &options);
    let files = hsds::write(&imported, &export, &providers).expect("writes");
    let import_time = started.elapsed();
    assert!(
        !imported.problems.has_errors(),
        "{:#?}",
        imported
            .problems
            .list
            .iter()
            .filter(|p| p.severity == waypoint_cli::problem::Severity::Error)
            .collect::<Vec<_>>()
    );
    assert_eq!(files.len(), imported.providers.len());
    let left_out: usize = imported.left_out.values().sum();
    assert_eq!(
        imported.services() + left_out,
        3000,
        "every service is imported or counted as left out: {}",
        imported.summary()
    );
    assert!(
        imported
            .left_out
            .keys()
            .all(|why| why == "status not active"),
        "only the inactive ones are left out: {}",
        imported.summary()
    );
    assert!(
        imported.services() >= 2940,
        "about 3,000 imported: {}",
        imported.summary()
    );
    assert_eq!(
        imported.other_help,
        other_help,
        "under other help, as the generator said: {}",
        imported.summary()
    );
    assert!(
        other_help > 0,
        "some AIRS codes map onto no Waypoint service"
    );
    assert!(
        imported.unmapped.keys().all(|t| t.starts_with("AIRS")),
        "{:?}",
        imported.unmapped
    );

    let services: Vec<_> = imported
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .collect();
    assert!(
        imported
            .providers
            .iter()
            .all(|p| p.organization.fictional && p.organization.name.ends_with("(fictional)")),
        "recognisably fictional"
    );
    assert!(services.iter().all(|s| s.name.ends_with("(fictional)")));
    assert!(
        services
            .iter()
            .flat_map(|s| &s.phones)
            .all(|p| p.number.contains("555-01")),
        "phones in the range reserved for fiction"
    );
    let locations: Vec<_> = services.iter().flat_map(|s| &s.locations).collect();
    assert!(locations.len() > 2500);
    assert!(
        locations.iter().all(|l| l.state.as_deref() == Some("FL")),
        "every location in Florida"
    );
    assert!(
        locations.iter().all(|l| l
            .postal_code
            .as_deref()
            .is_some_and(|z| ["32", "33", "34"].iter().any(|p| z.starts_with(p)))),
        "Florida ZIP codes"
    );
    assert!(
        locations.iter().any(|l| l.confidential),
        "shelters for people leaving abuse keep their address to themselves"
    );
    let areas: Vec<&String> = services.iter().flat_map(|s| &s.areas).collect();
    assert!(
        areas.iter().any(|a| *a == "FL") && areas.iter().any(|a| a.starts_with("FL:")),
        "statewide and local service areas"
    );
    assert!(
        areas.iter().all(|a| *a == "FL" || a.starts_with("FL:")),
        "{areas:?}"
    );
    assert!(
        services.iter().any(|s| !s.populations.is_empty()),
        "target-population codes give populations"
    );

    // Verified over the last three years, as a 211's records are.
    let dates: Vec<waypoint_core::model::Date> = services
        .iter()
        .filter_map(|s| waypoint_core::model::Date::parse(&s.source.as_ref()?.last_verified))
        .collect();
    let today = waypoint_core::model::Date::parse(TODAY).unwrap();
    let three_years_ago = waypoint_core::model::Date {
        year: today.year - 3,
        ..today
    };
    let in_range = dates
        .iter()
        .filter(|d| **d >= three_years_ago && **d <= today)
        .count();
    assert!(
        in_range * 100 >= services.len() * 95,
        "{in_range} of {} dated within three years",
        services.len()
    );
    let stale = dates.iter().filter(|d| d.is_stale(today)).count();
    assert!(
        stale * 100 > services.len() * 25 && stale * 100 < services.len() * 60,
        "{stale} of {} over a year old",
        services.len()
    );
    let descriptions = Lengths::of(services.iter().filter_map(|s| s.description.as_deref()));
    assert!(
        within(descriptions.median, DESCRIPTION.median, 15)
            && within(descriptions.p90, DESCRIPTION.p90, 15),
        "imported descriptions: {descriptions}"
    );

    let started = Instant::now();
    let (code, text) = waypoint(&[
        "build",
        "--data",
        s(&data),
        "--providers",
        s(&providers),
        "--allow-fictional",
        "--out",
        s(&site),
    ]);
    let build_time = started.elapsed();
    assert_eq!(
        code,
        0,
        "{}",
        text.lines()
            .filter(|l| l.starts_with("error"))
            .take(20)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let bin = std::fs::metadata(site.join("site.bin"))
        .expect("site.bin written")
        .len();
    let all: u64 = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    // Its default view: the region's own services, with no choice made.
    assert!(
        text.contains("home region: FL (inferred"),
        "a one-state directory is its state's site:\n{}",
        text.lines()
            .filter(|l| !l.starts_with("warning"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let core =
        waypoint_core::bundle::Bundle::decode(&std::fs::read(site.join("site.bin")).unwrap())
            .unwrap();
    let home: Vec<_> = core.shards.iter().filter(|s| s.home).cloned().collect();
    assert!(
        home.len() > 1 && home.iter().all(|s| s.state == "FL"),
        "FL in several parts: {}",
        home.len()
    );
    let mut state = waypoint_core::app::AppState::new(
        std::rc::Rc::new(waypoint_core::site::Site::new(core)),
        None,
        1_796_126_430_000,
    );
    let first = state.next_home_file().expect("a part to fetch at start");
    let part: waypoint_core::model::Directory =
        waypoint_core::bundle::decode(&std::fs::read(site.join(&first)).unwrap()).unwrap();
    let first_bytes = std::fs::metadata(site.join(&first)).unwrap().len();
    state = state.reduce(waypoint_core::app::Action::StateLoaded {
        state: first,
        directory: std::rc::Rc::new(part),
    });
    let shown: Vec<_> = state
        .search
        .results
        .services
        .iter()
        .map(|&i| state.site.service(i))
        .collect();
    assert!(
        shown.iter().any(|s| s.fictional && s.serves_state("FL")),
        "local services listed after the first part, no filter or place chosen"
    );
    assert_eq!(
        state.search.filters,
        waypoint_core::filter::Filters::default(),
        "nothing was chosen"
    );
    println!(
        "first local results after site.bin ({bin} bytes) and one part ({first_bytes} bytes) of {}",
        home.len()
    );

    let (code, text) = waypoint(&[
        "build",
        "--data",
        s(&data),
        "--providers",
        s(&providers),
        "--out",
        s(&dir.join("refused")),
    ]);
    assert_eq!(
        code,
        1,
        "generated data is refused without --allow-fictional:\n{}",
        text.lines().last().unwrap_or("")
    );
    println!(
        "3,000 FL services ({} build): generate {:.2} s, import {:.2} s, build {:.2} s; site.bin {bin} bytes, {all} bytes in all files",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        generated.as_secs_f64(),
        import_time.as_secs_f64(),
        build_time.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
