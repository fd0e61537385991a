//! HSDS CSV datapackages, 3.0 and the older 1.x/2.x layouts, and the same
//! tables as JSON (`tabular.json`), once `package.rs` has read them into
//! tables: the tables are joined on their ids into raw records; tables
//! Waypoint has no place for are named in a warning.

use std::collections::{BTreeMap, HashMap};

use super::legacy;
use super::raw::*;
use super::table::{Row, Table};
use crate::problem::Problems;

/// Tables Waypoint reads. The rest are reported as not imported.
const USED: &[&str] = &[
    "organizations",
    "services",
    "locations",
    "service_at_location",
    "phones",
    "addresses",
    "schedules",
    "service_areas",
    "languages",
    "required_documents",
    "attributes",
    "taxonomy_terms",
    "taxonomies",
    "metadata",
];

/// Joins the tables into raw records.
pub fn raw_input(tables: &[Table], problems: &mut Problems) -> RawInput {
    let by_name: BTreeMap<String, &Table> = tables.iter().map(|t| (t.name.clone(), t)).collect();
    for (name, t) in &by_name {
        if !USED.contains(&name.as_str()) && !legacy::USED.contains(&name.as_str()) {
            let what = if legacy::KNOWN_UNUSED.contains(&name.as_str()) {
                "Waypoint has no place for it"
            } else {
                "not an HSDS table Waypoint knows"
            };
            problems.warning(
                &t.file,
                "-",
                "-",
                format!("not imported ({} rows): {what}", t.rows.len()),
            );
        }
    }
    let empty = Table::default();
    let table = |name: &str| by_name.get(name).copied().unwrap_or(&empty);
    let Some(services) = by_name.get("services") else {
        problems.error(
            tables.first().map(|t| t.file.as_str()).unwrap_or("-"),
            "-",
            "-",
            "no services.csv: nothing to import",
        );
        return RawInput::default();
    };
    let terms = Terms::new(
        table("attributes"),
        table("taxonomy_terms"),
        table("taxonomies"),
    );
    let phones = Linked::new(table("phones"));
    let schedules = Linked::new(table("schedules"));
    let regular = Linked::new(table("regular_schedules"));

    // Organisations.
    let orgs = table("organizations");
    let mut input = RawInput::default();
    for row in &orgs.rows {
        let at = orgs.at(row);
        let id = orgs.get(row, "id").to_string();
        let website_field =
            if orgs.get(row, "website").is_empty() && !orgs.get(row, "url").is_empty() {
                "url"
            } else {
                "website"
            };
        input.organizations.push(RawOrganization {
            id: id.clone(),
            name: orgs.get(row, "name").into(),
            alternate_name: orgs.get(row, "alternate_name").into(),
            description: orgs.get(row, "description").into(),
            website: orgs.get(row, website_field).into(),
            website_field: website_field.into(),
            phones: phones.phones(
                &id,
                "organization_id",
                &[
                    "service_id",
                    "location_id",
                    "service_at_location_id",
                    "contact_id",
                ],
            ),
            terms: terms.of(&id, "organization"),
            confidential: orgs.confidential(row),
            at,
        });
    }

    // Locations, with their addresses, phones and schedules.
    let locs = table("locations");
    let addresses = [
        table("addresses"),
        table("physical_addresses"),
        table("postal_addresses"),
    ];
    let address_index: Vec<HashMap<String, Vec<usize>>> =
        addresses.iter().map(|t| t.index("location_id")).collect();
    let mut locations: HashMap<String, RawLocation> = HashMap::new();
    for row in &locs.rows {
        let id = locs.get(row, "id").to_string();
        let mut loc = RawLocation::read(locs.at(row), locs.confidential(row), |c| {
            locs.get(row, c).into()
        });
        loc.phones = phones.phones(
            &id,
            "location_id",
            &["service_id", "service_at_location_id"],
        );
        loc.schedules = schedules
            .rows(
                &id,
                "location_id",
                &["service_id", "service_at_location_id"],
            )
            .into_iter()
            .map(schedule)
            .collect();
        loc.terms = terms.of(&id, "location");
        loc.schedules.extend(
            regular
                .rows(&id, "location_id", &["service_id"])
                .into_iter()
                .map(legacy::regular_schedule),
        );
        for (t, index) in addresses.iter().zip(&address_index) {
            let kind = match t.name.as_str() {
                "physical_addresses" => "physical",
                "postal_addresses" => "postal",
                _ => "",
            };
            for &i in index.get(&id).into_iter().flatten() {
                loc.addresses.push(legacy::address(t, &t.rows[i], kind));
            }
        }
        if locations.contains_key(&id) && !id.is_empty() {
            problems.warning(
                &loc.at.file,
                &loc.at.record,
                "id",
                "duplicate location id; kept the first",
            );
            continue;
        }
        locations.insert(id, loc);
    }

    // Services, with everything linked to them.
    let sal = table("service_at_location");
    let sal_by_service = sal.index("service_id");
    let areas = table("service_areas");
    let areas_by_service = areas.index("service_id");
    let languages = table("languages");
    let languages_by_service = languages.index("service_id");
    let metadata = table("metadata");
    let metadata_by_resource = metadata.index("resource_id");
    let legacy_terms = legacy::Terms::new(&by_name);
    let eligibility = table("eligibility");
    let eligibility_by_service = eligibility.index("service_id");
    let documents = table("required_documents");
    let documents_by_service = documents.index("service_id");
    for row in &services.rows {
        let at = services.at(row);
        let id = services.get(row, "id").to_string();
        let mut s = RawService::read(&at, None, services.confidential(row), |c| {
            services.get(row, c).to_string()
        });
        if !services.has("status") && !id.is_empty() {
            // 1.x packages without a status column list active services.
            s.status = "active".into();
        }
        if !id.is_empty() {
            for &i in eligibility_by_service.get(&id).into_iter().flatten() {
                let r = &eligibility.rows[i];
                s.eligibility.push(RawText {
                    at: eligibility.at(r),
                    field: "eligibility".into(),
                    value: eligibility.get(r, "eligibility").into(),
                });
            }
            for &i in documents_by_service.get(&id).into_iter().flatten() {
                let r = &documents.rows[i];
                s.required_documents.push(RawText {
                    at: documents.at(r),
                    field: "document".into(),
                    value: documents.get(r, "document").into(),
                });
            }
            s.phones = phones.phones(&id, "service_id", &[]);
            s.schedules = schedules
                .rows(&id, "service_id", &[])
                .into_iter()
                .map(schedule)
                .collect();
            s.schedules.extend(
                regular
                    .rows(&id, "service_id", &[])
                    .into_iter()
                    .map(legacy::regular_schedule),
            );
            for &i in areas_by_service.get(&id).into_iter().flatten() {
                let r = &areas.rows[i];
                let field = ["name", "service_area", "description"]
                    .into_iter()
                    .find(|c| !areas.get(r, c).is_empty())
                    .unwrap_or("name");
                s.areas.push(RawText {
                    at: areas.at(r),
                    field: field.into(),
                    value: areas.get(r, field).into(),
                });
            }
            for &i in languages_by_service.get(&id).into_iter().flatten() {
                let r = &languages.rows[i];
                let name = [languages.get(r, "name"), languages.get(r, "language")]
                    .into_iter()
                    .find(|v| !v.is_empty())
                    .unwrap_or("");
                let field = if languages.get(r, "name").is_empty() && !name.is_empty() {
                    "language"
                } else {
                    "name"
                };
                s.languages.push(RawLanguage {
                    at: languages.at(r),
                    code: languages.get(r, "code").into(),
                    name: name.into(),
                    name_field: field.into(),
                });
            }
            for &i in metadata_by_resource.get(&id).into_iter().flatten() {
                let r = &metadata.rows[i];
                s.metadata
                    .push(RawMeta::read(|c| metadata.get(r, c).into()));
            }
            s.terms = terms.of(&id, "service");
            s.terms.extend(legacy_terms.of(&id));
            // Service-at-location links, with what hangs off the link itself.
            for &i in sal_by_service.get(&id).into_iter().flatten() {
                let r = &sal.rows[i];
                let location_id = sal.get(r, "location_id");
                let Some(loc) = locations.get(location_id) else {
                    let at = sal.at(r);
                    problems.warning(
                        &at.file,
                        &at.record,
                        "location_id",
                        format!("no location with id {location_id:?}; link skipped"),
                    );
                    continue;
                };
                let mut loc = loc.clone();
                let sal_id = sal.get(r, "id");
                if !sal_id.is_empty() {
                    loc.phones.extend(phones.phones(
                        sal_id,
                        "service_at_location_id",
                        &["service_id"],
                    ));
                    loc.schedules.extend(
                        schedules
                            .rows(sal_id, "service_at_location_id", &["service_id"])
                            .into_iter()
                            .map(schedule),
                    );
                }
                s.locations.push(loc);
            }
        }
        // 1.0 services name their location directly.
        let direct = services.get(row, "location_id");
        if !direct.is_empty() && s.locations.iter().all(|l| l.id != direct) {
            if let Some(loc) = locations.get(direct) {
                s.locations.push(loc.clone());
            }
        }
        for column in [
            "categories",
            "category",
            "keywords",
            "taxonomy_codes",
            "airs_codes",
        ] {
            for v in services
                .get(row, column)
                .split([';', '|', ','])
                .map(str::trim)
                .filter(|v| !v.is_empty())
            {
                let code_like = column.ends_with("codes");
                s.terms.push(RawTerm {
                    at: at.clone(),
                    field: column.into(),
                    code: if code_like { v.into() } else { String::new() },
                    name: if code_like { String::new() } else { v.into() },
                    ..RawTerm::default()
                });
            }
        }
        input.services.push(s);
    }
    input
}

fn schedule((at, t, r): (At, &Table, &Row)) -> RawSchedule {
    RawSchedule::read(at, |c| t.get(r, c).into())
}

/// A child table (phones, schedules) indexed by each of its link columns.
pub struct Linked<'a> {
    pub table: &'a Table,
    indexes: HashMap<&'static str, HashMap<String, Vec<usize>>>,
}

impl<'a> Linked<'a> {
    pub fn new(table: &'a Table) -> Linked<'a> {
        let indexes = [
            "service_id",
            "location_id",
            "organization_id",
            "service_at_location_id",
        ]
        .into_iter()
        .map(|c| (c, table.index(c)))
        .collect();
        Linked { table, indexes }
    }

    /// Rows linked to `id` through `column` and through none of `before`
    /// (a phone row naming a service belongs to the service, even if it
    /// also names its location and organisation).
    pub fn rows(&self, id: &str, column: &str, before: &[&str]) -> Vec<(At, &'a Table, &'a Row)> {
        let t = self.table;
        self.indexes
            .get(column)
            .and_then(|ix| ix.get(id))
            .into_iter()
            .flatten()
            .map(|&i| &t.rows[i])
            .filter(|r| before.iter().all(|b| t.get(r, b).is_empty()))
            .map(|r| (t.at(r), t, r))
            .collect()
    }

    fn phones(&self, id: &str, column: &str, before: &[&str]) -> Vec<RawPhone> {
        self.rows(id, column, before)
            .into_iter()
            .map(phone)
            .collect()
    }
}

fn phone((at, t, r): (At, &Table, &Row)) -> RawPhone {
    RawPhone::read(at, &["type", "number_type"], |c| t.get(r, c).into())
}

/// 3.0 attributes with their taxonomy terms and taxonomies.
struct Terms<'a> {
    attributes: &'a Table,
    by_link: HashMap<String, Vec<usize>>,
    terms: &'a Table,
    term_by_id: HashMap<String, Vec<usize>>,
    taxonomies: &'a Table,
    taxonomy_by_id: HashMap<String, Vec<usize>>,
}

impl<'a> Terms<'a> {
    fn new(attributes: &'a Table, terms: &'a Table, taxonomies: &'a Table) -> Terms<'a> {
        Terms {
            by_link: attributes.index("link_id"),
            term_by_id: terms.index("id"),
            taxonomy_by_id: taxonomies.index("id"),
            attributes,
            terms,
            taxonomies,
        }
    }

    fn of(&self, id: &str, entity: &str) -> Vec<RawTerm> {
        let (a, t) = (self.attributes, self.terms);
        let mut out = Vec::new();
        for &i in self.by_link.get(id).into_iter().flatten() {
            let row = &a.rows[i];
            let link = a.get(row, "link_entity").to_ascii_lowercase();
            if !(link.is_empty() || link == entity || link == format!("{entity}s")) {
                continue;
            }
            let at = a.at(row);
            let term_id = a.get(row, "taxonomy_term_id");
            let mut term = RawTerm {
                at,
                field: "taxonomy_term_id".into(),
                value: a.get(row, "value").into(),
                ..RawTerm::default()
            };
            match self.term_by_id.get(term_id).and_then(|v| v.first()) {
                Some(&ti) => {
                    let tr = &t.rows[ti];
                    term.code = t.get(tr, "code").into();
                    term.name = [t.get(tr, "name"), t.get(tr, "term")]
                        .into_iter()
                        .find(|v| !v.is_empty())
                        .unwrap_or("")
                        .into();
                    term.taxonomy = t.get(tr, "taxonomy").into();
                    if let Some(&xi) = self
                        .taxonomy_by_id
                        .get(t.get(tr, "taxonomy_id"))
                        .and_then(|v| v.first())
                    {
                        term.taxonomy = self
                            .taxonomies
                            .get(&self.taxonomies.rows[xi], "name")
                            .into();
                    }
                }
                None => term.code = term_id.into(),
            }
            out.push(term);
        }
        out
    }
}
