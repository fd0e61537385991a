//! Ranking over the default directory: a labelled set of real queries
//! (typos, Spanish, partial words, several words) and the services that must
//! come near the top. The set lives in tests/fixtures/ranking-queries.toml.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use serde::Deserialize;
use waypoint_core::filter::Filters;

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
    let text = std::fs::read_to_string(support::repo().join("tests/fixtures/ranking-queries.toml")).unwrap();
    let set: QuerySet = toml::from_str(&text).unwrap();
    assert!(set.query.len() >= 20, "the labelled set needs at least 20 queries, has {}", set.query.len());
    let mut failures = Vec::new();
    for q in &set.query {
        for id in &q.expect_top {
            assert!(site.service_by_id(id).is_some(), "query {:?} expects unknown service {id}", q.text);
        }
        // Ranking over every record, as the staff console searches; a
        // survivor's view also leaves out services only for professionals
        // (crates/core/tests/directory.rs), which is a filter, not ranking.
        let results = site.find(&mut searcher, &q.text, &Filters { with_professionals: true, ..Filters::default() });
        let top: Vec<&str> = results.services.iter().take(TOP).map(|&i| site.service(i).id.as_str()).collect();
        if !q.expect_top.iter().any(|id| top.contains(&id.as_str())) {
            failures.push(format!("{:?}: expected one of {:?} in the top {TOP}, got {:?}", q.text, q.expect_top, top));
        }
    }
    assert!(failures.is_empty(), "{} of {} queries ranked badly:\n{}", failures.len(), set.query.len(), failures.join("\n"));
}

#[test]
fn names_rank_above_descriptions() {
    let site = support::default_site();
    let mut searcher = site.searcher();
    let results = site.find(&mut searcher, "runaway", &Filters::default());
    let first = site.service(results.services[0]);
    assert!(first.name.to_lowercase().contains("runaway"), "first result for 'runaway' was {}", first.name);
}

#[test]
fn law_enforcement_lines_never_appear_in_results() {
    let site = support::default_site();
    let mut searcher = site.searcher();
    let tip_lines = site.law_enforcement_lines();
    assert!(!tip_lines.is_empty(), "the default data has the HSI tip line");
    for query in ["", "tip line", "hsi", "homeland security", "trafficking", "report"] {
        let results = site.find(&mut searcher, query, &Filters::default());
        assert!(results.services.iter().all(|i| !tip_lines.contains(i)), "query {query:?} mixed in a law-enforcement line");
    }
}
