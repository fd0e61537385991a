//! HSDS CSV datapackages (a folder or a zip with `datapackage.json` and one
//! CSV per table), 3.0 and the older 1.x/2.x layouts, and the same tables as
//! JSON (`tabular.json`). Tables are joined on their ids into raw records;
//! tables Waypoint has no place for are named in a warning.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use serde_json::Value;

use super::legacy;
use super::raw::*;
use crate::problem::Problems;

/// One CSV file: its name as shipped, and its rows by column name.
#[derive(Debug, Default)]
pub struct Table {
    pub file: String,
    /// The canonical table name: "regular_schedules" for "regular_schedule.csv".
    pub name: String,
    columns: HashMap<String, usize>,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct Row {
    /// As a spreadsheet numbers it: the header is row 1.
    pub number: usize,
    values: Vec<String>,
}

impl Table {
    pub fn get<'a>(&self, row: &'a Row, column: &str) -> &'a str {
        let value = self.columns.get(column).and_then(|&i| row.values.get(i)).map(|s| s.trim()).unwrap_or("");
        // Database dumps write a missing value as NULL or \N.
        if value.eq_ignore_ascii_case("null") || value == "\\N" {
            ""
        } else {
            value
        }
    }

    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    pub fn at(&self, row: &Row) -> At {
        At::new(&self.file, row_label(row.number, self.get(row, "id")))
    }

    /// Rows whose `column` holds `key`, via an index built once.
    pub fn index(&self, column: &str) -> HashMap<String, Vec<usize>> {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            let key = self.get(row, column);
            if !key.is_empty() {
                index.entry(key.to_string()).or_default().push(i);
            }
        }
        index
    }

    /// The first true boolean confidentiality column, if any.
    pub fn confidential(&self, row: &Row) -> Option<String> {
        CONFIDENTIAL_COLUMNS
            .iter()
            .find(|c| super::normalise::parse_bool(self.get(row, c)) == Some(true))
            .map(|c| format!("{c} is {:?}", self.get(row, c)))
    }
}

/// Table names as the spec versions spell them → one canonical name.
fn canonical(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file).trim_end_matches(".csv").to_ascii_lowercase();
    let name = match base.as_str() {
        "organization" => "organizations",
        "service" => "services",
        "location" => "locations",
        "services_at_location" | "service_at_locations" | "services_at_locations" => "service_at_location",
        "phone" => "phones",
        "address" => "addresses",
        "physical_address" => "physical_addresses",
        "postal_address" | "mail_addresses" => "postal_addresses",
        "schedule" => "schedules",
        "regular_schedule" => "regular_schedules",
        "holiday_schedule" => "holiday_schedules",
        "service_area" => "service_areas",
        "language" => "languages",
        "attribute" => "attributes",
        "taxonomy_term" => "taxonomy_terms",
        "service_taxonomy" => "services_taxonomy",
        "service_attribute" => "service_attributes",
        "eligibilities" => "eligibility",
        "contact" => "contacts",
        other => other,
    };
    name.to_string()
}

/// The files of a package, from a folder, a zip or tabular JSON.
pub struct Package {
    pub label: String,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Reads every file of a zip (any folder inside it), refusing entries that
/// would unpack to more than `MAX_UNPACKED` bytes.
pub fn unzip(label: &str, bytes: &[u8], problems: &mut Problems) -> Package {
    const MAX_UNPACKED: u64 = 512 * 1024 * 1024;
    let mut package = Package { label: label.to_string(), files: Vec::new() };
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            problems.error(label, "-", "-", format!("not a readable zip file: {e}"));
            return package;
        }
    };
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.error(label, &format!("entry {}", i + 1), "-", format!("cannot read: {e}"));
                continue;
            }
        };
        let name = entry.name().to_string();
        if entry.is_dir() || name.starts_with("__MACOSX/") || name.rsplit('/').next().is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        let mut data = Vec::new();
        let limit = MAX_UNPACKED.saturating_sub(total);
        match (&mut entry).take(limit + 1).read_to_end(&mut data) {
            Ok(_) if data.len() as u64 > limit => {
                problems.error(label, &name, "-", "the zip unpacks to more than 512 MB; stopped reading it");
                break;
            }
            Ok(n) => {
                total += n as u64;
                package.files.push((name, data));
            }
            Err(e) => problems.error(label, &name, "-", format!("cannot unpack: {e}")),
        }
    }
    package
}

/// Tabular JSON → CSV-like tables.
pub fn from_json_tables(label: &str, tables: super::json::JsonTables) -> Vec<Table> {
    tables
        .into_iter()
        .map(|(name, rows)| {
            let mut columns: HashMap<String, usize> = HashMap::new();
            for row in &rows {
                for key in row.keys() {
                    let n = columns.len();
                    columns.entry(key.to_ascii_lowercase()).or_insert(n);
                }
            }
            let rows = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let mut values = vec![String::new(); columns.len()];
                    for (k, v) in row {
                        values[columns[&k.to_ascii_lowercase()]] = match v {
                            Value::String(s) => s.clone(),
                            Value::Number(n) => n.to_string(),
                            Value::Bool(b) => b.to_string(),
                            _ => String::new(),
                        };
                    }
                    Row { number: i + 1, values }
                })
                .collect();
            Table { file: format!("{label} {name}"), name: canonical(&name), columns, rows }
        })
        .collect()
}

/// Parses the CSV files of a package into tables, and says which HSDS
/// version it looks like.
pub fn tables(package: &Package, problems: &mut Problems) -> (Vec<Table>, String) {
    let mut version = String::new();
    let mut tables = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (name, bytes) in &package.files {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
        if base.eq_ignore_ascii_case("datapackage.json") {
            version = datapackage_version(&base, bytes, problems).unwrap_or_default();
            continue;
        }
        if !base.to_ascii_lowercase().ends_with(".csv") {
            continue;
        }
        let key = canonical(&base);
        if let Some(first) = names.get(&key) {
            problems.warning(&base, "-", "-", format!("a second file for the {key} table (the first was {first}); skipped"));
            continue;
        }
        names.insert(key, base.clone());
        tables.push(parse_csv(&base, bytes, problems));
    }
    (tables, version)
}

/// The `version` of a datapackage.json. A missing or broken one is not
/// fatal: the CSV files are read by name.
fn datapackage_version(file: &str, bytes: &[u8], problems: &mut Problems) -> Option<String> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => v.get("version").and_then(|v| v.as_str().map(str::to_string).or_else(|| v.as_f64().map(|f| f.to_string()))),
        Err(e) => {
            problems.warning(file, "-", "-", format!("not valid JSON ({e}); reading the CSV files by their names"));
            None
        }
    }
}

/// One CSV file. Rows too short or too long are read as far as they go
/// and reported; text that is not UTF-8 is read as Windows-1252 (what
/// spreadsheet exports on Windows write) and reported once per file.
pub fn parse_csv(file: &str, bytes: &[u8], problems: &mut Problems) -> Table {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut table = Table { file: file.to_string(), name: canonical(file), ..Table::default() };
    let mut record = ::csv::ByteRecord::new();
    let mut header_len = 0;
    let mut reported_encoding = false;
    let mut number = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                problems.error(file, &format!("row {}", number + 1), "-", format!("cannot read the CSV: {e}; the rest of the file is skipped"));
                break;
            }
        }
        number += 1;
        let mut values = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(s) => values.push(s.to_string()),
                Err(_) => {
                    if !reported_encoding {
                        reported_encoding = true;
                        let column = if number == 1 { format!("column {}", i + 1) } else { header_name(&table, i) };
                        problems.warning(file, &format!("row {number}"), &column, "not UTF-8; read as Windows-1252");
                    }
                    values.push(windows_1252(field));
                }
            }
        }
        if number == 1 {
            header_len = values.len();
            for (i, h) in values.iter().enumerate() {
                let name = h.trim().to_ascii_lowercase().replace(' ', "_");
                table.columns.entry(name).or_insert(i);
            }
            continue;
        }
        if values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if values.len() != header_len {
            let id = table.columns.get("id").and_then(|&i| values.get(i)).cloned().unwrap_or_default();
            problems.warning(file, &row_label(number, &id), "-", format!("has {} values; the header has {header_len}", values.len()));
        }
        table.rows.push(Row { number, values });
    }
    table
}

fn header_name(table: &Table, i: usize) -> String {
    table.columns.iter().find(|(_, &c)| c == i).map(|(n, _)| n.clone()).unwrap_or_else(|| format!("column {}", i + 1))
}

fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–',
        '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes.iter().map(|&b| if (0x80..0xA0).contains(&b) { HIGH[(b - 0x80) as usize] } else { b as char }).collect()
}

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
            let what = if legacy::KNOWN_UNUSED.contains(&name.as_str()) { "Waypoint has no place for it" } else { "not an HSDS table Waypoint knows" };
            problems.warning(&t.file, "-", "-", format!("not imported ({} rows): {what}", t.rows.len()));
        }
    }
    let empty = Table::default();
    let table = |name: &str| by_name.get(name).copied().unwrap_or(&empty);
    let Some(services) = by_name.get("services") else {
        problems.error(tables.first().map(|t| t.file.as_str()).unwrap_or("-"), "-", "-", "no services.csv: nothing to import");
        return RawInput::default();
    };
    let terms = Terms::new(table("attributes"), table("taxonomy_terms"), table("taxonomies"));
    let phones = Linked::new(table("phones"));
    let schedules = Linked::new(table("schedules"));
    let regular = Linked::new(table("regular_schedules"));

    // Organisations.
    let orgs = table("organizations");
    let mut input = RawInput::default();
    for row in &orgs.rows {
        let at = orgs.at(row);
        let id = orgs.get(row, "id").to_string();
        let website_field = if orgs.get(row, "website").is_empty() && !orgs.get(row, "url").is_empty() { "url" } else { "website" };
        input.organizations.push(RawOrganization {
            id: id.clone(),
            name: orgs.get(row, "name").into(),
            alternate_name: orgs.get(row, "alternate_name").into(),
            description: orgs.get(row, "description").into(),
            website: orgs.get(row, website_field).into(),
            website_field: website_field.into(),
            phones: phones.phones(&id, "organization_id", &["service_id", "location_id", "service_at_location_id", "contact_id"]),
            terms: terms.of(&id, "organization"),
            confidential: orgs.confidential(row),
            at,
        });
    }

    // Locations, with their addresses, phones and schedules.
    let locs = table("locations");
    let addresses = [table("addresses"), table("physical_addresses"), table("postal_addresses")];
    let address_index: Vec<HashMap<String, Vec<usize>>> = addresses.iter().map(|t| t.index("location_id")).collect();
    let mut locations: HashMap<String, RawLocation> = HashMap::new();
    for row in &locs.rows {
        let id = locs.get(row, "id").to_string();
        let mut loc = RawLocation {
            at: locs.at(row),
            id: id.clone(),
            name: locs.get(row, "name").into(),
            alternate_name: locs.get(row, "alternate_name").into(),
            location_type: locs.get(row, "location_type").into(),
            latitude: locs.get(row, "latitude").into(),
            longitude: locs.get(row, "longitude").into(),
            phones: phones.phones(&id, "location_id", &["service_id", "service_at_location_id"]),
            schedules: schedules.rows(&id, "location_id", &["service_id", "service_at_location_id"]).into_iter().map(schedule).collect(),
            terms: terms.of(&id, "location"),
            confidential: locs.confidential(row),
            ..RawLocation::default()
        };
        loc.schedules.extend(regular.rows(&id, "location_id", &["service_id"]).into_iter().map(legacy::regular_schedule));
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
            problems.warning(&loc.at.file, &loc.at.record, "id", "duplicate location id; kept the first");
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
    for row in &services.rows {
        let at = services.at(row);
        let id = services.get(row, "id").to_string();
        let get = |c: &str| services.get(row, c).to_string();
        let mut s = RawService {
            id: id.clone(),
            organization: OrgRef::Id(get("organization_id")),
            name: get("name"),
            description: get("description"),
            url: get("url"),
            email: get("email"),
            status: get("status"),
            application_process: get("application_process"),
            minimum_age: get("minimum_age"),
            maximum_age: get("maximum_age"),
            assured_date: get("assured_date"),
            last_modified: get("last_modified"),
            confidential: services.confidential(row),
            at: at.clone(),
            ..RawService::default()
        };
        if !services.has("status") && !id.is_empty() {
            // 1.x packages without a status column list active services.
            s.status = "active".into();
        }
        for key in ["fees_description", "fees"] {
            if !services.get(row, key).is_empty() {
                s.fees.push(RawText { at: at.clone(), field: key.into(), value: get(key) });
                break;
            }
        }
        s.eligibility.push(RawText { at: at.clone(), field: "eligibility_description".into(), value: get("eligibility_description") });
        if !id.is_empty() {
            for &i in eligibility_by_service.get(&id).into_iter().flatten() {
                let r = &eligibility.rows[i];
                s.eligibility.push(RawText { at: eligibility.at(r), field: "eligibility".into(), value: eligibility.get(r, "eligibility").into() });
            }
            s.phones = phones.phones(&id, "service_id", &[]);
            s.schedules = schedules.rows(&id, "service_id", &[]).into_iter().map(schedule).collect();
            s.schedules.extend(regular.rows(&id, "service_id", &[]).into_iter().map(legacy::regular_schedule));
            for &i in areas_by_service.get(&id).into_iter().flatten() {
                let r = &areas.rows[i];
                let field = ["name", "service_area", "description"].into_iter().find(|c| !areas.get(r, c).is_empty()).unwrap_or("name");
                s.areas.push(RawText { at: areas.at(r), field: field.into(), value: areas.get(r, field).into() });
            }
            for &i in languages_by_service.get(&id).into_iter().flatten() {
                let r = &languages.rows[i];
                let name = [languages.get(r, "name"), languages.get(r, "language")].into_iter().find(|v| !v.is_empty()).unwrap_or("");
                let field = if languages.get(r, "name").is_empty() && !name.is_empty() { "language" } else { "name" };
                s.languages.push(RawLanguage { at: languages.at(r), code: languages.get(r, "code").into(), name: name.into(), name_field: field.into() });
            }
            for &i in metadata_by_resource.get(&id).into_iter().flatten() {
                let r = &metadata.rows[i];
                s.metadata.push(RawMeta {
                    field_name: metadata.get(r, "field_name").into(),
                    replacement_value: metadata.get(r, "replacement_value").into(),
                    last_action_date: metadata.get(r, "last_action_date").into(),
                });
            }
            s.terms = terms.of(&id, "service");
            s.terms.extend(legacy_terms.of(&id));
            // Service-at-location links, with what hangs off the link itself.
            for &i in sal_by_service.get(&id).into_iter().flatten() {
                let r = &sal.rows[i];
                let location_id = sal.get(r, "location_id");
                let Some(loc) = locations.get(location_id) else {
                    let at = sal.at(r);
                    problems.warning(&at.file, &at.record, "location_id", format!("no location with id {location_id:?}; link skipped"));
                    continue;
                };
                let mut loc = loc.clone();
                let sal_id = sal.get(r, "id");
                if !sal_id.is_empty() {
                    loc.phones.extend(phones.phones(sal_id, "service_at_location_id", &["service_id"]));
                    loc.schedules.extend(schedules.rows(sal_id, "service_at_location_id", &["service_id"]).into_iter().map(schedule));
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
        for column in ["categories", "category", "keywords", "taxonomy_codes", "airs_codes"] {
            for v in services.get(row, column).split([';', '|', ',']).map(str::trim).filter(|v| !v.is_empty()) {
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
    RawSchedule {
        at,
        freq: t.get(r, "freq").into(),
        byday: t.get(r, "byday").into(),
        weekday: t.get(r, "weekday").into(),
        opens_at: t.get(r, "opens_at").into(),
        closes_at: t.get(r, "closes_at").into(),
        description: t.get(r, "description").into(),
        notes: t.get(r, "notes").into(),
    }
}

/// A child table (phones, schedules) indexed by each of its link columns.
pub struct Linked<'a> {
    pub table: &'a Table,
    indexes: HashMap<&'static str, HashMap<String, Vec<usize>>>,
}

impl<'a> Linked<'a> {
    pub fn new(table: &'a Table) -> Linked<'a> {
        let indexes = ["service_id", "location_id", "organization_id", "service_at_location_id"].into_iter().map(|c| (c, table.index(c))).collect();
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
        self.rows(id, column, before).into_iter().map(phone).collect()
    }
}

fn phone((at, t, r): (At, &Table, &Row)) -> RawPhone {
        let kind = [t.get(r, "type"), t.get(r, "number_type")].into_iter().find(|v| !v.is_empty()).unwrap_or("");
        RawPhone {
            at,
            number: t.get(r, "number").into(),
            extension: t.get(r, "extension").into(),
            kind: kind.into(),
            description: t.get(r, "description").into(),
            terms: Vec::new(),
        }
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
            let mut term = RawTerm { at, field: "taxonomy_term_id".into(), value: a.get(row, "value").into(), ..RawTerm::default() };
            match self.term_by_id.get(term_id).and_then(|v| v.first()) {
                Some(&ti) => {
                    let tr = &t.rows[ti];
                    term.code = t.get(tr, "code").into();
                    term.name = [t.get(tr, "name"), t.get(tr, "term")].into_iter().find(|v| !v.is_empty()).unwrap_or("").into();
                    term.taxonomy = t.get(tr, "taxonomy").into();
                    if let Some(&xi) = self.taxonomy_by_id.get(t.get(tr, "taxonomy_id")).and_then(|v| v.first()) {
                        term.taxonomy = self.taxonomies.get(&self.taxonomies.rows[xi], "name").into();
                    }
                }
                None => term.code = term_id.into(),
            }
            out.push(term);
        }
        out
    }
}
