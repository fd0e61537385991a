//! HSDS 3.0 JSON: a list of services (each with its organisation nested), a
//! list of organisations (with services nested, and locations either
//! nested in each service or listed once on the organisation and linked by
//! `location_id`), a list of service-at-location records, an API page
//! (`{"contents": [...]}`), a single record, or the tabular form keyed by
//! CSV file name (`{"services.csv": [...]}`), which goes to the CSV reader.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::raw::*;
use crate::problem::Problems;

/// Reads one JSON document. `Err` holds tabular JSON (tables of rows) for
/// the CSV reader.
/// Tables of flat rows, by file name: the tabular form of HSDS JSON.
pub type JsonTables = Vec<(String, Vec<Map<String, Value>>)>;

pub fn read(file: &str, bytes: &[u8], problems: &mut Problems) -> Result<RawInput, JsonTables> {
    let text = String::from_utf8_lossy(bytes);
    let value: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(e) => {
            problems.error(
                file,
                "-",
                &format!("line {}, column {}", e.line(), e.column()),
                format!("not valid JSON: {e}"),
            );
            return Ok(RawInput::default());
        }
    };
    if let Some(tables) = tabular(&value) {
        return Err(tables);
    }
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) => match o.get("contents") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => {
            problems.error(
                file,
                "-",
                "-",
                "expected a list of HSDS services or organisations",
            );
            return Ok(RawInput::default());
        }
    };
    let mut reader = Reader {
        file: file.to_string(),
        problems,
        input: RawInput::default(),
        nested_orgs: HashMap::new(),
        service_index: HashMap::new(),
    };
    for (i, item) in items.into_iter().enumerate() {
        reader.item(i + 1, item);
    }
    Ok(reader.input)
}

/// `{"services.csv": [...], "organizations.csv": [...]}`, or the same keys
/// without `.csv`: tables of flat rows.
fn tabular(value: &Value) -> Option<JsonTables> {
    let o = value.as_object()?;
    // A single record has an id; a set of tables does not.
    if o.contains_key("id") {
        return None;
    }
    let tables: JsonTables = o
        .iter()
        .filter(|(k, v)| {
            v.is_array()
                && (k.ends_with(".csv")
                    || matches!(k.as_str(), "organizations" | "services" | "locations"))
        })
        .map(|(k, v)| {
            let rows = v
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_object().cloned())
                .collect();
            (
                if k.ends_with(".csv") {
                    k.clone()
                } else {
                    format!("{k}.csv")
                },
                rows,
            )
        })
        .collect();
    (tables.iter().any(|(k, _)| k == "services.csv")).then_some(tables)
}

struct Reader<'p> {
    file: String,
    problems: &'p mut Problems,
    input: RawInput,
    /// Organisations nested in services, once each (a service list repeats
    /// its organisation in every service).
    nested_orgs: HashMap<String, usize>,
    /// Service ids already read from service-at-location records, whose
    /// further records add locations to the same service.
    service_index: HashMap<String, usize>,
}

/// A JSON object and where it sits.
#[derive(Clone, Copy)]
struct Obj<'a> {
    map: &'a Map<String, Value>,
}

const SERVICE_KEYS: &[&str] = &[
    "status",
    "organization",
    "organization_id",
    "service_at_locations",
    "schedules",
    "service_areas",
    "eligibility_description",
    "application_process",
    "assured_date",
];
const ORG_KEYS: &[&str] = &[
    "services",
    "website",
    "tax_status",
    "tax_id",
    "legal_status",
    "year_incorporated",
    "locations",
    "programs",
    "organization_identifiers",
    "logo",
    "parent_organization_id",
];

impl Reader<'_> {
    fn item(&mut self, index: usize, item: &Value) {
        let Some(map) = item.as_object() else {
            self.problems.warning(
                &self.file,
                &record_label(index, ""),
                "-",
                "not an object; skipped",
            );
            return;
        };
        let o = Obj { map };
        let id = o.text_raw("id");
        let at = At::new(&self.file, record_label(index, &id));
        if let Some(Value::Object(service)) = map.get("service") {
            self.service_at_location(&at, o, Obj { map: service });
        } else if SERVICE_KEYS.iter().any(|k| map.contains_key(*k)) && !map.contains_key("services")
        {
            let org = match map.get("organization") {
                Some(Value::Object(org)) => {
                    Some(self.nested_org(&at.child("organization"), Obj { map: org }))
                }
                _ => None,
            };
            let service = self.service(&at, o, org, &[]);
            self.input.services.push(service);
        } else if ORG_KEYS.iter().any(|k| map.contains_key(*k)) {
            self.organization(&at, o);
        } else {
            self.problems.warning(
                &self.file,
                &at.record,
                "-",
                "neither an HSDS service nor an organisation; skipped",
            );
        }
    }

    fn text(&mut self, at: &At, o: Obj, key: &str) -> String {
        match o.map.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(other) => {
                let found = if other.is_array() {
                    "a list"
                } else {
                    "an object"
                };
                self.problems.warning(
                    &at.file,
                    &at.record,
                    &at.field(key),
                    format!("expected text, found {found}; ignored"),
                );
                String::new()
            }
        }
    }

    fn list<'a>(&mut self, at: &At, o: Obj<'a>, key: &str) -> Vec<(At, Obj<'a>)> {
        match o.map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let child = at.child(&format!("{key}[{i}]"));
                    match v.as_object() {
                        Some(map) => Some((child, Obj { map })),
                        None => {
                            self.problems.warning(
                                &child.file,
                                &child.record,
                                child.prefix.trim_end_matches('.'),
                                "expected an object; skipped",
                            );
                            None
                        }
                    }
                })
                .collect(),
            Some(_) => {
                self.problems.warning(
                    &at.file,
                    &at.record,
                    &at.field(key),
                    "expected a list; ignored",
                );
                Vec::new()
            }
        }
    }

    fn nested_org(&mut self, at: &At, o: Obj) -> usize {
        let key = {
            let id = o.text_raw("id");
            if id.trim().is_empty() {
                format!("\u{0}{}", o.text_raw("name").trim().to_lowercase())
            } else {
                id.trim().to_string()
            }
        };
        if let Some(i) = self.nested_orgs.get(&key) {
            return *i;
        }
        let org = self.org_record(at, o);
        self.input.organizations.push(org);
        let i = self.input.organizations.len() - 1;
        self.nested_orgs.insert(key, i);
        i
    }

    fn org_record(&mut self, at: &At, o: Obj) -> RawOrganization {
        let (website, website_field) = match self.text(at, o, "website") {
            w if w.trim().is_empty() => (self.text(at, o, "url"), "url"),
            w => (w, "website"),
        };
        RawOrganization {
            at: at.clone(),
            id: self.text(at, o, "id"),
            name: self.text(at, o, "name"),
            alternate_name: self.text(at, o, "alternate_name"),
            description: self.text(at, o, "description"),
            website,
            website_field: website_field.into(),
            phones: self
                .list(at, o, "phones")
                .into_iter()
                .map(|(a, p)| self.phone(&a, p))
                .collect(),
            terms: self.terms(at, o),
            confidential: confidential_flag(o),
        }
    }

    fn organization(&mut self, at: &At, o: Obj) {
        let org = self.org_record(at, o);
        self.input.organizations.push(org);
        let index = self.input.organizations.len() - 1;
        // Locations listed once on the organisation, linked from services
        // by `location_id` (the flat form).
        let mut locations: HashMap<String, RawLocation> = HashMap::new();
        for (lat, l) in self.list(at, o, "locations") {
            let loc = self.location(&lat, l);
            locations.entry(loc.id.trim().to_string()).or_insert(loc);
        }
        for (i, (_, s)) in self.list(at, o, "services").into_iter().enumerate() {
            // A nested service is a record of its own: "record 2, service 1 (id)".
            let label = record_label(i + 1, &s.text_raw("id")).replacen("record", "service", 1);
            let sat = At::new(&self.file, format!("{}, {label}", at.record));
            let service = self.service(&sat, s, Some(index), &[&locations]);
            self.input.services.push(service);
        }
    }

    fn service_at_location(&mut self, at: &At, sal: Obj, service: Obj) {
        let sat = at.child("service");
        let id = service.text_raw("id").trim().to_string();
        let location = match sal.map.get("location") {
            Some(Value::Object(l)) => Some(self.location(&at.child("location"), Obj { map: l })),
            _ => None,
        };
        if let Some(&i) = self.service_index.get(&id).filter(|_| !id.is_empty()) {
            self.input.services[i].locations.extend(location);
            return;
        }
        let org = match service.map.get("organization") {
            Some(Value::Object(org)) => {
                Some(self.nested_org(&sat.child("organization"), Obj { map: org }))
            }
            _ => None,
        };
        let mut raw = self.service(&sat, service, org, &[]);
        raw.locations.extend(location);
        self.input.services.push(raw);
        self.service_index.insert(id, self.input.services.len() - 1);
    }

    fn service(
        &mut self,
        at: &At,
        o: Obj,
        org: Option<usize>,
        org_locations: &[&HashMap<String, RawLocation>],
    ) -> RawService {
        let mut s = RawService::read(at, org, confidential_flag(o), |key| self.text(at, o, key));
        s.metadata = self
            .list(at, o, "metadata")
            .into_iter()
            .map(|(a, m)| self.meta(&a, m))
            .collect();
        s.phones = self
            .list(at, o, "phones")
            .into_iter()
            .map(|(a, p)| self.phone(&a, p))
            .collect();
        s.schedules = self
            .list(at, o, "schedules")
            .into_iter()
            .map(|(a, x)| self.schedule(&a, x))
            .collect();
        for (a, area) in self.list(at, o, "service_areas") {
            let name = self.text(&a, area, "name");
            let (field, value) = if name.trim().is_empty() {
                ("description", self.text(&a, area, "description"))
            } else {
                ("name", name)
            };
            s.areas.push(RawText {
                at: a,
                field: field.into(),
                value,
            });
        }
        for (a, d) in self.list(at, o, "required_documents") {
            let value = self.text(&a, d, "document");
            s.required_documents.push(RawText {
                at: a,
                field: "document".into(),
                value,
            });
        }
        for (a, l) in self.list(at, o, "languages") {
            let lang = RawLanguage {
                code: self.text(&a, l, "code"),
                name: self.text(&a, l, "name"),
                name_field: "name".into(),
                at: a,
            };
            s.languages.push(lang);
        }
        for (a, sal) in self.list(at, o, "service_at_locations") {
            let mut loc = match sal.map.get("location") {
                Some(Value::Object(l)) => self.location(&a.child("location"), Obj { map: l }),
                _ => {
                    let id = self.text(&a, sal, "location_id");
                    match org_locations.iter().find_map(|m| m.get(id.trim())) {
                        Some(l) => l.clone(),
                        None => {
                            self.problems.warning(
                                &a.file,
                                &a.record,
                                &a.field("location_id"),
                                format!("no location with id {id:?}; skipped"),
                            );
                            continue;
                        }
                    }
                }
            };
            loc.phones.extend(
                self.list(&a, sal, "phones")
                    .into_iter()
                    .map(|(pa, p)| self.phone(&pa, p)),
            );
            loc.schedules.extend(
                self.list(&a, sal, "schedules")
                    .into_iter()
                    .map(|(sa, x)| self.schedule(&sa, x)),
            );
            s.locations.push(loc);
        }
        s.terms = self.terms(at, o);
        s
    }

    fn meta(&mut self, at: &At, o: Obj) -> RawMeta {
        RawMeta::read(|key| self.text(at, o, key))
    }

    fn phone(&mut self, at: &At, o: Obj) -> RawPhone {
        let phone = RawPhone::read(at.clone(), &["type"], |key| self.text(at, o, key));
        RawPhone {
            terms: self.terms(at, o),
            ..phone
        }
    }

    fn schedule(&mut self, at: &At, o: Obj) -> RawSchedule {
        RawSchedule::read(at.clone(), |key| self.text(at, o, key))
    }

    fn location(&mut self, at: &At, o: Obj) -> RawLocation {
        let mut l = RawLocation::read(at.clone(), confidential_flag(o), |key| {
            self.text(at, o, key)
        });
        l.addresses = self
            .list(at, o, "addresses")
            .into_iter()
            .map(|(a, x)| self.address(&a, x))
            .collect();
        l.phones = self
            .list(at, o, "phones")
            .into_iter()
            .map(|(a, p)| self.phone(&a, p))
            .collect();
        l.schedules = self
            .list(at, o, "schedules")
            .into_iter()
            .map(|(a, x)| self.schedule(&a, x))
            .collect();
        l.terms = self.terms(at, o);
        l
    }

    fn address(&mut self, at: &At, o: Obj) -> RawAddress {
        RawAddress::read(at.clone(), confidential_flag(o), |key| {
            self.text(at, o, key)
        })
    }

    /// Attributes (each with its taxonomy term), bare taxonomy terms, and
    /// free-text `categories` / `category` / `keywords`.
    fn terms(&mut self, at: &At, o: Obj) -> Vec<RawTerm> {
        let mut terms = Vec::new();
        for (a, attr) in self.list(at, o, "attributes") {
            let value = self.text(&a, attr, "value");
            let term = match attr.map.get("taxonomy_term") {
                Some(Value::Object(t)) => self.term(&a.child("taxonomy_term"), Obj { map: t }),
                _ => RawTerm {
                    at: a.clone(),
                    code: self.text(&a, attr, "taxonomy_term_id"),
                    ..RawTerm::default()
                },
            };
            terms.push(RawTerm {
                value,
                at: a,
                ..term
            });
        }
        for (a, t) in self.list(at, o, "taxonomy_terms") {
            terms.push(self.term(&a, t));
        }
        for key in ["categories", "category", "keywords"] {
            let values: Vec<String> = match o.map.get(key) {
                Some(Value::String(s)) => s.split([';', ',', '|']).map(str::to_string).collect(),
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
                _ => Vec::new(),
            };
            for v in values.into_iter().filter(|v| !v.trim().is_empty()) {
                terms.push(RawTerm {
                    at: at.clone(),
                    field: key.into(),
                    name: v.trim().to_string(),
                    ..RawTerm::default()
                });
            }
        }
        terms
    }

    fn term(&mut self, at: &At, t: Obj) -> RawTerm {
        let mut taxonomy = self.text(at, t, "taxonomy");
        if let Some(Value::Object(detail)) = t.map.get("taxonomy_detail") {
            if taxonomy.trim().is_empty() {
                taxonomy = self.text(&at.child("taxonomy_detail"), Obj { map: detail }, "name");
            }
        }
        RawTerm {
            at: at.clone(),
            taxonomy,
            code: self.text(at, t, "code"),
            name: self.text(at, t, "name"),
            ..RawTerm::default()
        }
    }
}

impl Obj<'_> {
    /// A field as text without reporting a wrong type (for ids used as keys).
    fn text_raw(&self, key: &str) -> String {
        match self.map.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }
}

/// A boolean `confidential`, `is_confidential` or `address_confidential`
/// that is true.
fn confidential_flag(o: Obj) -> Option<String> {
    CONFIDENTIAL_COLUMNS.iter().find_map(|key| {
        let yes = match o.map.get(*key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => super::normalise::parse_bool(s) == Some(true),
            Some(Value::Number(n)) => n.as_f64() == Some(1.0),
            _ => false,
        };
        yes.then(|| format!("{key} is true"))
    })
}
