//! Waypoint's service codes, domains, populations, languages and places.
//! The lists come from `data/taxonomy.toml`; their labels come from the
//! locale catalogues (`domain.<code>`, `service.<code>`, `population.<code>`,
//! `language.<code>`), so a deployment adds a code or a language without Rust.

use serde::{Deserialize, Serialize};

pub type DomainId = u16;
pub type ServiceTypeId = u16;
pub type PopulationId = u16;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Taxonomy {
    /// housing, legal, mental-health, comprehensive, for-organizations …
    pub domains: Vec<String>,
    pub service_types: Vec<ServiceType>,
    pub populations: Vec<String>,
    /// ISO 639-1 codes a service may list.
    pub languages: Vec<String>,
    pub states: Vec<State>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceType {
    pub code: String,
    pub domain: DomainId,
    /// For organisations, not for survivors (training, technical
    /// assistance, task forces): a service offering only such codes is
    /// labelled "For professionals" and kept out of a survivor's results
    /// unless asked for.
    pub professional: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// USPS code, e.g. "CA".
    pub code: String,
    pub name: String,
}

impl Taxonomy {
    /// Whether asking for this domain or code is asking for professionals'
    /// services: a code that is professional, or a domain whose every code is.
    pub fn asks_for_professionals(
        &self,
        domain: Option<DomainId>,
        service_type: Option<ServiceTypeId>,
    ) -> bool {
        let professional = |t: ServiceTypeId| {
            self.service_types
                .get(t as usize)
                .is_some_and(|st| st.professional)
        };
        service_type.is_some_and(professional)
            || domain.is_some_and(|d| {
                let mut codes = self.service_types_in(d).peekable();
                codes.peek().is_some() && codes.all(|(_, st)| st.professional)
            })
    }

    pub fn domain_id(&self, code: &str) -> Option<DomainId> {
        position(self.domains.iter().map(String::as_str), code)
    }

    pub fn service_type_id(&self, code: &str) -> Option<ServiceTypeId> {
        position(self.service_types.iter().map(|s| s.code.as_str()), code)
    }

    pub fn population_id(&self, code: &str) -> Option<PopulationId> {
        position(self.populations.iter().map(String::as_str), code)
    }

    pub fn state(&self, code: &str) -> Option<&State> {
        self.states.iter().find(|s| s.code == code)
    }

    pub fn domain_of(&self, service_type: ServiceTypeId) -> Option<DomainId> {
        self.service_types
            .get(service_type as usize)
            .map(|s| s.domain)
    }

    pub fn service_types_in(
        &self,
        domain: DomainId,
    ) -> impl Iterator<Item = (ServiceTypeId, &ServiceType)> {
        self.service_types
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.domain == domain)
            .map(|(i, s)| (i as ServiceTypeId, s))
    }
}

fn position<'a>(mut items: impl Iterator<Item = &'a str>, code: &str) -> Option<u16> {
    items.position(|c| c == code).map(|i| i as u16)
}

/// Locale keys of the labels, in one place so the UI, the search index and
/// the validator agree on them.
pub mod label_key {
    pub fn domain(code: &str) -> String {
        format!("domain.{code}")
    }
    pub fn service_type(code: &str) -> String {
        format!("service.{code}")
    }
    /// Extra words people use for a service ("lawyer", "abogado"), searched
    /// but never shown.
    pub fn service_type_keywords(code: &str) -> String {
        format!("service.{code}.keywords")
    }
    pub fn population(code: &str) -> String {
        format!("population.{code}")
    }
    pub fn language(code: &str) -> String {
        format!("language.{code}")
    }
}
