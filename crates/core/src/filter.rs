//! The directory's filters. They combine with each other and with the text
//! query: a service must pass every filter that is set.

use crate::geo::Place;
use crate::model::Service;
use crate::taxonomy::{DomainId, PopulationId, ServiceTypeId, Taxonomy};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub domain: Option<DomainId>,
    pub service_type: Option<ServiceTypeId>,
    pub population: Option<PopulationId>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    pub free_only: bool,
    pub open_24_7: bool,
    /// Nationwide services, or ones reachable by phone, text or online.
    pub nationwide_or_remote: bool,
    /// USPS code; matches services located in, or serving, the state.
    pub state: Option<String>,
    /// Only meaningful with a state.
    pub city: Option<String>,
    /// The caller's place (a ZIP code, city or the device's location):
    /// services located near it or serving its area.
    pub near: Option<std::rc::Rc<Place>>,
    /// Miles from `near`; `None` is any distance.
    pub radius: Option<u16>,
    /// Open at this instant (Unix milliseconds), evaluated in each
    /// service's own time zone. The clock is carried here so matching stays
    /// a pure function of the filters.
    pub open_at: Option<i64>,
    /// A partner's embed scope: always applied, never shown or cleared.
    pub scope: Option<std::rc::Rc<Scope>>,
    /// Include services only for professionals (training, task forces)
    /// without being asked: the staff console does; a survivor's view
    /// shows them only when the type-of-help filter asks for them.
    pub with_professionals: bool,
}

/// What an embedding partner shows: services serving one of these states,
/// in one of these domains or service codes, for one of these populations.
/// An empty list does not restrict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub states: Vec<String>,
    pub domains: Vec<DomainId>,
    pub service_types: Vec<ServiceTypeId>,
    pub populations: Vec<PopulationId>,
}

impl Scope {
    pub fn matches(&self, service: &Service, taxonomy: &Taxonomy) -> bool {
        let in_states =
            self.states.is_empty() || self.states.iter().any(|st| service.serves_state(st));
        let in_services = (self.domains.is_empty() && self.service_types.is_empty())
            || service.service_types.iter().any(|&t| {
                self.service_types.contains(&t)
                    || taxonomy
                        .domain_of(t)
                        .is_some_and(|d| self.domains.contains(&d))
            });
        let for_people = self.populations.is_empty()
            || service
                .populations
                .iter()
                .any(|p| self.populations.contains(p));
        in_states && in_services && for_people
    }
}

impl Filters {
    /// The filters that show the services for one need from the guide.
    pub fn for_need(need: &crate::guide::Need) -> Filters {
        Filters {
            domain: need.domain,
            service_type: need.service_type,
            population: need.population,
            ..Filters::default()
        }
    }

    /// No filter the person chose (the embed scope does not count).
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// How many filters are set, for the "Clear all (3)" button.
    pub fn count(&self) -> usize {
        [
            self.domain.is_some(),
            self.service_type.is_some(),
            self.population.is_some(),
            self.language.is_some(),
            self.free_only,
            self.open_24_7,
            self.nationwide_or_remote,
            self.state.is_some(),
            self.city.is_some(),
            self.near.is_some(),
            self.radius.is_some() && self.near.is_some(),
            self.open_at.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }

    pub fn matches(&self, service: &Service, taxonomy: &Taxonomy) -> bool {
        if !self.with_professionals
            && service.is_for_professionals(taxonomy)
            && !taxonomy.asks_for_professionals(self.domain, self.service_type)
        {
            return false;
        }
        if let Some(scope) = &self.scope {
            if !scope.matches(service, taxonomy) {
                return false;
            }
        }
        if let Some(domain) = self.domain {
            if !service
                .service_types
                .iter()
                .any(|&t| taxonomy.domain_of(t) == Some(domain))
            {
                return false;
            }
        }
        if let Some(t) = self.service_type {
            if !service.service_types.contains(&t) {
                return false;
            }
        }
        if let Some(p) = self.population {
            if !service.populations.contains(&p) {
                return false;
            }
        }
        if let Some(lang) = &self.language {
            if !service.languages.iter().any(|l| l == lang) {
                return false;
            }
        }
        if self.free_only && !service.free {
            return false;
        }
        if self.open_24_7 && !service.hours.always_open {
            return false;
        }
        if self.nationwide_or_remote && !(service.remote || service.is_nationwide()) {
            return false;
        }
        if let Some(place) = &self.near {
            if crate::geo::reach(service, place, self.radius.map(f32::from)).is_none() {
                return false;
            }
        }
        if let Some(instant) = self.open_at {
            if !crate::hours::is_open_now(&service.hours, instant) {
                return false;
            }
        }
        if let Some(state) = &self.state {
            match &self.city {
                Some(city) => {
                    if !(service.serves_city(state, city)
                        || service
                            .service_areas
                            .iter()
                            .any(|a| covers_whole_state(a, state)))
                    {
                        return false;
                    }
                }
                None => {
                    if !service.serves_state(state) {
                        return false;
                    }
                }
            }
        }
        true
    }
}

/// A statewide or nationwide service serves every city in the state.
fn covers_whole_state(area: &crate::model::ServiceArea, state: &str) -> bool {
    use crate::model::ServiceArea;
    match area {
        ServiceArea::Nationwide => true,
        ServiceArea::State(s) => s == state,
        ServiceArea::Local { .. } => false,
    }
}
