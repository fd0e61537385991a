//! Near me and the referral, natively: the fictional San Diego providers in
//! tests/fixtures/nearby beside the real default data, a place as the ZIP
//! lookup would give it, and the text an advocate copies.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use std::rc::Rc;

use waypoint_core::filter::Filters;
use waypoint_core::geo::{self, Place, Point};
use waypoint_core::share::SharedSearch;
use waypoint_core::site::{Order, Site};

fn nearby_site() -> Rc<Site> {
    Rc::new(Site::new(support::nearby_bundle()))
}

/// `geo/zip/921.txt` as scripts/geo-data.mjs writes it from GeoNames; geo.rs
/// reads the same file and checks it against the writer's output.
const ZIP_921: &str = include_str!("../../../tests/fixtures/geo/zip-921.txt");

/// 92101 as `geo::find_zip` reads it from the GeoNames file.
fn downtown_san_diego() -> Rc<Place> {
    let place = geo::find_zip(ZIP_921, "92101").expect("92101 in tests/fixtures/geo/zip-921.txt");
    assert_eq!(
        (
            place.label.as_str(),
            place.state.as_str(),
            place.city.as_deref(),
            place.county.as_deref()
        ),
        (
            "92101 San Diego, CA",
            "CA",
            Some("San Diego"),
            Some("San Diego")
        )
    );
    assert!(
        geo::miles_between(
            place.point,
            Point {
                lat: 32.7157,
                lon: -117.1611
            }
        ) < 1.0,
        "downtown San Diego: {place:?}"
    );
    Rc::new(place)
}

fn nearest_first(site: &Site, query: &str, filters: &Filters) -> Vec<String> {
    let mut searcher = site.searcher();
    let mut results = site.find(&mut searcher, query, filters);
    site.sort_by_distance(
        &mut results.services,
        filters.near.as_ref().unwrap(),
        filters.radius,
    );
    results
        .services
        .iter()
        .map(|&r| site.service(r).id.clone())
        .collect()
}

#[test]
fn shelters_within_25_miles_nearest_first_then_those_serving_the_area() {
    let site = nearby_site();
    let filters = Filters {
        near: Some(downtown_san_diego()),
        radius: Some(25),
        ..Filters::default()
    };
    let ids = nearest_first(&site, "shelter", &filters);
    assert_eq!(
        ids[..2],
        ["fx-harbor-shelter", "fx-mesa-safe-house"],
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"fx-oceanside-night".to_string()),
        "35 miles away is outside 25: {ids:?}"
    );
    assert!(
        !ids.contains(&"fx-hudson-shelter".to_string()),
        "New York is not near San Diego: {ids:?}"
    );
    let statewide = ids
        .iter()
        .position(|id| id == "fx-statewide-legal")
        .expect("a statewide service serves San Diego");
    assert!(statewide >= 2, "after the located shelters: {ids:?}");
}

#[test]
fn any_distance_keeps_every_located_service_in_distance_order() {
    let site = nearby_site();
    let filters = Filters {
        near: Some(downtown_san_diego()),
        ..Filters::default()
    };
    let ids = nearest_first(&site, "shelter", &filters);
    let at = |id: &str| {
        ids.iter()
            .position(|x| x == id)
            .unwrap_or_else(|| panic!("{id} missing from {ids:?}"))
    };
    assert!(at("fx-harbor-shelter") < at("fx-mesa-safe-house"));
    assert!(at("fx-mesa-safe-house") < at("fx-oceanside-night"));
    assert!(
        at("fx-oceanside-night") < at("fx-hudson-shelter"),
        "2,400 miles comes last among located ones"
    );
}

#[test]
fn a_referral_reads_out_every_fact_and_never_a_private_street() {
    let site = nearby_site();
    let strings = site.strings("en");
    let place = downtown_san_diego();
    let (_, harbor) = site.service_by_id("fx-harbor-shelter").unwrap();
    let text = waypoint_core::referral::referral(&site, harbor, &strings, Some(&place));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Harbor Light emergency shelter (fictional) (Harbor Light Shelter (fictional))"
    );
    for expected in [
        "Offers: Emergency shelter",
        "Call: 619-555-0101",
        "Address: 100 Harbor Dr, San Diego, CA 92101",
        "How to get help: Call first; walk-ins welcome during open hours.",
        "Last checked: October 1, 2026 (source: Waypoint test fixture (fictional data))",
    ] {
        assert!(
            lines.contains(&expected),
            "missing {expected:?} in:\n{text}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Distance: 0.") && l.ends_with("mi from 92101 San Diego, CA")),
        "{text}"
    );
    assert!(lines.iter().any(|l| l.starts_with("Hours: ")), "{text}");

    let (_, mesa) = site.service_by_id("fx-mesa-safe-house").unwrap();
    let text = waypoint_core::referral::referral(&site, mesa, &strings, Some(&place));
    assert!(
        text.contains("Address: Private address in La Mesa, CA; they share it when you call"),
        "{text}"
    );
    // Its coordinates are published only to 0.1 degree, so the distance is
    // rough on purpose (it is about 9 miles away in truth).
    assert!(
        text.contains("Distance: About 11 mi from 92101 San Diego, CA (private address)"),
        "{text}"
    );
    assert!(
        !text.contains("91942"),
        "no ZIP of a private address: {text}"
    );
}

#[test]
fn several_referrals_copy_in_the_order_chosen() {
    let site = nearby_site();
    let strings = site.strings("en");
    let ids = ["fx-mesa-safe-house", "fx-harbor-shelter"];
    let chosen: Vec<u32> = ids
        .iter()
        .map(|id| site.service_by_id(id).unwrap().0)
        .collect();
    let text = waypoint_core::referral::referral_sheet(&site, &chosen, &strings, None);
    let mesa = text.find("Mesa safe house").unwrap();
    let harbor = text.find("Harbor Light emergency shelter").unwrap();
    assert!(mesa < harbor);
    assert_eq!(text.matches("Last checked:").count(), 2);
    assert!(!text.contains("Distance:"), "no place, no distance");
}

#[test]
fn a_shared_link_carries_the_search_and_filters_by_code() {
    let site = nearby_site();
    let t = &site.bundle.taxonomy;
    let filters = Filters {
        domain: t.domain_id("housing"),
        language: Some("es".into()),
        radius: Some(25),
        open_at: Some(0),
        free_only: true,
        near: Some(downtown_san_diego()),
        ..Filters::default()
    };
    let shared = SharedSearch::of("shelter 92101", Some("92101"), &filters, Order::Distance, t);
    let fragment = shared.to_fragment();
    assert_eq!(
        fragment,
        "q=shelter%2092101&near=92101&r=25&sort=distance&type=housing&lang=es&free=1&open=1"
    );
    let back = SharedSearch::from_fragment(&fragment);
    assert_eq!(back, shared);
    let restored = back.filters(t);
    assert_eq!(
        (
            restored.domain,
            restored.language,
            restored.radius,
            restored.free_only
        ),
        (filters.domain, filters.language, Some(25), true)
    );
    assert_eq!(
        restored.near, None,
        "the place is looked up again, not trusted from the link"
    );
}

#[test]
fn open_now_lists_the_open_services_of_the_same_search_in_its_order_and_counts_unlisted_hours() {
    let site = nearby_site();
    let mut searcher = site.searcher();
    // Wednesday 09:00 and 01:00 in Los Angeles: day shelters open, then only the night line.
    for instant in [1_796_230_800_000_i64, 1_796_202_000_000] {
        for query in ["", "shelter", "harbor shelter", "night", "legal help"] {
            let any_time = site.find(&mut searcher, query, &Filters::default());
            let open = site.find(
                &mut searcher,
                query,
                &Filters {
                    open_at: Some(instant),
                    ..Filters::default()
                },
            );
            let expected: Vec<u32> = any_time
                .services
                .iter()
                .copied()
                .filter(|&r| waypoint_core::hours::is_open_now(&site.service(r).hours, instant))
                .collect();
            if !expected.is_empty() {
                assert_eq!(
                    open.services, expected,
                    "{query:?} at {instant}: the open ones, in the same order"
                );
            }
            assert!(
                open.services
                    .iter()
                    .all(|&r| waypoint_core::hours::is_open_now(&site.service(r).hours, instant)),
                "{query:?}"
            );
            let unlisted = any_time
                .services
                .iter()
                .filter(|&&r| {
                    waypoint_core::hours::status(&site.service(r).hours, instant)
                        == waypoint_core::hours::OpenStatus::NotListed
                })
                .count();
            assert_eq!(
                open.hours_unknown, unlisted,
                "{query:?}: the services left out for unlisted hours are counted"
            );
        }
    }
}
