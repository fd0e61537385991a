//! A loaded site: the bundle plus the search index built from it, and the
//! directory questions the UI asks (find, filter options, law-enforcement
//! lines). Plain Rust, so the CLI, the benches and the tests use it as the
//! browser does.

use std::rc::Rc;

use crate::bundle::Bundle;
use crate::filter::Filters;
use crate::geo::{AreaKind, Place, Reach};
use crate::locale::{Catalog, Strings};
use crate::model::{Organization, Service};
use crate::search::{rank, Document, Field, SearchIndex, Searcher};
use crate::taxonomy::label_key;

pub struct Site {
    pub bundle: Bundle,
    pub index: Rc<SearchIndex>,
    /// Every service's place in the default order, worked out once: the
    /// tie-break for equal scores and the order of an empty search. A key
    /// computed inside the sort cost 20 ms a keystroke at 10k services.
    default_rank: Vec<u32>,
    /// Services in the default order.
    default_order: Vec<u32>,
    /// What every render asks and only the data changes, worked out once:
    /// scanning 10k services for each of these on every keystroke cost
    /// more than the search itself (`languages_offered` alone compared
    /// each taxonomy language against every service's list).
    law_enforcement: Vec<u32>,
    languages_offered: Vec<usize>,
    help_service: Option<u32>,
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Best match first (the default order with nothing typed).
    #[default]
    Relevance,
    /// Nearest first; only meaningful with a place.
    Distance,
}

/// The directory's answer to a query and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Service indices, best first. Law-enforcement lines are never here.
    pub services: Vec<u32>,
    /// The folded terms, for highlighting.
    pub terms: Vec<String>,
    /// No service matched every word; these match some.
    pub partial: bool,
    /// With "open now": how many services would match but were left out
    /// because their hours are not listed (so the page can say so).
    pub hours_unknown: usize,
}

impl Site {
    pub fn new(bundle: Bundle) -> Site {
        let stopwords = stopwords(&bundle.locales);
        let documents = documents(&bundle);
        let index = Rc::new(SearchIndex::build(documents, &stopwords));
        let default_order = default_order(&bundle);
        let mut default_rank = vec![0; default_order.len()];
        for (rank, &service) in default_order.iter().enumerate() {
            default_rank[service as usize] = rank as u32;
        }
        let services = &bundle.directory.services;
        let law_enforcement = (0..services.len() as u32).filter(|&r| services[r as usize].law_enforcement).collect();
        let mut spoken: Vec<&str> = services.iter().flat_map(|s| s.languages.iter().map(String::as_str)).collect();
        spoken.sort_unstable();
        spoken.dedup();
        let languages_offered =
            (0..bundle.taxonomy.languages.len()).filter(|&l| spoken.binary_search(&bundle.taxonomy.languages[l].as_str()).is_ok()).collect();
        let help_service = services.iter().position(|s| s.id == bundle.site.help_service).map(|r| r as u32);
        Site {
            bundle,
            index,
            default_rank,
            default_order,
            law_enforcement,
            languages_offered,
            help_service,
        }
    }

    /// A service's place in the default order (the tie-break at equal
    /// relevance).
    pub fn default_rank(&self, service: u32) -> u32 {
        self.default_rank[service as usize]
    }

    pub fn searcher(&self) -> Searcher {
        Searcher::new(self.index.clone())
    }

    pub fn services(&self) -> &[Service] {
        &self.bundle.directory.services
    }

    pub fn service(&self, idx: u32) -> &Service {
        &self.bundle.directory.services[idx as usize]
    }

    pub fn service_by_id(&self, id: &str) -> Option<(u32, &Service)> {
        self.services()
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == id)
            .map(|(i, s)| (i as u32, s))
    }

    pub fn organization(&self, service: &Service) -> &Organization {
        &self.bundle.directory.organizations[service.organization as usize]
    }

    /// The service in the help bar on every view.
    pub fn help_service(&self) -> Option<&Service> {
        self.help_service.map(|r| self.service(r))
    }

    pub fn catalog(&self, lang: &str) -> Option<&Catalog> {
        self.bundle.locales.iter().find(|c| c.lang == lang)
    }

    pub fn strings(&self, lang: &str) -> Strings<'_> {
        let fallback = self
            .catalog(&self.bundle.site.default_language)
            .unwrap_or(&self.bundle.locales[0]);
        Strings {
            current: self.catalog(lang).unwrap_or(fallback),
            fallback,
        }
    }

    pub fn find(&self, searcher: &mut Searcher, query: &str, filters: &Filters) -> Results {
        let mut results = self.find_matching(searcher, query, filters);
        // With "open now", a second search without the clock counts what
        // lists no hours. One search split in two would do, but its extra
        // code does not fit in the first-load budget today (measured: 0.2 KB
        // over); the term matches are cached, so the second pass only
        // scores candidates again.
        if filters.open_at.is_some() {
            let any_time = Filters {
                open_at: None,
                ..filters.clone()
            };
            let services = self.services();
            let unknown = |&r: &u32| {
                crate::hours::status(&services[r as usize].hours, 0)
                    == crate::hours::OpenStatus::NotListed
            };
            results.hours_unknown = self
                .find_matching(searcher, query, &any_time)
                .services
                .iter()
                .filter(|r| unknown(r))
                .count();
        }
        results
    }

    fn find_matching(&self, searcher: &mut Searcher, query: &str, filters: &Filters) -> Results {
        let services = self.services();
        let taxonomy = &self.bundle.taxonomy;
        let keep = |r: u32| {
            let s = &services[r as usize];
            !s.law_enforcement && filters.matches(s, taxonomy)
        };
        if query.trim().is_empty() || crate::text::words(query).next().is_none() {
            let all: Vec<u32> = self
                .default_order
                .iter()
                .copied()
                .filter(|&r| keep(r))
                .collect();
            return Results {
                services: all,
                terms: Vec::new(),
                partial: false,
                hours_unknown: 0,
            };
        }
        let mut found = searcher.search(query, keep);
        rank(&mut found.hits, |r| self.default_rank[r as usize]);
        Results {
            services: found.hits.iter().map(|h| h.record).collect(),
            terms: found.terms,
            partial: found.partial,
            hours_unknown: 0,
        }
    }

    /// Nearest first: services located near the place by distance, then
    /// those that serve its area (local, statewide, nationwide). Equal keys
    /// keep their relevance order, so "shelter" near a ZIP code still puts
    /// the better match first among services the same distance away.
    pub fn sort_by_distance(&self, services: &mut Vec<u32>, place: &Place, radius: Option<u16>) {
        let radius = radius.map(f32::from);
        let near = radius.unwrap_or(NEARBY_MILES);
        crate::sort::sort_by_key(services, |&r| {
            distance_key(self.service(r), place, radius, near)
        });
    }

    /// Where a service is or whom it serves, in one short line:
    /// "Nationwide", "San Diego, CA", "California".
    pub fn place_summary(&self, service: &Service, strings: &Strings) -> String {
        use crate::model::ServiceArea;
        if service.is_nationwide() {
            return strings.label("area.nationwide");
        }
        if let Some(l) = service
            .locations
            .iter()
            .find(|l| l.city.is_some() || l.state.is_some())
        {
            return [l.city.as_deref(), l.state.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
        }
        let areas: Vec<String> = service
            .service_areas
            .iter()
            .map(|a| match a {
                ServiceArea::Nationwide => strings.label("area.nationwide"),
                ServiceArea::State(c) => self
                    .bundle
                    .taxonomy
                    .state(c)
                    .map(|s| s.name.clone())
                    .unwrap_or_else(|| c.clone()),
                ServiceArea::Local { state, name } => format!("{name}, {state}"),
            })
            .collect();
        areas.join("; ")
    }

    /// How many services (not law-enforcement lines) pass the filters.
    pub fn count_matching(&self, filters: &Filters) -> usize {
        self.services()
            .iter()
            .filter(|s| !s.law_enforcement && filters.matches(s, &self.bundle.taxonomy))
            .count()
    }

    /// Police and federal tip lines, kept apart and labelled.
    pub fn law_enforcement_lines(&self) -> &[u32] {
        &self.law_enforcement
    }

    /// Languages offered by at least one service, in taxonomy order.
    pub fn languages_offered(&self) -> Vec<&str> {
        self.languages_offered.iter().map(|&l| self.bundle.taxonomy.languages[l].as_str()).collect()
    }

    /// Cities with a service location, and the local areas (counties,
    /// regions) services say they serve, in a state.
    pub fn cities_in(&self, state: &str) -> Vec<String> {
        use crate::model::ServiceArea;
        let mut places: Vec<String> = Vec::new();
        for s in self.services() {
            places.extend(
                s.locations
                    .iter()
                    .filter(|l| l.state() == Some(state))
                    .filter_map(|l| l.city.clone()),
            );
            places.extend(s.service_areas.iter().filter_map(|a| match a {
                ServiceArea::Local { state: st, name } if st == state => Some(name.clone()),
                _ => None,
            }));
        }
        places.sort_unstable();
        places.dedup();
        places
    }
}

/// With no radius chosen, services within this many miles come before
/// those that serve the area without a nearby address.
const NEARBY_MILES: f32 = 50.0;

/// The sort key for nearest first: located services within reach by
/// distance; then those serving the place's area, narrowest area first;
/// then located services farther away, by distance.
fn distance_key(
    service: &crate::model::Service,
    place: &Place,
    radius: Option<f32>,
    near: f32,
) -> u64 {
    let area = |kind| match kind {
        AreaKind::Local => 1 << 40,
        AreaKind::Statewide => 2 << 40,
        AreaKind::Nationwide => 3 << 40,
    };
    match crate::geo::reach(service, place, radius) {
        Some(Reach::Distance(miles)) if miles <= near => crate::sort::distance_key(miles),
        Some(Reach::Distance(miles)) => match crate::geo::area_reach(service, place) {
            Some(kind) => area(kind),
            None => 4 << 40 | crate::sort::distance_key(miles),
        },
        Some(Reach::Area(kind)) => area(kind),
        None => 5 << 40,
    }
}

/// The order with nothing typed, and the tie-break at equal relevance: help
/// for people before help for organisations, round-the-clock lines first
/// (they can help anyone, at any hour), then by name.
fn default_order(bundle: &Bundle) -> Vec<u32> {
    let taxonomy = &bundle.taxonomy;
    let services = &bundle.directory.services;
    let for_orgs = taxonomy.domain_id("for-organizations");
    // Names as folded words joined by spaces: a space sorts below every
    // letter and digit, so this orders as the word lists would.
    let names: Vec<String> = services
        .iter()
        .map(|s| crate::text::words(&s.name).collect::<Vec<_>>().join(" "))
        .collect();
    let mut sorted_names = names.clone();
    sorted_names.sort_unstable();
    crate::sort::order_by_key(services.len(), |r| {
        let s = &services[r];
        let only_for_orgs = for_orgs.is_some()
            && s.service_types
                .iter()
                .all(|&t| taxonomy.domain_of(t) == for_orgs);
        let name_rank = sorted_names.binary_search(&names[r]).unwrap_or(0) as u64;
        u64::from(only_for_orgs) << 41 | u64::from(!s.hours.always_open) << 40 | name_rank
    })
}

/// Words dropped from queries, from every catalogue's `search.stopwords`.
fn stopwords(locales: &[Catalog]) -> Vec<String> {
    let mut words: Vec<String> = locales
        .iter()
        .filter_map(|c| c.lookup("search.stopwords"))
        .flat_map(|s| crate::text::words(s))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// What search sees of each service. Labels and keywords come in every
/// language, so a Spanish speaker finds English records and the reverse.
pub fn documents(bundle: &Bundle) -> Vec<Document> {
    let taxonomy = &bundle.taxonomy;
    // Each language's label once: a label several languages share (a
    // loanword such as "shelter") must not count as several mentions.
    let all_labels = |key: String| -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        for label in bundle.locales.iter().filter_map(|c| c.lookup(&key)) {
            if !labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
                labels.push(label.to_string());
            }
        }
        labels
    };
    // The catalogues holding a language's own synonym words (fetched with
    // it, `Bundle::move_synonyms`); usually none, so no lookups at all.
    let moved: Vec<&Catalog> = bundle.locales.iter().filter(|c| c.has_prefix(crate::locale::SYNONYMS_PREFIX)).collect();
    bundle
        .directory
        .services
        .iter()
        .map(|s| {
            let org = &bundle.directory.organizations[s.organization as usize];
            let mut doc = Document::default();
            doc.add(Field::Name, s.name.clone());
            doc.add(Field::Name, org.name.clone());
            // An organisation's other name (often its legal name) is weaker
            // evidence than the service's own: a training program of
            // "… Community Housing" is not a housing program.
            if let Some(alt) = &org.alternate_name {
                doc.add(Field::ServiceType, alt.clone());
            }
            for &t in &s.service_types {
                let code = &taxonomy.service_types[t as usize].code;
                for label in all_labels(label_key::service_type(code))
                    .into_iter()
                    .chain(all_labels(label_key::service_type_keywords(code)))
                {
                    doc.add(Field::ServiceType, label);
                }
            }
            let mut domains: Vec<u16> = s
                .service_types
                .iter()
                .filter_map(|&t| taxonomy.domain_of(t))
                .collect();
            domains.dedup();
            for d in domains {
                for label in all_labels(label_key::domain(&taxonomy.domains[d as usize])) {
                    doc.add(Field::Detail, label);
                }
            }
            for &p in &s.populations {
                for label in all_labels(label_key::population(&taxonomy.populations[p as usize])) {
                    doc.add(Field::Detail, label);
                }
            }
            for lang in &s.languages {
                for label in all_labels(label_key::language(lang)) {
                    doc.add(Field::Detail, label);
                }
            }
            for l in &s.locations {
                if let Some(city) = &l.city {
                    doc.add(Field::Detail, city.clone());
                }
                if let Some(state) = l.state().and_then(|c| taxonomy.state(c)) {
                    doc.add(Field::Detail, state.name.clone());
                }
            }
            for a in &s.service_areas {
                match a {
                    crate::model::ServiceArea::Nationwide => {
                        for label in all_labels("area.nationwide".into()) {
                            doc.add(Field::Detail, label);
                        }
                    }
                    crate::model::ServiceArea::State(c) => {
                        if let Some(state) = taxonomy.state(c) {
                            doc.add(Field::Detail, state.name.clone());
                        }
                    }
                    crate::model::ServiceArea::Local { name, .. } => {
                        doc.add(Field::Detail, name.clone())
                    }
                }
            }
            for text in [
                &s.description,
                &org.description,
                &s.eligibility,
                &s.how_to_get_help,
            ]
            .into_iter()
            .flatten()
            {
                doc.add(Field::Description, text.clone());
            }
            doc.add(Field::Synonym, s.synonyms.clone());
            for catalog in &moved {
                if let Some(words) = catalog.lookup(&crate::locale::synonyms_key(&s.id)) {
                    doc.add(Field::Synonym, words.to_string());
                }
            }
            doc
        })
        .collect()
}

/// Gives every service the words of the synonym groups its searchable text
/// names (as `documents` sees it, labels in every language included) and
/// does not say itself. The build calls this once; the browser only
/// indexes the result. (Writing what a code's labels name once, in the
/// taxonomy, made 100k generated services 8% smaller, but cost the browser
/// more code than the default data saved: the first load grew 0.2 KB more.)
pub fn add_synonyms(bundle: &mut Bundle, synonyms: &crate::search::synonyms::Synonyms) {
    for s in &mut bundle.directory.services {
        s.synonyms.clear();
    }
    if synonyms.is_empty() {
        return;
    }
    let stopwords = stopwords(&bundle.locales);
    let gained: Vec<String> = documents(bundle)
        .iter()
        .map(|doc| synonyms.expand(doc, &stopwords))
        .collect();
    for (s, words) in bundle.directory.services.iter_mut().zip(gained) {
        s.synonyms = words;
    }
}
