//! Ranking over the default directory: a labelled set of real queries
//! (typos, Spanish, partial words, several words) and the services that must
//! come near the top. The set lives in tests/fixtures/ranking-queries.toml;
//! the queries that need the synonym table, with the fictional records they
//! find, in tests/fixtures/synonyms/.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use serde::Deserialize;
use waypoint_core::bundle::Bundle;
use waypoint_core::filter::Filters;
use waypoint_core::site::{Results, Site};

#[derive(Deserialize)]
struct QuerySet {
    query: Vec<LabelledQuery>,
}

#[derive(Deserialize)]
struct LabelledQuery {
    text: String,
    expect_top: Vec<String>,
}

const TOP: usize = 3;

#[test]
fn labelled_queries_find_their_services_in_the_top_three() {
    let site = support::default_site();
    let mut searcher = site.searcher();
    let text = std::fs::read_to_string(support::repo().join("tests/fixtures/ranking-queries.toml"))
        .unwrap();
    let set: QuerySet = toml::from_str(&text).unwrap();
    assert!(
        set.query.len() >= 20,
        "the labelled set needs at least 20 queries, has {}",
        set.query.len()
    );
    let mut failures = Vec::new();
    for q in &set.query {
        for id in &q.expect_top {
            assert!(
                site.service_by_id(id).is_some(),
                "query {:?} expects unknown service {id}",
                q.text
            );
        }
        // Ranking over every record, as the staff console searches; a
        // survivor's view also leaves out services only for professionals
        // (crates/core/tests/directory.rs), which is a filter, not ranking.
        let results = site.find(
            &mut searcher,
            &q.text,
            &Filters {
                with_professionals: true,
                ..Filters::default()
            },
        );
        let top: Vec<&str> = results
            .services
            .iter()
            .take(TOP)
            .map(|&i| site.service(i).id.as_str())
            .collect();
        if !q.expect_top.iter().any(|id| top.contains(&id.as_str())) {
            failures.push(format!(
                "{:?}: expected one of {:?} in the top {TOP}, got {:?}",
                q.text, q.expect_top, top
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries ranked badly:\n{}",
        failures.len(),
        set.query.len(),
        failures.join("\n")
    );
}

/// The default data plus the fictional records of the synonym suite
/// (tests/fixtures/synonyms/providers), compiled as `waypoint build` does.
fn synonym_fixture_bundle() -> Bundle {
    std::env::set_var("WAYPOINT_TODAY", "2026-11-28");
    let data = support::scratch_data("synonyms");
    let fixtures = support::repo().join("tests/fixtures/synonyms/providers");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            data.join("providers").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    let (bundle, problems) = waypoint_cli::check(&data, None, true);
    let _ = std::fs::remove_dir_all(&data);
    assert!(
        !problems.has_errors(),
        "the synonym fixtures have errors: {:#?}",
        problems.list
    );
    bundle.expect("the synonym fixtures compile")
}

/// The same bundle as if there were no synonym table.
fn without_synonyms(mut bundle: Bundle) -> Bundle {
    for s in &mut bundle.directory.services {
        s.synonyms.clear();
    }
    bundle
}

/// As a survivor searches: the table is for people searching in their own
/// words. (With the services only for professionals in, a housing training
/// record comes before the shelter for "place to stay": "stay" is a typo
/// away from "staff" in its type's keywords, which outweighs a synonym.)
fn survivor_search(site: &Site, query: &str) -> Results {
    site.find(&mut site.searcher(), query, &Filters::default())
}

/// One of the expected services in the top three, found by every word.
fn finds(site: &Site, q: &LabelledQuery) -> Result<(), String> {
    let results = survivor_search(site, &q.text);
    let top: Vec<&str> = results
        .services
        .iter()
        .take(TOP)
        .map(|&i| site.service(i).id.as_str())
        .collect();
    if results.partial || !q.expect_top.iter().any(|id| top.contains(&id.as_str())) {
        return Err(format!(
            "{:?}: expected one of {:?} in the top {TOP}, got {:?}{}",
            q.text,
            q.expect_top,
            top,
            if results.partial { " (partial)" } else { "" }
        ));
    }
    Ok(())
}

#[test]
fn synonym_queries_find_services_that_say_it_in_other_words() {
    let bundle = synonym_fixture_bundle();
    let with = Site::new(bundle.clone());
    let without = Site::new(without_synonyms(bundle));
    let text =
        std::fs::read_to_string(support::repo().join("tests/fixtures/synonyms/queries.toml"))
            .unwrap();
    let set: QuerySet = toml::from_str(&text).unwrap();
    let mut failures = Vec::new();
    for q in &set.query {
        for id in &q.expect_top {
            assert!(
                with.service_by_id(id).is_some(),
                "query {:?} expects unknown service {id}",
                q.text
            );
        }
        if let Err(e) = finds(&with, q) {
            failures.push(e);
        }
        if finds(&without, q).is_ok() {
            failures.push(format!(
                "{:?} finds {:?} without the synonym table: it tests nothing here",
                q.text, q.expect_top
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} synonym queries failed:\n{}",
        failures.len(),
        set.query.len(),
        failures.join("\n")
    );
}

#[test]
fn a_service_that_says_the_word_outranks_one_that_only_means_it() {
    let site = Site::new(synonym_fixture_bundle());
    let place = |query: &str, id: &str| {
        let results = survivor_search(&site, query);
        results
            .services
            .iter()
            .position(|&i| site.service(i).id == id)
            .unwrap_or_else(|| panic!("{query:?} does not find {id}"))
    };
    // Same type of help, the word in the same field: one says it, the
    // other says attorney (or lawyer), which the table makes the same.
    assert!(place("lawyer", "fixture-volunteer-lawyer") < place("lawyer", "fixture-attorneys"));
    assert!(place("attorney", "fixture-attorneys") < place("attorney", "fixture-volunteer-lawyer"));
    let mut searcher = site.searcher();
    let hits = searcher.search("lawyer", |_| true).hits;
    let score = |id: &str| {
        hits.iter()
            .find(|h| site.service(h.record).id == id)
            .map(|h| h.score)
            .unwrap()
    };
    assert!(score("fixture-volunteer-lawyer") > score("fixture-attorneys"));
}

#[test]
fn names_rank_above_descriptions() {
    let site = support::default_site();
    let mut searcher = site.searcher();
    let results = site.find(&mut searcher, "runaway", &Filters::default());
    let first = site.service(results.services[0]);
    assert!(
        first.name.to_lowercase().contains("runaway"),
        "first result for 'runaway' was {}",
        first.name
    );
}

#[test]
fn a_services_own_name_outranks_its_organisations_other_name() {
    std::env::set_var("WAYPOINT_TODAY", "2026-11-28");
    let data = support::scratch_data("org-names");
    let fixture = support::repo().join("tests/fixtures/ranking-org/zz-fixture-org-names.toml");
    std::fs::copy(&fixture, data.join("providers/zz-fixture-org-names.toml")).unwrap();
    let (bundle, problems) = waypoint_cli::check(&data, None, true);
    let _ = std::fs::remove_dir_all(&data);
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    let site = Site::new(bundle.unwrap());
    let results = survivor_search(&site, "housing");
    let place = |id: &str| {
        results
            .services
            .iter()
            .position(|&i| site.service(i).id == id)
    };
    // Both match "housing"; the program named for it comes first even
    // though the training program sorts first by name.
    let (apartments, training) = (
        place("fixture-arc-apartments").unwrap(),
        place("fixture-arc-training").unwrap(),
    );
    assert!(
        apartments < training,
        "apartments at {apartments}, training at {training}"
    );
}

#[test]
fn law_enforcement_lines_never_appear_in_results() {
    let site = support::default_site();
    let mut searcher = site.searcher();
    let tip_lines = site.law_enforcement_lines();
    assert!(
        !tip_lines.is_empty(),
        "the default data has the HSI tip line"
    );
    for query in [
        "",
        "tip line",
        "hsi",
        "homeland security",
        "trafficking",
        "report",
    ] {
        let results = site.find(&mut searcher, query, &Filters::default());
        assert!(
            results.services.iter().all(|i| !tip_lines.contains(i)),
            "query {query:?} mixed in a law-enforcement line"
        );
    }
}
