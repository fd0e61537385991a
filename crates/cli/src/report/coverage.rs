//! `waypoint report --html | --format json | --site`: coverage and gaps,
//! for coalitions. Counts the directory as the site would publish it (the
//! compiled bundle `waypoint build` writes), never anything about a person.
//!
//! One owner per contract: these serde structs are the JSON the report
//! writes (`docs/coverage-schema.md` documents them, and a test checks the
//! documented paths against them), and `html` renders the page from the
//! same structs, so the page and the JSON cannot disagree.

mod html;

pub use html::{render_html, Stylesheet, STYLESHEET};

use serde::{Deserialize, Serialize};

use crate::hsds::ImportReport;
use waypoint_core::bundle::{Bundle, HomeRegion};
use waypoint_core::locale::Catalog;
use waypoint_core::model::{Date, PhoneKind, Service, ServiceArea};
use waypoint_core::taxonomy::label_key;

/// The version of the JSON below; raised when a field changes meaning or goes.
pub const SCHEMA: u32 = 1;

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub schema: u32,
    /// The day the report was made (`WAYPOINT_TODAY` fixes it).
    pub generated: String,
    pub data: DataDates,
    pub scope: Scope,
    pub totals: Totals,
    /// What the figures cannot show, in plain words.
    pub limits: Vec<String>,
    /// The heat map: domains (each service once per domain) × populations.
    pub domains: Table,
    /// Service codes, grouped by domain (`group`), × populations.
    pub codes: Table,
    /// Regions × domains, regions × populations for `chosen_domain`, and,
    /// when one was chosen, regions × domains for `chosen_population`.
    pub regions: Vec<Table>,
    pub languages: Languages,
    pub reachability: Reachability,
    pub freshness: Freshness,
    /// `None`: the providers folder was not written by `waypoint import`.
    pub import: Option<Import>,
    /// Every service counted, once, in the directory's order.
    pub services: Vec<ServiceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataDates {
    /// The newest and oldest date any record was last checked (or dated by
    /// its export); `None` when no record has a date.
    pub newest_check: Option<String>,
    pub oldest_check: Option<String>,
    /// Records whose directory gave no date at all.
    pub undated: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    /// "regional" (rows by county or place) or "national" (rows by state).
    pub kind: String,
    /// The home region's areas as site.toml writes them (empty if national).
    pub region: Vec<String>,
    /// "site.toml", "inferred" (the state holding half the local services,
    /// as `waypoint build` infers it) or "none".
    pub region_from: String,
    /// "county" or "state": what a row of the region tables is.
    pub rows: String,
    pub chosen_domain: Option<String>,
    pub chosen_population: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub organizations: usize,
    pub services: usize,
    /// Services that serve the whole country: in every total, in no region row.
    pub nationwide: Cell,
    /// Services outside a regional directory's home region (in the
    /// matrix, not in the region tables).
    pub outside_region: Cell,
}

/// A number and the services behind it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub count: usize,
    /// True in a table where the count is 0: no listed service. Always
    /// false in the lists of reachability, freshness and import.
    pub gap: bool,
    /// Service ids (`Coverage::services`), in the directory's order.
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// A stable name: "domains", "codes", "languages", "regions-domains",
    /// "regions-populations", "regions-domains-for-population".
    pub id: String,
    pub title: String,
    pub columns: Vec<Label>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub code: String,
    pub label: String,
    /// The domain a service code row belongs to; `None` elsewhere.
    pub group: Option<String>,
    /// The row's services, whatever their columns (a service naming no
    /// population is counted here and in no population column).
    pub total: Cell,
    /// One per column, in the table's column order.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Languages {
    /// The languages at least one service in the directory is offered in.
    pub offered: Vec<Label>,
    /// Domains × offered languages.
    pub table: Table,
    /// Each domain with services but none in a language the directory
    /// offers elsewhere.
    pub gaps: Vec<LanguageGap>,
    /// Services that name no language.
    pub unstated: Cell,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanguageGap {
    pub domain: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reachability {
    /// No phone (of any kind but fax), text number, website or chat link.
    pub no_phone_text_or_website: Cell,
    /// Of those, the ones with an email address.
    pub email_only: Cell,
    /// Phones, all of them hotlines, and no website, chat or email.
    pub hotline_only: Cell,
    /// No opening hours listed and not open 24/7.
    pub hours_unknown: Cell,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Freshness {
    /// By age of the last check, youngest first, then "undated".
    pub by_age: Vec<AgeBand>,
    /// Not checked in 12 months, or undated (the page tells a visitor to
    /// call first).
    pub stale: Cell,
    /// The stale records by organisation, most first.
    pub stale_by_organization: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgeBand {
    pub code: String,
    pub label: String,
    pub cell: Cell,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Import {
    pub source: String,
    pub format: String,
    /// When the import ran.
    pub imported: String,
    /// Services listed under "other help" (no mapping covered their terms).
    pub other_help: Cell,
    /// The source terms of those services, most first.
    pub other_help_terms: Vec<Term>,
    /// Source terms no mapping covers, most first.
    pub unmapped: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRef {
    pub id: String,
    pub name: String,
    pub organization: String,
    /// Last checked (or dated by the export); `None` if undated.
    pub last_checked: Option<String>,
}

/// What the report is asked for beyond the directory.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// site.toml's `home_region`, as written.
    pub home_region: Option<Vec<String>>,
    /// The domain for the regions × populations table (default: the
    /// taxonomy's first domain).
    pub domain: Option<String>,
    /// Adds a regions × domains table for this population.
    pub population: Option<String>,
}

/// The report's own words for what it cannot show.
const LIMITS: [&str; 5] = [
    "It counts services listed in this directory. It says nothing about how many people a service can help, how long the wait is, or how good the help is.",
    "A service is counted for a population only when its record names that population. A service open to everyone, whose record names no one, is counted in the total column and in no population column.",
    "A region is counted from the areas a record says it serves and the places it is located; services that serve the whole country are counted once, above the region tables, not in every row.",
    "A service missing here may exist: it may not be listed, or its record may use other words. A zero is a question to ask, not proof of a gap.",
    "Nothing about any person is counted: the directory holds no data about the people who use it.",
];

/// The age bands of the freshness table, in months: [from, to).
const AGE_BANDS: [(&str, &str, i32, i32); 4] = [
    ("under-6-months", "Checked in the last 6 months", 0, 6),
    ("6-to-12-months", "6 to 12 months ago", 6, 12),
    ("12-to-24-months", "12 to 24 months ago (stale)", 12, 24),
    (
        "over-24-months",
        "More than 24 months ago (stale)",
        24,
        i32::MAX,
    ),
];

/// Computes every figure from the bundle as the site publishes it.
pub fn coverage(
    bundle: &Bundle,
    import: Option<&ImportReport>,
    options: &Options,
    today: Date,
) -> Coverage {
    let tax = &bundle.taxonomy;
    let dir = &bundle.directory;
    let en = bundle
        .locales
        .iter()
        .find(|c| c.lang == "en")
        .or(bundle.locales.first());
    let label = |key: String| -> String {
        en.and_then(|c: &Catalog| c.lookup(&key))
            .map(str::to_string)
            .unwrap_or_else(|| key.rsplit('.').next().unwrap_or_default().to_string())
    };
    let services: Vec<&Service> = dir.services.iter().collect();
    let ids =
        |set: &[usize]| -> Vec<String> { set.iter().map(|&i| services[i].id.clone()).collect() };
    let cell = |set: Vec<usize>, gaps: bool| Cell {
        count: set.len(),
        gap: gaps && set.is_empty(),
        services: ids(&set),
    };
    let all: Vec<usize> = (0..services.len()).collect();
    let select = |pred: &dyn Fn(&Service) -> bool, within: &[usize]| -> Vec<usize> {
        within
            .iter()
            .copied()
            .filter(|&i| pred(services[i]))
            .collect()
    };

    let domains_of = |s: &Service| -> Vec<u16> {
        let mut d: Vec<u16> = s
            .service_types
            .iter()
            .filter_map(|&t| tax.domain_of(t))
            .collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let population_columns: Vec<Label> = tax
        .populations
        .iter()
        .map(|p| Label {
            code: p.clone(),
            label: label(label_key::population(p)),
        })
        .collect();
    let by_population = |within: &[usize]| -> Vec<Cell> {
        (0..tax.populations.len() as u16)
            .map(|p| cell(select(&|s| s.populations.contains(&p), within), true))
            .collect()
    };
    let domain_label = |d: usize| label(label_key::domain(&tax.domains[d]));

    // The heat map and the code matrix.
    let mut domain_rows = Vec::new();
    let mut code_rows = Vec::new();
    for (d, code) in tax.domains.iter().enumerate() {
        let in_domain = select(&|s| domains_of(s).contains(&(d as u16)), &all);
        domain_rows.push(Row {
            code: code.clone(),
            label: domain_label(d),
            group: None,
            total: cell(in_domain.clone(), true),
            cells: by_population(&in_domain),
        });
        for (t, st) in tax.service_types_in(d as u16) {
            let with = select(&|s| s.service_types.contains(&t), &all);
            code_rows.push(Row {
                code: st.code.clone(),
                label: label(label_key::service_type(&st.code)),
                group: Some(code.clone()),
                total: cell(with.clone(), true),
                cells: by_population(&with),
            });
        }
    }
    let domain_columns: Vec<Label> = tax
        .domains
        .iter()
        .enumerate()
        .map(|(d, c)| Label {
            code: c.clone(),
            label: domain_label(d),
        })
        .collect();
    let by_domain = |within: &[usize]| -> Vec<Cell> {
        (0..tax.domains.len() as u16)
            .map(|d| cell(select(&|s| domains_of(s).contains(&d), within), true))
            .collect()
    };

    // Regions.
    let states: Vec<String> = tax.states.iter().map(|s| s.code.clone()).collect();
    let (home, region_from) = match &options.home_region {
        Some(areas) if areas.is_empty() => (None, "none"),
        Some(areas) => (
            Some(HomeRegion {
                areas: areas.clone(),
            }),
            "site.toml",
        ),
        None => match HomeRegion::inferred(dir, &states) {
            Some(h) => (Some(h), "inferred"),
            None => (None, "none"),
        },
    };
    let nationwide = select(&|s| s.is_nationwide(), &all);
    let region_rows: Vec<(String, String, Vec<usize>)>;
    let mut outside = Vec::new();
    match &home {
        None => {
            region_rows = tax
                .states
                .iter()
                .map(|st| {
                    (
                        st.code.clone(),
                        st.name.clone(),
                        select(&|s| !s.is_nationwide() && s.serves_state(&st.code), &all),
                    )
                })
                .collect();
        }
        Some(h) => {
            let places = places(h, &services, tax);
            let mut rows: Vec<(String, String, Vec<usize>)> = places
                .iter()
                .map(|p| (p.code(), p.label(tax), Vec::new()))
                .collect();
            for (i, s) in services.iter().enumerate() {
                if s.is_nationwide() {
                    continue;
                }
                let mut hit = false;
                for (r, p) in places.iter().enumerate() {
                    if p.holds(s, &places) {
                        rows[r].2.push(i);
                        hit = true;
                    }
                }
                if !hit {
                    outside.push(i);
                }
            }
            region_rows = rows;
        }
    }
    let region_title = if home.is_some() {
        "county or place"
    } else {
        "state"
    };
    let chosen_domain = options
        .domain
        .clone()
        .filter(|d| tax.domain_id(d).is_some())
        .or_else(|| tax.domains.first().cloned());
    let mut regions = vec![Table {
        id: "regions-domains".into(),
        title: format!("Services by {region_title} and domain"),
        columns: domain_columns.clone(),
        rows: region_rows
            .iter()
            .map(|(c, l, set)| Row {
                code: c.clone(),
                label: l.clone(),
                group: None,
                total: cell(set.clone(), true),
                cells: by_domain(set),
            })
            .collect(),
    }];
    if let Some(d) = chosen_domain.as_deref().and_then(|d| tax.domain_id(d)) {
        regions.push(Table {
            id: "regions-populations".into(),
            title: format!(
                "{} by {region_title} and population",
                domain_label(d as usize)
            ),
            columns: population_columns.clone(),
            rows: region_rows
                .iter()
                .map(|(c, l, set)| {
                    let set = select(&|s| domains_of(s).contains(&d), set);
                    Row {
                        code: c.clone(),
                        label: l.clone(),
                        group: None,
                        total: cell(set.clone(), true),
                        cells: by_population(&set),
                    }
                })
                .collect(),
        });
    }
    let chosen_population = options
        .population
        .clone()
        .filter(|p| tax.population_id(p).is_some());
    if let Some(p) = chosen_population
        .as_deref()
        .and_then(|p| tax.population_id(p))
    {
        regions.push(Table {
            id: "regions-domains-for-population".into(),
            title: format!(
                "Services for {} by {region_title} and domain",
                label(label_key::population(&tax.populations[p as usize])).to_lowercase()
            ),
            columns: domain_columns.clone(),
            rows: region_rows
                .iter()
                .map(|(c, l, set)| {
                    let set = select(&|s| s.populations.contains(&p), set);
                    Row {
                        code: c.clone(),
                        label: l.clone(),
                        group: None,
                        total: cell(set.clone(), true),
                        cells: by_domain(&set),
                    }
                })
                .collect(),
        });
    }

    // Languages: those offered anywhere, in the taxonomy's order.
    let offered: Vec<&String> = tax
        .languages
        .iter()
        .filter(|l| services.iter().any(|s| s.languages.contains(l)))
        .collect();
    let language_table = Table {
        id: "languages".into(),
        title: "Services by domain and language".into(),
        columns: offered
            .iter()
            .map(|l| Label {
                code: (*l).clone(),
                label: label(label_key::language(l)),
            })
            .collect(),
        rows: domain_rows
            .iter()
            .map(|r| {
                let set: Vec<usize> = r
                    .total
                    .services
                    .iter()
                    .filter_map(|id| services.iter().position(|s| &s.id == id))
                    .collect();
                Row {
                    code: r.code.clone(),
                    label: r.label.clone(),
                    group: None,
                    total: r.total.clone(),
                    cells: offered
                        .iter()
                        .map(|l| cell(select(&|s| s.languages.contains(l), &set), true))
                        .collect(),
                }
            })
            .collect(),
    };
    let mut language_gaps = Vec::new();
    for row in &language_table.rows {
        if row.total.count == 0 {
            continue;
        }
        for (c, l) in row.cells.iter().zip(&offered) {
            if c.count == 0 {
                language_gaps.push(LanguageGap {
                    domain: row.code.clone(),
                    language: (*l).clone(),
                });
            }
        }
    }

    // Reachability.
    let reaches = |k: PhoneKind| k != PhoneKind::Fax;
    let no_contact = select(
        &|s| !s.phones.iter().any(|p| reaches(p.kind)) && s.url.is_none() && s.chat_url.is_none(),
        &all,
    );
    let email_only = select(&|s| s.email.is_some(), &no_contact);
    let hotline_only = select(
        &|s| {
            let mut phones = s.phones.iter().filter(|p| reaches(p.kind)).peekable();
            phones.peek().is_some()
                && phones.all(|p| p.kind == PhoneKind::Hotline)
                && s.url.is_none()
                && s.chat_url.is_none()
                && s.email.is_none()
        },
        &all,
    );
    let hours_unknown = select(&|s| !s.hours.is_listed(), &all);

    // Freshness.
    let by_age = AGE_BANDS
        .iter()
        .map(|&(code, text, from, to)| AgeBand {
            code: code.into(),
            label: text.into(),
            cell: cell(
                select(
                    &|s| {
                        s.last_verified
                            .is_some_and(|d| (from..to).contains(&d.months_until(today).max(0)))
                    },
                    &all,
                ),
                false,
            ),
        })
        .chain(std::iter::once(AgeBand {
            code: "undated".into(),
            label: "Undated (the export gave no date)".into(),
            cell: cell(select(&|s| s.last_verified.is_none(), &all), false),
        }))
        .collect();
    let stale = select(&|s| s.is_stale(today), &all);
    let mut stale_by_org: Vec<Row> = Vec::new();
    for (o, org) in dir.organizations.iter().enumerate() {
        let set: Vec<usize> = stale
            .iter()
            .copied()
            .filter(|&i| services[i].organization as usize == o)
            .collect();
        if !set.is_empty() {
            stale_by_org.push(Row {
                code: org.id.clone(),
                label: org.name.clone(),
                group: None,
                total: cell(set, false),
                cells: Vec::new(),
            });
        }
    }
    stale_by_org.sort_by(|a, b| {
        b.total
            .count
            .cmp(&a.total.count)
            .then(a.label.cmp(&b.label))
    });

    let dates: Vec<Date> = services.iter().filter_map(|s| s.last_verified).collect();
    let terms = |m: &std::collections::BTreeMap<String, usize>| {
        let mut list: Vec<Term> = m
            .iter()
            .map(|(t, &n)| Term {
                term: t.clone(),
                count: n,
            })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
        list
    };
    let other_help_code = tax.service_type_id(crate::hsds::convert::OTHER_HELP);
    Coverage {
        schema: SCHEMA,
        generated: today.to_string(),
        data: DataDates {
            newest_check: dates.iter().max().map(Date::to_string),
            oldest_check: dates.iter().min().map(Date::to_string),
            undated: services.len() - dates.len(),
        },
        scope: Scope {
            kind: if home.is_some() {
                "regional"
            } else {
                "national"
            }
            .into(),
            region: home.as_ref().map(|h| h.areas.clone()).unwrap_or_default(),
            region_from: region_from.into(),
            rows: if home.is_some() { "county" } else { "state" }.into(),
            chosen_domain,
            chosen_population,
        },
        totals: Totals {
            organizations: dir.organizations.len(),
            services: services.len(),
            nationwide: cell(nationwide, false),
            outside_region: cell(outside, false),
        },
        limits: LIMITS.iter().map(|s| s.to_string()).collect(),
        domains: Table {
            id: "domains".into(),
            title: "Services by domain and population".into(),
            columns: population_columns.clone(),
            rows: domain_rows,
        },
        codes: Table {
            id: "codes".into(),
            title: "Services by type of help and population".into(),
            columns: population_columns,
            rows: code_rows,
        },
        regions,
        languages: Languages {
            offered: language_table.columns.clone(),
            table: language_table,
            gaps: language_gaps,
            unstated: cell(select(&|s| s.languages.is_empty(), &all), false),
        },
        reachability: Reachability {
            no_phone_text_or_website: cell(no_contact, false),
            email_only: cell(email_only, false),
            hotline_only: cell(hotline_only, false),
            hours_unknown: cell(hours_unknown, false),
        },
        freshness: Freshness {
            by_age,
            stale: cell(stale, false),
            stale_by_organization: stale_by_org,
        },
        import: import.map(|r| Import {
            source: r.source.clone(),
            format: r.format.clone(),
            imported: r.imported.clone(),
            other_help: cell(
                other_help_code
                    .map(|t| select(&|s| s.service_types.contains(&t), &all))
                    .unwrap_or_default(),
                false,
            ),
            other_help_terms: terms(&r.other_help_terms),
            unmapped: terms(&r.unmapped),
        }),
        services: services
            .iter()
            .map(|s| ServiceRef {
                id: s.id.clone(),
                name: s.name.clone(),
                organization: dir
                    .organizations
                    .get(s.organization as usize)
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                last_checked: s.last_verified.map(|d| d.to_string()),
            })
            .collect(),
    }
}

/// A row of a regional directory's tables.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    /// A county, city or region a service area or the home region names.
    Local { state: String, name: String },
    /// A city a location names that no local area matches.
    City { state: String, name: String },
    /// The whole of a home state, for services that name no smaller area.
    Statewide(String),
}

impl Place {
    fn code(&self) -> String {
        match self {
            Place::Local { state, name } => format!("{state}:{name}"),
            Place::City { state, name } => format!("{state}:{name} (city)"),
            Place::Statewide(st) => st.clone(),
        }
    }

    fn label(&self, tax: &waypoint_core::taxonomy::Taxonomy) -> String {
        let state_name = |st: &str| {
            tax.state(st)
                .map(|s| s.name.clone())
                .unwrap_or_else(|| st.to_string())
        };
        match self {
            Place::Local { state, name } => format!("{name}, {state}"),
            Place::City { state, name } => format!("{name}, {state} (city)"),
            Place::Statewide(st) => format!("All of {} (statewide)", state_name(st)),
        }
    }

    /// Whether the service is based in or serves this place: a local area
    /// it names, or a location in the city the area is named after ("San
    /// Diego" in "San Diego County"), the rule the build's home region uses.
    fn holds(&self, s: &Service, places: &[Place]) -> bool {
        match self {
            Place::Local { state, name } => {
                s.service_areas.contains(&ServiceArea::Local {
                    state: state.clone(),
                    name: name.clone(),
                }) || s.serves_city(state, name.trim_end_matches(" County"))
            }
            Place::City { state, name } => {
                s.locations.iter().any(|l| {
                    l.state() == Some(state)
                        && l.city().is_some_and(|c| c.eq_ignore_ascii_case(name))
                }) && !places
                    .iter()
                    .any(|p| matches!(p, Place::Local { .. }) && p.holds(s, &[]))
            }
            Place::Statewide(st) => {
                s.service_areas.contains(&ServiceArea::State(st.clone()))
                    && !places
                        .iter()
                        .any(|p| !matches!(p, Place::Statewide(_)) && p.holds(s, places))
            }
        }
    }
}

/// The rows of a regional directory: the home region's own counties, the
/// other local areas its services name in its states, the cities of
/// locations no area covers, then each home state as a whole.
fn places(
    home: &HomeRegion,
    services: &[&Service],
    tax: &waypoint_core::taxonomy::Taxonomy,
) -> Vec<Place> {
    let mut states: Vec<String> = Vec::new();
    let mut out: Vec<Place> = Vec::new();
    for area in &home.areas {
        match ServiceArea::parse(area) {
            Some(ServiceArea::State(st)) => states.push(st),
            Some(ServiceArea::Local { state, name }) => {
                states.push(state.clone());
                out.push(Place::Local { state, name });
            }
            _ => {}
        }
    }
    // ZIP3 areas: the states of the services they hold.
    for s in services.iter().filter(|s| home.holds(s)) {
        if home
            .areas
            .iter()
            .any(|a| a.bytes().all(|b| b.is_ascii_digit()))
        {
            states.extend(s.locations.iter().filter_map(|l| l.state.clone()));
        }
    }
    states.sort();
    states.dedup();
    let in_region = |s: &Service| {
        !s.is_nationwide() && (home.holds(s) || states.iter().any(|st| s.serves_state(st)))
    };
    let mut named: Vec<Place> = Vec::new();
    for s in services.iter().filter(|s| in_region(s)) {
        for a in &s.service_areas {
            if let ServiceArea::Local { state, name } = a {
                let p = Place::Local {
                    state: state.clone(),
                    name: name.clone(),
                };
                if states.contains(state) && !out.contains(&p) && !named.contains(&p) {
                    named.push(p);
                }
            }
        }
    }
    named.sort_by_key(|p| p.code());
    out.extend(named);
    let mut cities: Vec<Place> = Vec::new();
    for s in services.iter().filter(|s| in_region(s)) {
        if out.iter().any(|p| p.holds(s, &[])) {
            continue;
        }
        for l in &s.locations {
            if let (Some(state), Some(city)) = (l.state(), l.city()) {
                let p = Place::City {
                    state: state.to_string(),
                    name: city.to_string(),
                };
                if states.iter().any(|st| st == state)
                    && !cities
                        .iter()
                        .any(|c| c.code().eq_ignore_ascii_case(&p.code()))
                {
                    cities.push(p);
                }
            }
        }
    }
    cities.sort_by_key(|p| p.code());
    out.extend(cities);
    out.extend(
        states
            .iter()
            .filter(|st| tax.state(st).is_some())
            .map(|st| Place::Statewide(st.clone())),
    );
    out
}
