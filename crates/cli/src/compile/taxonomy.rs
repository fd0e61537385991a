//! The taxonomy: domains, service codes, populations, languages, states.

use std::collections::HashSet;

use crate::load::Sources;
use crate::problem::Problems;
use waypoint_core::taxonomy::{ServiceType, State, Taxonomy};

pub(super) fn compile_taxonomy(sources: &Sources, problems: &mut Problems) -> Option<Taxonomy> {
    let (file, t) = sources.taxonomy.as_ref().or_else(|| {
        problems.error("taxonomy.toml", "-", "-", "missing");
        None
    })?;
    let mut taxonomy = Taxonomy {
        domains: t.domains.clone(),
        populations: t.populations.clone(),
        languages: t.languages.clone(),
        ..Taxonomy::default()
    };
    for s in &t.services {
        let professional = match s.audience.as_deref() {
            None => false,
            Some("professionals") => true,
            Some(other) => {
                problems.error(
                    file,
                    &s.code,
                    "audience",
                    format!("expected \"professionals\" or nothing, found {other:?}"),
                );
                false
            }
        };
        match taxonomy.domain_id(&s.domain) {
            Some(domain) => taxonomy.service_types.push(ServiceType {
                code: s.code.clone(),
                domain,
                professional,
            }),
            None => problems.error(
                file,
                &s.code,
                "domain",
                format!("unknown domain {:?}", s.domain),
            ),
        }
    }
    for s in &t.states {
        if s.code.len() != 2 || !s.code.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.error(
                file,
                &s.code,
                "code",
                "expected a two-letter USPS code such as \"CA\"",
            );
        }
        taxonomy.states.push(State {
            code: s.code.clone(),
            name: s.name.clone(),
        });
    }
    let lists: [(&str, Vec<&str>); 5] = [
        (
            "domains",
            taxonomy.domains.iter().map(String::as_str).collect(),
        ),
        (
            "service",
            taxonomy
                .service_types
                .iter()
                .map(|s| s.code.as_str())
                .collect(),
        ),
        (
            "populations",
            taxonomy.populations.iter().map(String::as_str).collect(),
        ),
        (
            "languages",
            taxonomy.languages.iter().map(String::as_str).collect(),
        ),
        (
            "state",
            taxonomy.states.iter().map(|s| s.code.as_str()).collect(),
        ),
    ];
    for (field, codes) in lists {
        let mut seen = HashSet::new();
        for code in codes {
            if !seen.insert(code) {
                problems.error(file, code, field, "listed twice");
            }
        }
    }
    Some(taxonomy)
}
