//! Filters and search combined, over the default directory.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::filter::Filters;
use waypoint_core::model::Service;
use waypoint_core::site::Site;

fn ids(site: &Site, query: &str, filters: &Filters) -> Vec<String> {
    let mut searcher = site.searcher();
    site.find(&mut searcher, query, filters)
        .services
        .iter()
        .map(|&i| site.service(i).id.clone())
        .collect()
}

fn all<'a>(site: &'a Site, query: &str, filters: &Filters) -> Vec<&'a Service> {
    let mut searcher = site.searcher();
    site.find(&mut searcher, query, filters)
        .services
        .iter()
        .map(|&i| site.service(i))
        .collect()
}

#[test]
fn empty_query_lists_every_support_service_with_24_7_lines_first() {
    let site = support::default_site();
    let t = &site.bundle.taxonomy;
    let listed = all(&site, "", &Filters::default());
    // A survivor's list: no law-enforcement line and nothing only for
    // professionals (training, task forces).
    let support_count = site
        .services()
        .iter()
        .filter(|s| !s.law_enforcement && !s.is_for_professionals(t))
        .count();
    assert_eq!(listed.len(), support_count);
    assert!(listed.iter().all(|s| !s.is_for_professionals(t)));
    // The staff console lists those too.
    let staff = all(
        &site,
        "",
        &Filters {
            with_professionals: true,
            ..Filters::default()
        },
    );
    assert_eq!(
        staff.len(),
        site.services()
            .iter()
            .filter(|s| !s.law_enforcement)
            .count()
    );
    let first_not_24_7 = listed
        .iter()
        .position(|s| !s.hours.always_open)
        .unwrap_or(listed.len());
    assert!(
        listed[first_not_24_7..]
            .iter()
            .all(|s| !s.hours.always_open),
        "24/7 lines come first"
    );
    assert!(first_not_24_7 > 0, "the default data has 24/7 lines");
}

#[test]
fn each_filter_narrows_to_matching_services() {
    let site = support::default_site();
    let t = &site.bundle.taxonomy;
    let housing = t.domain_id("housing").unwrap();
    let youth = t.population_id("youth").unwrap();
    let cases: Vec<(&str, Filters, Box<dyn Fn(&Service) -> bool>)> = vec![
        (
            "domain housing",
            Filters {
                domain: Some(housing),
                ..Filters::default()
            },
            Box::new(move |s: &Service| {
                s.service_types
                    .iter()
                    .any(|&x| t.domain_of(x) == Some(housing))
            }),
        ),
        (
            "population youth",
            Filters {
                population: Some(youth),
                ..Filters::default()
            },
            Box::new(move |s: &Service| s.populations.contains(&youth)),
        ),
        (
            "Spanish",
            Filters {
                language: Some("es".into()),
                ..Filters::default()
            },
            Box::new(|s: &Service| s.languages.iter().any(|l| l == "es")),
        ),
        (
            "24/7",
            Filters {
                open_24_7: true,
                ..Filters::default()
            },
            Box::new(|s: &Service| s.hours.always_open),
        ),
        (
            "free",
            Filters {
                free_only: true,
                ..Filters::default()
            },
            Box::new(|s: &Service| s.free),
        ),
        (
            "nationwide or remote",
            Filters {
                nationwide_or_remote: true,
                ..Filters::default()
            },
            Box::new(|s: &Service| s.remote || s.is_nationwide()),
        ),
        (
            "California",
            Filters {
                state: Some("CA".into()),
                ..Filters::default()
            },
            Box::new(|s: &Service| s.serves_state("CA")),
        ),
    ];
    let everything = all(&site, "", &Filters::default()).len();
    for (name, filters, expected) in cases {
        let got = all(&site, "", &filters);
        assert!(!got.is_empty(), "{name}: the default data should have some");
        assert!(
            got.len() < everything || name == "California",
            "{name}: the filter should narrow the list"
        );
        assert!(
            got.iter().all(|s| expected(s)),
            "{name}: a service that does not match slipped through"
        );
        let want = site
            .services()
            .iter()
            .filter(|s| !s.law_enforcement && !s.is_for_professionals(t) && expected(s))
            .count();
        assert_eq!(got.len(), want, "{name}: every matching service is listed");
    }
}

#[test]
fn services_for_professionals_show_only_when_the_type_of_help_asks_for_them() {
    let site = support::default_site();
    let t = &site.bundle.taxonomy;
    let professional: Vec<&Service> = site
        .services()
        .iter()
        .filter(|s| s.is_for_professionals(t))
        .collect();
    assert!(
        !professional.is_empty(),
        "the default data lists training programs and task forces"
    );
    let search = |q: &str, f: &Filters| {
        all(&site, q, f)
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    for q in ["legal help immigration", "housing", "technical assistance"] {
        let found = search(q, &Filters::default());
        assert!(
            professional.iter().all(|p| !found.contains(&p.id)),
            "{q}: a professional record in a survivor's results"
        );
    }
    let training = t
        .service_types
        .iter()
        .position(|st| st.code == "training-technical-assistance")
        .unwrap() as u16;
    let asked = search(
        "",
        &Filters {
            service_type: Some(training),
            ..Filters::default()
        },
    );
    assert!(
        !asked.is_empty() && professional.iter().any(|p| asked.contains(&p.id)),
        "asking for training finds it"
    );
    let domain = t.domain_id("for-organizations").unwrap();
    assert!(
        !search(
            "",
            &Filters {
                domain: Some(domain),
                ..Filters::default()
            }
        )
        .is_empty(),
        "so does the domain for organizations"
    );
}

#[test]
fn filters_combine_with_each_other_and_with_text() {
    let site = support::default_site();
    let t = &site.bundle.taxonomy;
    let ca = Filters {
        state: Some("CA".into()),
        ..Filters::default()
    };
    let ca_only_local = Filters {
        state: Some("CA".into()),
        nationwide_or_remote: false,
        ..ca.clone()
    };
    let lgbtq = t.population_id("lgbtq").unwrap();
    let ca_lgbtq = Filters {
        population: Some(lgbtq),
        ..ca_only_local.clone()
    };
    let a = ids(&site, "", &ca_lgbtq);
    assert!(!a.is_empty());
    for s in all(&site, "", &ca_lgbtq) {
        assert!(s.serves_state("CA") && s.populations.contains(&lgbtq));
    }
    // Text narrows further and still respects the filters.
    let with_text = all(&site, "san diego", &ca_lgbtq);
    assert!(with_text.len() <= a.len());
    // A combination that matches nothing gives nothing, not everything.
    let impossible = Filters {
        state: Some("CA".into()),
        language: Some("so".into()),
        open_24_7: true,
        ..Filters::default()
    };
    assert!(ids(&site, "lgbtq", &impossible).is_empty());
}

#[test]
fn nationwide_services_serve_every_state_and_city() {
    let site = support::default_site();
    let in_ohio = all(
        &site,
        "",
        &Filters {
            state: Some("OH".into()),
            ..Filters::default()
        },
    );
    assert!(
        !in_ohio.is_empty()
            && in_ohio
                .iter()
                .all(|s| s.is_nationwide() || s.serves_state("OH"))
    );
    let hotline = ids(
        &site,
        "",
        &Filters {
            state: Some("CA".into()),
            city: Some("San Diego".into()),
            ..Filters::default()
        },
    );
    assert!(
        hotline.contains(&"nhth-hotline".to_string()),
        "a nationwide hotline serves San Diego"
    );
}

#[test]
fn typo_search_in_the_browser_words() {
    let site = support::default_site();
    // The default data has no direct immigration lawyer yet; the legal
    // training provider is the record that speaks of immigration.
    let imm = all(&site, "imigration", &Filters::default());
    assert!(!imm.is_empty(), "imigration finds immigration help");
    let text = format!(
        "{} {}",
        imm[0].name,
        imm[0].description.clone().unwrap_or_default()
    )
    .to_lowercase();
    assert!(
        text.contains("immigration"),
        "first result for 'imigration' is about immigration: {}",
        imm[0].name
    );
    let housing = all(&site, "housng", &Filters::default());
    let housing_domain = site.bundle.taxonomy.domain_id("housing").unwrap();
    assert!(housing
        .iter()
        .take(3)
        .any(|s| s
            .service_types
            .iter()
            .any(|&x| site.bundle.taxonomy.domain_of(x) == Some(housing_domain))));
}

#[test]
fn city_filter_offers_served_areas_and_keeps_statewide_and_nationwide_services() {
    let site = support::default_site();
    let places = site.cities_in("CA");
    assert!(
        places.contains(&"San Diego County".to_string()),
        "{places:?}"
    );
    let filters = Filters {
        state: Some("CA".into()),
        city: Some("San Diego County".into()),
        ..Filters::default()
    };
    let found = all(&site, "", &filters);
    assert!(
        found.iter().any(|s| !s.is_nationwide()),
        "local San Diego services are listed"
    );
    assert!(
        found.iter().any(|s| s.is_nationwide()),
        "nationwide lines serve San Diego too"
    );
    assert!(found.iter().all(|s| s.is_nationwide()
        || s.serves_city("CA", "San Diego County")
        || s.serves_state("CA")));
    assert!(site.cities_in("WY").is_empty(), "no invented places");
}
