//! `waypoint report`: the directory's health at a glance, for the data
//! steward: how many records per domain, population and state; which were
//! not verified in 12 months; which nobody can contact; and, for imported
//! providers, the source terms no mapping covers and the terms of the
//! services that came in under "other help".
//!
//! It reads the sources, not the compiled bundle, so it still reports on a
//! directory that has errors (and says how many).

pub mod coverage;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::hsds::read_report;
use crate::load::Sources;
use waypoint_core::model::{Date, ServiceArea};

/// What the report found, for printing and for tests.
#[derive(Debug, Default)]
pub struct Health {
    pub organizations: usize,
    pub services: usize,
    pub by_domain: BTreeMap<String, usize>,
    pub by_population: BTreeMap<String, usize>,
    /// State code (or "nationwide") → services based in or serving it.
    pub by_state: BTreeMap<String, usize>,
    /// (service id, last verified or what was found instead)
    pub stale: Vec<(String, String)>,
    pub no_contact: Vec<String>,
    pub confidential_locations: usize,
    pub fictional: usize,
    pub unmapped: BTreeMap<String, usize>,
    /// Services listed under "other help".
    pub other_help: usize,
    /// From the import report: the source terms of the services imported
    /// under "other help", with how many carry each.
    pub other_help_terms: BTreeMap<String, usize>,
    pub errors: usize,
}

pub fn health(sources: &Sources, providers_dir: &Path, today: Date, errors: usize) -> Health {
    let mut h = Health {
        errors,
        organizations: sources.providers.len(),
        ..Health::default()
    };
    let domain_of: BTreeMap<&str, &str> = sources
        .taxonomy
        .as_ref()
        .map(|(_, t)| {
            t.services
                .iter()
                .map(|s| (s.code.as_str(), s.domain.as_str()))
                .collect()
        })
        .unwrap_or_default();
    for (_, p) in &sources.providers {
        for s in &p.services {
            h.services += 1;
            if p.organization.fictional {
                h.fictional += 1;
            }
            let mut domains: Vec<&str> = s
                .services
                .iter()
                .map(|c| {
                    domain_of
                        .get(c.as_str())
                        .copied()
                        .unwrap_or("(unknown code)")
                })
                .collect();
            domains.sort_unstable();
            domains.dedup();
            for d in domains {
                *h.by_domain.entry(d.to_string()).or_default() += 1;
            }
            if s.services.is_empty() {
                *h.by_domain.entry("(no service code)".into()).or_default() += 1;
            }
            if s.services
                .iter()
                .any(|c| c == crate::hsds::convert::OTHER_HELP)
            {
                h.other_help += 1;
            }
            for pop in &s.populations {
                *h.by_population.entry(pop.clone()).or_default() += 1;
            }
            let mut states: Vec<String> =
                s.locations.iter().filter_map(|l| l.state.clone()).collect();
            for area in s.areas.iter().filter_map(|a| ServiceArea::parse(a)) {
                match area {
                    ServiceArea::Nationwide => states.push("nationwide".into()),
                    ServiceArea::State(st) | ServiceArea::Local { state: st, .. } => {
                        states.push(st)
                    }
                }
            }
            states.sort();
            states.dedup();
            if states.is_empty() {
                states.push("(no state)".into());
            }
            for st in states {
                *h.by_state.entry(st).or_default() += 1;
            }
            h.confidential_locations += s.locations.iter().filter(|l| l.confidential).count();
            let source = s.source.as_ref().or(p.source.as_ref());
            match source.map(|src| (src.last_verified.as_str(), Date::parse(&src.last_verified))) {
                Some((_, Some(d))) if !d.is_stale(today) => {}
                Some((_, Some(d))) => h.stale.push((s.id.clone(), d.to_string())),
                Some(("", None)) => h.stale.push((s.id.clone(), "undated".into())),
                Some((raw, None)) => h.stale.push((s.id.clone(), format!("not a date: {raw:?}"))),
                None => h.stale.push((s.id.clone(), "no source".into())),
            }
            let contactable = !s.phones.is_empty()
                || s.url.is_some()
                || s.chat_url.is_some()
                || s.email.is_some();
            if !contactable {
                h.no_contact.push(s.id.clone());
            }
        }
    }
    if let Some(r) = read_report(providers_dir) {
        h.unmapped = r.unmapped;
        h.other_help_terms = r.other_help_terms;
    }
    h
}

impl Health {
    pub fn render(&self, today: Date) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Directory health on {today}: {} services in {} organisations",
            self.services, self.organizations
        );
        if self.fictional > 0 {
            let _ = writeln!(
                out,
                "  {} of them fictional (generated test data)",
                self.fictional
            );
        }
        if self.errors > 0 {
            let _ = writeln!(
                out,
                "  {} errors in the data: run `waypoint validate` for the list",
                self.errors
            );
        }
        for (title, counts) in [
            ("By domain", &self.by_domain),
            ("By population", &self.by_population),
            ("By state", &self.by_state),
        ] {
            let _ = writeln!(out, "\n{title}:");
            if counts.is_empty() {
                let _ = writeln!(out, "  (none)");
            }
            let mut list: Vec<(&String, &usize)> = counts.iter().collect();
            list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (k, n) in list {
                let _ = writeln!(out, "  {n:>6}  {k}");
            }
        }
        let _ = writeln!(
            out,
            "\nNot verified in the last 12 months: {}",
            self.stale.len()
        );
        for (id, when) in &self.stale {
            let _ = writeln!(out, "  {id}: {when}");
        }
        let _ = writeln!(
            out,
            "\nNo way to contact them (no phone, website, chat or email): {}",
            self.no_contact.len()
        );
        for id in &self.no_contact {
            let _ = writeln!(out, "  {id}");
        }
        let _ = writeln!(out, "\nConfidential locations (street and ZIP never published, coordinates only to 0.1 degree): {}", self.confidential_locations);
        let counted = |out: &mut String, counts: &BTreeMap<String, usize>| {
            let mut list: Vec<(&String, &usize)> = counts.iter().collect();
            list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (term, n) in list {
                let _ = writeln!(out, "  {n:>6}  {term}");
            }
        };
        if !self.unmapped.is_empty() {
            let _ = writeln!(
                out,
                "\nUnmapped taxonomy terms from the import ({}):",
                self.unmapped.len()
            );
            counted(&mut out, &self.unmapped);
        }
        if self.other_help > 0 || !self.other_help_terms.is_empty() {
            let _ = writeln!(out, "\nUnder \"other help\": {} services", self.other_help);
            if !self.other_help_terms.is_empty() {
                let _ = writeln!(
                    out,
                    "Their source terms from the import, by how many services carry each ({}; map them in the mapping file, or list them in exclude_airs):",
                    self.other_help_terms.len()
                );
                counted(&mut out, &self.other_help_terms);
            }
        }
        out
    }
}
