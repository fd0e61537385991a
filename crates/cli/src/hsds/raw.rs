//! What every reader (3.0 JSON, 3.0 CSV, 1.x/2.x CSV) produces: HSDS records
//! as found, as text, each remembering where it came from. One converter
//! (`convert.rs`) then cleans them into Waypoint's editing format, so a
//! messy value is handled, and reported, the same way whatever the format.

/// Where a value came from: the file, the record in it (`row 4 (svc-1)` or
/// `record 2 (svc-1)`) and, for nested JSON, the path inside the record
/// (`phones[0].`), which the field name is appended to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct At {
    pub file: String,
    pub record: String,
    pub prefix: String,
}

impl At {
    pub fn new(file: &str, record: String) -> At {
        At {
            file: file.to_string(),
            record,
            prefix: String::new(),
        }
    }

    pub fn field(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The same record, one level deeper: `phones[0].`.
    pub fn child(&self, prefix: &str) -> At {
        At {
            file: self.file.clone(),
            record: self.record.clone(),
            prefix: format!("{}{prefix}.", self.prefix),
        }
    }
}

/// A CSV row label: spreadsheets call the header row 1, so the first record
/// is row 2.
pub fn row_label(row: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("row {row}")
    } else {
        format!("row {row} ({})", id.trim())
    }
}

/// A JSON record label, counted from 1.
pub fn record_label(index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("record {index}")
    } else {
        format!("record {index} ({})", id.trim())
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawInput {
    pub organizations: Vec<RawOrganization>,
    pub services: Vec<RawService>,
}

#[derive(Debug, Clone, Default)]
pub struct RawOrganization {
    pub at: At,
    pub id: String,
    pub name: String,
    pub alternate_name: String,
    pub description: String,
    pub website: String,
    /// The column the website came from (`website`, or 1.x/2.x `url`).
    pub website_field: String,
    pub phones: Vec<RawPhone>,
    pub terms: Vec<RawTerm>,
    /// Why the whole organisation is confidential, if a flag says so.
    pub confidential: Option<String>,
}

/// Which organisation a service belongs to.
#[derive(Debug, Clone, PartialEq)]
pub enum OrgRef {
    /// `organization_id`, as tabular data links records.
    Id(String),
    /// The organisation it was nested in (or that was nested in it).
    Index(usize),
}

impl Default for OrgRef {
    fn default() -> Self {
        OrgRef::Id(String::new())
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawService {
    pub at: At,
    pub id: String,
    pub organization: OrgRef,
    pub name: String,
    pub description: String,
    pub url: String,
    pub email: String,
    pub status: String,
    pub application_process: String,
    /// `wait_time` (deprecated in HSDS 3.0, still in many exports): how
    /// long someone waits for the service.
    pub wait_time: String,
    /// `required_documents`: what to bring.
    pub required_documents: Vec<RawText>,
    /// HSDS 1.x: free text on the interpretation a service offers.
    pub interpretation_services: String,
    /// `fees_description`, or the older `fees`.
    pub fees: Vec<RawText>,
    /// `eligibility_description`, and 1.x/2.x `eligibility` rows.
    pub eligibility: Vec<RawText>,
    pub minimum_age: String,
    pub maximum_age: String,
    pub assured_date: String,
    pub last_modified: String,
    pub metadata: Vec<RawMeta>,
    pub phones: Vec<RawPhone>,
    pub schedules: Vec<RawSchedule>,
    pub areas: Vec<RawText>,
    pub locations: Vec<RawLocation>,
    pub languages: Vec<RawLanguage>,
    pub terms: Vec<RawTerm>,
    pub confidential: Option<String>,
}

/// A free-text value with where it came from (`at.field(field)`).
#[derive(Debug, Clone, Default)]
pub struct RawText {
    pub at: At,
    pub field: String,
    pub value: String,
}

#[derive(Debug, Clone, Default)]
pub struct RawPhone {
    pub at: At,
    pub number: String,
    pub extension: String,
    pub kind: String,
    pub description: String,
    pub terms: Vec<RawTerm>,
}

#[derive(Debug, Clone, Default)]
pub struct RawSchedule {
    pub at: At,
    pub freq: String,
    pub byday: String,
    /// 1.x/2.x `regular_schedules.weekday`.
    pub weekday: String,
    pub opens_at: String,
    pub closes_at: String,
    pub description: String,
    pub notes: String,
}

#[derive(Debug, Clone, Default)]
pub struct RawLocation {
    pub at: At,
    pub id: String,
    pub name: String,
    pub alternate_name: String,
    pub location_type: String,
    pub latitude: String,
    pub longitude: String,
    pub addresses: Vec<RawAddress>,
    pub phones: Vec<RawPhone>,
    pub schedules: Vec<RawSchedule>,
    pub terms: Vec<RawTerm>,
    pub confidential: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RawAddress {
    pub at: At,
    pub address_1: String,
    pub address_2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
    pub address_type: String,
    pub confidential: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RawLanguage {
    pub at: At,
    pub code: String,
    pub name: String,
    /// The column the name came from: `name`, or 1.x/2.x `language`.
    pub name_field: String,
}

/// A taxonomy term or attribute linked to a record, or a free-text category.
#[derive(Debug, Clone, Default)]
pub struct RawTerm {
    pub at: At,
    /// The field that links it (`taxonomy_id`, `taxonomy_term_id`, …), for
    /// messages; `taxonomy_term` when empty.
    pub field: String,
    pub taxonomy: String,
    pub code: String,
    pub name: String,
    pub value: String,
}

impl RawTerm {
    /// How the term is listed among the unmapped: `AIRS: BD-1800.2000 Food Pantries`.
    pub fn label(&self) -> String {
        let body = [self.code.trim(), self.name.trim()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if self.taxonomy.trim().is_empty() {
            body
        } else {
            format!("{}: {body}", self.taxonomy.trim())
        }
    }

    pub fn field(&self) -> String {
        self.at.field(if self.field.is_empty() {
            "taxonomy_term"
        } else {
            &self.field
        })
    }

    pub fn mentions(&self, word: &str) -> bool {
        [&self.code, &self.name, &self.value, &self.taxonomy]
            .iter()
            .any(|s| s.to_lowercase().contains(word))
    }
}

/// A 3.0 `metadata` entry: the provenance Waypoint's export writes, and
/// dates of changes.
#[derive(Debug, Clone, Default)]
pub struct RawMeta {
    pub field_name: String,
    pub replacement_value: String,
    pub last_action_date: String,
}

// The fields every reader takes as found, by their HSDS names: one list for
// the JSON and the CSV readers, so a new field is read in one place. `get`
// gives a field as text ("" when absent); the readers add what they find
// in their own ways (linked records, confidentiality flags, 1.x columns).

impl RawService {
    /// `org` is the organisation the service was nested in, if it was;
    /// otherwise `organization_id` links it.
    pub fn read(
        at: &At,
        org: Option<usize>,
        confidential: Option<String>,
        mut get: impl FnMut(&str) -> String,
    ) -> RawService {
        let mut s = RawService {
            at: at.clone(),
            id: get("id"),
            organization: match org {
                Some(i) => OrgRef::Index(i),
                None => OrgRef::Id(get("organization_id")),
            },
            name: get("name"),
            description: get("description"),
            url: get("url"),
            email: get("email"),
            status: get("status"),
            application_process: get("application_process"),
            wait_time: get("wait_time"),
            interpretation_services: get("interpretation_services"),
            minimum_age: get("minimum_age"),
            maximum_age: get("maximum_age"),
            assured_date: get("assured_date"),
            last_modified: get("last_modified"),
            confidential,
            ..RawService::default()
        };
        for key in ["fees_description", "fees"] {
            let value = get(key);
            if !value.trim().is_empty() {
                s.fees.push(RawText {
                    at: at.clone(),
                    field: key.into(),
                    value,
                });
                break;
            }
        }
        let eligibility = get("eligibility_description");
        s.eligibility.push(RawText {
            at: at.clone(),
            field: "eligibility_description".into(),
            value: eligibility,
        });
        s
    }
}

impl RawPhone {
    /// The type is the first of `kind_fields` that is given.
    pub fn read(at: At, kind_fields: &[&str], mut get: impl FnMut(&str) -> String) -> RawPhone {
        RawPhone {
            at,
            number: get("number"),
            extension: get("extension"),
            kind: kind_fields
                .iter()
                .map(|f| get(f))
                .find(|v| !v.is_empty())
                .unwrap_or_default(),
            description: get("description"),
            terms: Vec::new(),
        }
    }
}

impl RawSchedule {
    pub fn read(at: At, mut get: impl FnMut(&str) -> String) -> RawSchedule {
        RawSchedule {
            at,
            freq: get("freq"),
            byday: get("byday"),
            weekday: get("weekday"),
            opens_at: get("opens_at"),
            closes_at: get("closes_at"),
            description: get("description"),
            notes: get("notes"),
        }
    }
}

impl RawLocation {
    /// The location's own fields; its addresses, phones, schedules and
    /// terms are linked records the reader adds.
    pub fn read(
        at: At,
        confidential: Option<String>,
        mut get: impl FnMut(&str) -> String,
    ) -> RawLocation {
        RawLocation {
            at,
            id: get("id"),
            name: get("name"),
            alternate_name: get("alternate_name"),
            location_type: get("location_type"),
            latitude: get("latitude"),
            longitude: get("longitude"),
            confidential,
            ..RawLocation::default()
        }
    }
}

impl RawAddress {
    pub fn read(
        at: At,
        confidential: Option<String>,
        mut get: impl FnMut(&str) -> String,
    ) -> RawAddress {
        RawAddress {
            at,
            address_1: get("address_1"),
            address_2: get("address_2"),
            city: get("city"),
            state: get("state_province"),
            postal_code: get("postal_code"),
            country: get("country"),
            address_type: get("address_type"),
            confidential,
        }
    }
}

impl RawMeta {
    pub fn read(mut get: impl FnMut(&str) -> String) -> RawMeta {
        RawMeta {
            field_name: get("field_name"),
            replacement_value: get("replacement_value"),
            last_action_date: get("last_action_date"),
        }
    }
}

/// The boolean columns real exports use for a confidential record or
/// address (HSDS has no standard flag yet).
pub const CONFIDENTIAL_COLUMNS: [&str; 3] =
    ["confidential", "is_confidential", "address_confidential"];
