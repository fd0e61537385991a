//! HSDS import, export, validation and report, on fixtures written for
//! Waypoint (tests/fixtures/hsds/) and, when the folder exists, on Open
//! Referral's own examples in ../shared/reference/hsds-3.0/ (read in place,
//! never copied into the project).

mod support;
#[path = "support/tool.rs"]
mod tool;

use tool::waypoint;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;
use waypoint_cli::hsds::{self, export::Export, mapping::Vocabulary, Imported, Options};
use waypoint_cli::problem::Problems;
use waypoint_cli::source::{ProviderFile, ServiceSource};
use waypoint_core::model::Date;

const TODAY: &str = "2026-11-28";

fn options() -> Options {
    let mut problems = Problems::default();
    let mut options = hsds::options(&support::repo().join("data"), None, None, &mut problems)
        .expect("data/hsds-mapping.toml loads");
    assert!(problems.list.is_empty(), "{:?}", problems.list);
    options.today = Date::parse(TODAY).unwrap();
    options
}

fn fixture(name: &str) -> PathBuf {
    support::repo().join("tests/fixtures/hsds").join(name)
}

fn import(name: &str) -> Imported {
    hsds::import_path(&fixture(name), &options())
}

fn shared() -> Option<PathBuf> {
    let dir = support::repo().join("../shared/reference/hsds-3.0");
    let dir = if dir.is_dir() {
        dir
    } else {
        PathBuf::from("/work/shared/reference/hsds-3.0")
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/reference/hsds-3.0 is not here");
        None
    }
}

fn service<'a>(imported: &'a Imported, id: &str) -> &'a ServiceSource {
    imported
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no service {id}"))
}

fn lines(imported: &Imported) -> Vec<String> {
    imported
        .problems
        .list
        .iter()
        .map(|p| p.to_string())
        .collect()
}

/// Asserts one warning names exactly this file, record and field, with a
/// message containing `says`.
#[track_caller]
fn warned(imported: &Imported, file: &str, record: &str, field: &str, says: &str) {
    let found = imported.problems.list.iter().any(|p| {
        p.file == file && p.record == record && p.field == field && p.message.contains(says)
    });
    assert!(
        found,
        "no warning {file}: {record}: {field}: …{says}… in\n{}",
        lines(imported).join("\n")
    );
}

fn hours(s: &ServiceSource) -> Vec<String> {
    s.hours
        .iter()
        .map(|h| format!("{} {}-{}", h.days, h.opens, h.closes))
        .collect()
}

fn phones(s: &ServiceSource) -> Vec<String> {
    s.phones
        .iter()
        .map(|p| format!("{} {}", p.number, p.kind))
        .collect()
}

/// Labels and state names from data/, as `waypoint export` uses them.
fn exporter() -> (Vocabulary, HashMap<String, String>) {
    let mut problems = Problems::default();
    let sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    let vocabulary = Vocabulary::from_taxonomy(&sources.taxonomy.as_ref().unwrap().1);
    (vocabulary, hsds::labels(&sources))
}

fn export(providers: &[ProviderFile]) -> Value {
    let (vocabulary, labels) = exporter();
    Export {
        vocabulary: &vocabulary,
        labels: &labels,
    }
    .services(providers)
}

/// A directory as a comparable value, less what export never writes: a
/// confidential location's street, postal code and coordinates.
fn normalised(providers: &[ProviderFile]) -> Value {
    let mut providers = providers.to_vec();
    for l in providers
        .iter_mut()
        .flat_map(|p| p.services.iter_mut())
        .flat_map(|s| s.locations.iter_mut())
        .filter(|l| l.confidential)
    {
        l.street = None;
        l.postal_code = None;
        l.latitude = None;
        l.longitude = None;
    }
    // What to expect when calling is read from an export's wait time and
    // required documents but has no HSDS field of its own, so an export
    // leaves it out (as it does a record's translations).
    for s in providers.iter_mut().flat_map(|p| p.services.iter_mut()) {
        s.what_to_expect = None;
    }
    serde_json::to_value(&providers).unwrap()
}

#[track_caller]
fn round_trip(a: &Imported) {
    let json = serde_json::to_vec(&export(&a.providers)).unwrap();
    let b = hsds::import_json("export.json", &json, &options());
    assert!(!b.problems.has_errors(), "{:?}", lines(&b));
    assert_eq!(
        normalised(&a.providers),
        normalised(&b.providers),
        "export then import changed the directory"
    );
    // And once more: the second export is byte for byte the first.
    assert_eq!(serde_json::to_vec(&export(&b.providers)).unwrap(), json);
}

// ---------------------------------------------------------------- formats

#[test]
fn clean_services_json_imports_without_warnings() {
    let i = import("clean-services.json");
    assert!(i.problems.list.is_empty(), "{:#?}", lines(&i));
    assert_eq!(i.format, "HSDS 3.0 JSON");
    assert_eq!(
        i.providers.len(),
        2,
        "the organisation repeated in each service is one organisation"
    );
    assert_eq!(i.providers[0].organization.id, "harbor-house");
    assert_eq!(i.providers[0].services.len(), 2);

    let shelter = service(&i, "harbor-shelter");
    assert_eq!(shelter.services, ["emergency-shelter", "case-management"]);
    assert_eq!(shelter.populations, ["women"]);
    assert_eq!(
        shelter.languages,
        ["en", "es"],
        "codes, and names through [languages]"
    );
    assert!(
        shelter.open_24_7 && shelter.hours.is_empty(),
        "every day 00:00-23:59 is 24/7"
    );
    assert_eq!(phones(shelter), ["619-555-0101 voice", "619-555-0102 text"]);
    assert_eq!(shelter.phones[0].note.as_deref(), Some("Intake line"));
    assert_eq!(shelter.areas, ["CA:San Diego County"]);
    assert!(shelter.free, "fees \"Free\"");
    assert_eq!(shelter.minimum_age, Some(18));
    let loc = &shelter.locations[0];
    assert_eq!(
        (
            loc.street.as_deref(),
            loc.city.as_deref(),
            loc.state.as_deref()
        ),
        (Some("100 Example St"), Some("San Diego"), Some("CA"))
    );
    assert_eq!(
        (loc.latitude, loc.longitude),
        (Some(32.7157), Some(-117.1611))
    );
    let source = shelter.source.as_ref().unwrap();
    assert_eq!(
        (
            source.name.as_str(),
            source.url.as_deref(),
            source.last_verified.as_str()
        ),
        (
            "clean-services.json",
            Some("https://harbor.example.org/shelter"),
            "2026-06-01"
        )
    );

    let legal = service(&i, "harbor-legal");
    assert_eq!(
        legal.services,
        ["victim-rights-advocacy", "immigration-legal"],
        "FT- prefix; Open Eligibility \"Immigration\""
    );
    assert_eq!(legal.populations, ["foreign-nationals"]);
    assert_eq!(hours(legal), ["mon-fri 09:00-17:00", "sat 10:00-14:00"]);
    assert_eq!(
        legal.hours_note.as_deref(),
        Some("Saturday hours are for existing clients.")
    );
    assert_eq!(phones(legal), ["+1-619-555-0103 x22 voice"]);
    assert_eq!(legal.areas, ["CA"]);

    let hotline = service(&i, "compass-hotline");
    assert_eq!(
        hotline.services,
        ["crisis-intervention", "hotline"],
        "RP-1500.1400 through the RP-1500 prefix"
    );
    assert!(
        hotline.populations.is_empty(),
        "\"Trafficking Survivors\" is mapped to nothing on purpose"
    );
    assert!(hotline.open_24_7, "00:00-24:00 every day");
    assert_eq!(phones(hotline), ["1-888-555-0104 voice", "233733 text"]);
    assert_eq!(hotline.areas, ["US"]);
    assert!(i.unmapped.is_empty());
}

#[test]
fn flat_organisation_list_links_services_to_listed_locations() {
    let i = import("flat-organizations.json");
    assert!(i.problems.list.is_empty(), "{:#?}", lines(&i));
    assert_eq!(
        i.providers
            .iter()
            .map(|p| p.organization.id.as_str())
            .collect::<Vec<_>>(),
        ["bridge-legal", "lantern-counseling"]
    );
    let wages = service(&i, "bridge-wage-claims");
    assert_eq!(wages.services, ["labor-rights"]);
    assert_eq!(
        wages.populations,
        ["labor-trafficking"],
        "free-text categories, ignoring case"
    );
    assert_eq!(
        wages.locations[0].street.as_deref(),
        Some("200 Sample Ave, Suite 3")
    );
    assert_eq!(
        wages.locations[0].state.as_deref(),
        Some("CA"),
        "state names become codes"
    );
    assert_eq!(hours(wages), ["tue,thu 13:00-19:30"]);
    let records = service(&i, "bridge-record-clearing");
    assert_eq!(
        (records.services.as_slice(), records.populations.as_slice()),
        (
            &["criminal-record-relief".to_string()][..],
            &["sex-trafficking".to_string()][..]
        )
    );
    assert_eq!(
        records.source.as_ref().unwrap().last_verified,
        "2026-07-04",
        "last_modified when there is no assured_date"
    );
    let therapy = service(&i, "lantern-therapy");
    assert_eq!(therapy.email.as_deref(), Some("hello@lantern.example.org"));
    assert_eq!(therapy.areas, ["OR"]);
}

#[test]
fn csv_datapackage_folder_and_zip_give_the_same_directory() {
    let folder = import("csv-3.0");
    assert_eq!(folder.format, "HSDS 3.0.0 CSV");
    assert_eq!(lines(&folder), ["warning: service_areas.csv: row 2 (sa-1): name: not an area Waypoint can place (\"US\", a state, or \"Place, ST\"); dropped: \"Maricopa County\""]);
    let shelter = service(&folder, "svc-mesa-shelter");
    assert_eq!(shelter.services, ["emergency-shelter"]);
    assert_eq!(shelter.populations, ["women"]);
    assert!(shelter.open_24_7);
    assert!(shelter.free, "\"No cost\"");
    assert_eq!(shelter.areas, ["AZ:Maricopa County"]);
    assert!(
        shelter.locations[0].confidential,
        "address_type \"confidential\""
    );
    assert_eq!(
        phones(shelter),
        ["602-555-0121 voice"],
        "a phone naming its service belongs to it, not to the organisation"
    );
    let counseling = service(&folder, "svc-mesa-counseling");
    assert_eq!(
        counseling.services,
        ["trauma-therapy", "basic-needs"],
        "taxonomy terms through attributes.csv"
    );
    assert_eq!(
        hours(counseling),
        ["mon,wed,fri 08:30-16:30", "thu 12:00-20:00"]
    );
    assert_eq!(
        phones(counseling),
        ["602-555-0122 x7 voice"],
        "the location's phone, with its extension column"
    );
    assert_eq!(
        counseling.source.as_ref().unwrap().last_verified,
        "2026-03-03"
    );
    assert_eq!(counseling.minimum_age, Some(12));

    let zip = hsds::import_zip(
        "csv-3.0.zip",
        &zip_folder(&fixture("csv-3.0"), "export/"),
        &options(),
    );
    assert_eq!(
        lines(&zip),
        lines(&folder),
        "same warnings from the zip (files in a folder inside it)"
    );
    let rename = |mut p: Vec<ProviderFile>| {
        p.iter_mut()
            .flat_map(|p| p.services.iter_mut())
            .for_each(|s| s.source.as_mut().unwrap().name = "x".into());
        serde_json::to_value(p).unwrap()
    };
    assert_eq!(
        rename(zip.providers.clone()),
        rename(folder.providers.clone())
    );
    assert_eq!(
        zip.providers[0].services[0].source.as_ref().unwrap().name,
        "csv-3.0.zip"
    );
}

/// Zips a fixture folder at run time (no binary fixture in the repository).
fn zip_folder(dir: &Path, inside: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        out.start_file(
            format!("{inside}{}", f.file_name().unwrap().to_string_lossy()),
            options,
        )
        .unwrap();
        out.write_all(&std::fs::read(&f).unwrap()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn hsds_2x_package_maps_regular_schedules_addresses_eligibility_and_attributes() {
    let i = import("v2-csv");
    assert_eq!(i.format, "HSDS 2.0.1 CSV");
    for (file, what) in [
        ("contacts.csv", "not imported (1 rows)"),
        ("holiday_schedules.csv", "not imported (1 rows)"),
    ] {
        warned(&i, file, "-", "-", what);
    }
    warned(
        &i,
        "languages.csv",
        "row 3 (la-2)",
        "language",
        "\"Polish\" is not in taxonomy.toml",
    );
    warned(
        &i,
        "services.csv",
        "row 2 (s-lake-advocacy)",
        "assured_date",
        "no date of its own and none for the export; imported undated",
    );
    let advocacy = service(&i, "s-lake-advocacy");
    assert_eq!(
        hours(advocacy),
        ["mon-thu 09:00-17:00", "fri 09:00-13:00"],
        "numeric weekdays, 1 = Monday"
    );
    assert_eq!(
        advocacy.eligibility.as_deref(),
        Some("Survivors of any form of trafficking.")
    );
    assert_eq!(advocacy.services, ["victim-rights-advocacy"]);
    assert_eq!(advocacy.areas, ["IL:Cook County"]);
    assert!(advocacy.free, "fees \"None\"");
    assert_eq!(
        advocacy.locations[0].street.as_deref(),
        Some("400 Sample Blvd")
    );
    assert_eq!(
        advocacy.source.as_ref().unwrap().last_verified,
        "",
        "never the import date"
    );
    let housing = service(&i, "s-lake-housing");
    assert_eq!(
        (housing.services.as_slice(), housing.populations.as_slice()),
        (
            &["transitional-housing".to_string()][..],
            &["youth".to_string()][..]
        )
    );
    assert_eq!(phones(housing), ["312-555-0132 voice", "312-555-0133 fax"]);
}

#[test]
fn hsds_1x_package_with_singular_file_names_and_taxonomy_table() {
    let i = import("v1-csv");
    assert_eq!(i.format, "HSDS 1.x/2.x CSV");
    warned(
        &i,
        "funding.csv",
        "-",
        "-",
        "not imported (1 rows): Waypoint has no place for it",
    );
    assert!(
        i.unmapped.is_empty(),
        "YZ-9999 is a target population the mapping's \"Y\" covers: {:?}",
        i.unmapped
    );
    let cm = service(&i, "10");
    assert_eq!(
        cm.services,
        ["case-management"],
        "services_taxonomy → taxonomy.csv → PH-1000"
    );
    assert_eq!(
        hours(cm),
        ["mon-thu 08:00-16:00", "fri 08:00-12:00"],
        "weekday names"
    );
    assert_eq!(
        cm.eligibility.as_deref(),
        Some("Adults and youth affected by trafficking.")
    );
    let loc = &cm.locations[0];
    assert_eq!(
        (loc.street.as_deref(), loc.state.as_deref()),
        (Some("500 Example St, Unit B"), Some("NE")),
        "the physical address, not the PO box"
    );
    assert_eq!(
        (loc.latitude, loc.longitude),
        (None, None),
        "no coordinates is fine"
    );
    assert_eq!(phones(cm), ["402-555-0141 voice"]);
    let shelter = service(&i, "11");
    assert_eq!(shelter.languages, ["so"]);
    assert_eq!(shelter.areas, ["NE:Douglas County"]);
}

// ------------------------------------------------------------ messy data

#[test]
fn messy_package_every_case_is_a_clean_value_or_a_warning() {
    let i = import("messy");
    assert!(!i.problems.has_errors(), "{:#?}", lines(&i));
    // Blank ids and duplicates.
    warned(
        &i,
        "services.csv",
        "row 4",
        "id",
        "blank id; using \"drop-in-center\", made from the name",
    );
    warned(
        &i,
        "services.csv",
        "row 3 (svc-1)",
        "id",
        "duplicate: same id as services.csv row 2 (svc-1); kept the first",
    );
    warned(
        &i,
        "services.csv",
        "row 5",
        "id",
        "duplicate: same name and address as services.csv row 4; kept the first",
    );
    warned(
        &i,
        "organizations.csv",
        "row 3 (org-1)",
        "id",
        "duplicate of row 2 (org-1); kept the first",
    );
    assert_eq!(
        service(&i, "svc-1").name,
        "Open Door shelter",
        "the first of two rows with one id"
    );
    assert_eq!(
        service(&i, "drop-in-center").services,
        ["basic-needs"],
        "free-text category column"
    );
    assert_eq!(
        service(&i, "drop-in-center")
            .source
            .as_ref()
            .unwrap()
            .last_verified,
        "2026-03-05",
        "3/5/2026"
    );

    // Times: 24 hours, 9:00am, past midnight, and what cannot be read.
    let shelter = service(&i, "svc-1");
    assert!(
        shelter.open_24_7 && shelter.hours.is_empty(),
        "00:00-23:59 on all seven days"
    );
    assert_eq!(
        hours(service(&i, "svc-3")),
        ["fri,sat 20:00-02:00"],
        "8:00 PM to 2:00 AM stays past midnight"
    );
    assert_eq!(
        hours(service(&i, "svc-4")),
        ["mon,tue 09:00-17:00"],
        "9:00am to 5 PM"
    );
    warned(
        &i,
        "regular_schedules.csv",
        "row 13 (rs-12)",
        "weekday",
        "found \"Funday\"; row skipped",
    );
    warned(
        &i,
        "regular_schedules.csv",
        "row 14 (rs-13)",
        "opens_at",
        "found \"9ish\"; schedule skipped",
    );
    warned(
        &i,
        "regular_schedules.csv",
        "row 15 (rs-14)",
        "opens_at",
        "missing; schedule skipped",
    );

    // Phones: several in one field, "650 780-7525", extensions, undialable.
    assert_eq!(
        phones(shelter),
        ["650-780-7525 voice", "650-780-7526 x12 voice"]
    );
    assert_eq!(
        phones(service(&i, "svc-3")),
        ["650-780-7527 x3 hotline", "650-780-7528 x45 voice"]
    );
    assert_eq!(
        phones(service(&i, "svc-4")),
        ["1-650-780-7530 voice", "650-780-7531 voice"]
    );
    warned(
        &i,
        "phones.csv",
        "row 5 (ph-4)",
        "number",
        "not a dialable number; dropped: \"780-7529\"",
    );
    warned(
        &i,
        "phones.csv",
        "row 6 (ph-5)",
        "number",
        "not a dialable number; dropped: \"call the front desk\"",
    );
    warned(
        &i,
        "phones.csv",
        "row 8 (ph-7)",
        "type",
        "unknown phone type \"pager2\"; listed as voice",
    );

    // Markup: stripped, entities decoded, with a warning.
    assert_eq!(
        shelter.description.as_deref(),
        Some("Free & confidential beds. Walk-ins welcome.")
    );
    warned(
        &i,
        "services.csv",
        "row 2 (svc-1)",
        "description",
        "HTML markup removed",
    );
    assert_eq!(i.providers[0].organization.name, "Open Door Alliance");
    warned(
        &i,
        "organizations.csv",
        "row 2 (org-1)",
        "name",
        "HTML markup removed",
    );
    assert_eq!(
        shelter.eligibility.as_deref(),
        Some("Adults & families\nMust be 18+")
    );
    warned(
        &i,
        "eligibility.csv",
        "row 2 (el-1)",
        "eligibility",
        "HTML markup removed",
    );

    // Locations: none without coordinates is clean; (0, 0) is a placeholder.
    let house = &shelter.locations[0];
    assert_eq!(
        (house.latitude, house.longitude, house.state.as_deref()),
        (None, None, Some("CA")),
        "\"California\""
    );
    assert_eq!(
        service(&i, "svc-3").locations[0].state.as_deref(),
        Some("CA"),
        "\"Calif.\""
    );
    warned(
        &i,
        "locations.csv",
        "row 4 (loc-3)",
        "latitude",
        "(0, 0) is a placeholder",
    );
    warned(
        &i,
        "services_at_location.csv",
        "row 6 (sal-5)",
        "location_id",
        "no location with id \"loc-missing\"",
    );

    // Confidential: a marker in the name, a confidential column, a
    // confidential address column; whole records by status and by term.
    let harbor = service(&i, "svc-4");
    assert_eq!(harbor.locations.len(), 2);
    assert!(
        harbor.locations.iter().all(|l| l.confidential),
        "name \"Confidential Location\"; confidential = yes and address_confidential = TRUE"
    );
    warned(
        &i,
        "services.csv",
        "row 8 (svc-5)",
        "status",
        "record is confidential; not imported",
    );
    warned(
        &i,
        "services_taxonomy.csv",
        "row 7 (st-6)",
        "taxonomy_id",
        "record flagged confidential",
    );
    for gone in ["svc-5", "svc-6", "svc-8"] {
        assert!(
            i.providers
                .iter()
                .flat_map(|p| &p.services)
                .all(|s| s.id != gone),
            "{gone} must not be imported"
        );
    }
    warned(
        &i,
        "services.csv",
        "row 9 (svc-6)",
        "status",
        "status is \"inactive\"; not imported",
    );
    warned(&i, "services.csv", "row 10 (svc-7)", "organization_id", "no organisation with id \"org-9\" in the export; imported under placeholder organisation \"missing-org-9\"");

    // Other fields.
    assert_eq!(
        shelter.email.as_deref(),
        Some("intake@opendoor.example.org")
    );
    warned(
        &i,
        "services.csv",
        "row 2 (svc-1)",
        "email",
        "2 addresses in one field; kept the first",
    );
    warned(
        &i,
        "services.csv",
        "row 6 (svc-3)",
        "email",
        "not an email address; dropped: \"info at opendoor\"",
    );
    warned(
        &i,
        "organizations.csv",
        "row 2 (org-1)",
        "url",
        "no scheme; read as \"https://www.opendoor.example.org\"",
    );
    warned(
        &i,
        "services.csv",
        "row 6 (svc-3)",
        "assured_date",
        "no date of its own and none for the export; imported undated",
    );
    assert_eq!(shelter.languages, ["es", "en"]);
    warned(
        &i,
        "languages.csv",
        "row 3 (lg-2)",
        "language",
        "\"Klingon\" is not in taxonomy.toml",
    );
    assert_eq!(shelter.areas, ["CA:Santa Clara County"]);
    warned(
        &i,
        "service_area.csv",
        "row 3 (ar-2)",
        "service_area",
        "dropped: \"the whole Bay Area\"",
    );
    warned(
        &i,
        "accessibility_for_disabilities.csv",
        "-",
        "-",
        "not imported (1 rows)",
    );
    assert_eq!(
        i.unmapped
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect::<Vec<_>>(),
        [
            ("AIRS: XX-1234 Mystery Services", 1),
            ("LEGALNIGHT Night court help", 1)
        ]
    );
    assert_eq!(i.problems.warnings(), 28, "{:#?}", lines(&i));
}

#[test]
fn messy_json_wrong_types_confidential_attributes_and_duplicates() {
    let i = import("messy-services.json");
    let f = "messy-services.json";
    warned(
        &i,
        f,
        "record 1 (m-1)",
        "description",
        "expected text, found a list; ignored",
    );
    warned(
        &i,
        f,
        "record 1 (m-1)",
        "minimum_age",
        "expected an age in years, found \"twelve\"",
    );
    warned(
        &i,
        f,
        "record 1 (m-1)",
        "organization.id",
        "blank id; using \"river-outreach\"",
    );
    warned(
        &i,
        f,
        "record 1 (m-1)",
        "schedules[0].freq",
        "MONTHLY schedules cannot be shown",
    );
    warned(
        &i,
        f,
        "record 1 (m-1)",
        "service_at_locations[3].location.location_type",
        "virtual location",
    );
    warned(
        &i,
        f,
        "record 2 (m-2)",
        "attributes[0].taxonomy_term",
        "record flagged confidential",
    );
    warned(
        &i,
        f,
        "record 3 (m-1)",
        "id",
        "duplicate: same id as messy-services.json record 1 (m-1)",
    );
    warned(&i, f, "record 4", "-", "not an object; skipped");
    let s = service(&i, "m-1");
    assert_eq!(
        phones(s),
        ["619-555-0150 voice"],
        "a number written as a JSON number"
    );
    assert_eq!(
        s.locations
            .iter()
            .map(|l| (l.name.clone().unwrap(), l.confidential))
            .collect::<Vec<_>>(),
        [
            ("Shelter A".to_string(), true),
            ("Shelter B".to_string(), true),
            ("Shelter C".to_string(), true)
        ]
    );
    assert_eq!(s.hours_note.as_deref(), Some("First Monday of the month."));
    assert_eq!(i.services(), 1);
}

#[test]
fn nothing_panics_on_broken_input_and_errors_name_the_file() {
    let o = options();
    let i = hsds::import_json("broken.json", b"{\"id\": ", &o);
    assert!(
        i.problems.has_errors() && i.problems.list[0].file == "broken.json",
        "{:?}",
        lines(&i)
    );
    let i = hsds::import_zip("broken.zip", b"PK\x03\x04 not really", &o);
    assert!(i.problems.has_errors());
    let i = hsds::import_files(
        "p",
        vec![("services.csv".into(), b"id,name\n\"unterminated".to_vec())],
        &o,
    );
    assert!(i.providers.is_empty() || !i.problems.list.is_empty());
    let i = hsds::import_files(
        "p",
        vec![("organizations.csv".into(), b"id,name\n1,x\n".to_vec())],
        &o,
    );
    assert!(
        i.problems.has_errors(),
        "no services.csv is an error: {:?}",
        lines(&i)
    );
    // Windows-1252 text from a spreadsheet.
    let i = hsds::import_files(
        "p",
        vec![
            (
                "organizations.csv".into(),
                b"id,name\no,Caf\xe9 Esperanza\n".to_vec(),
            ),
            (
                "services.csv".into(),
                b"id,organization_id,name,status,category\ns,o,Ni\xf1os,active,Food\n".to_vec(),
            ),
        ],
        &o,
    );
    assert_eq!(i.providers[0].organization.name, "Café Esperanza");
    assert_eq!(service(&i, "s").name, "Niños");
    warned(
        &i,
        "organizations.csv",
        "row 2",
        "name",
        "not UTF-8; read as Windows-1252",
    );
}

// -------------------------------------------------------------- round trip

#[test]
fn import_export_import_gives_the_same_directory() {
    for name in [
        "clean-services.json",
        "flat-organizations.json",
        "csv-3.0",
        "v2-csv",
        "v1-csv",
        "messy",
        "messy-services.json",
    ] {
        let a = import(name);
        assert!(a.services() > 0, "{name}");
        round_trip(&a);
    }
}

#[test]
fn shared_examples_import_and_round_trip() {
    let Some(dir) = shared() else { return };
    let examples = dir.join("examples");
    for name in [
        "service_full.json",
        "service_list.json",
        "organization_full.json",
        "service_at_location_full.json",
        "service_at_location_list.json",
        "tabular.json",
        "csv",
    ] {
        let a = hsds::import_path(&examples.join(name), &options());
        assert!(!a.problems.has_errors(), "{name}: {:#?}", lines(&a));
        assert_eq!(a.services(), 1, "{name}: {:#?}", lines(&a));
        let s = &a.providers[0].services[0];
        assert_eq!(s.id, "ac148810-d857-441c-9679-408f346de14b", "{name}");
        assert_eq!(
            s.source.as_ref().unwrap().last_verified,
            "2005-01-01",
            "{name}"
        );
        round_trip(&a);
    }
    let full = hsds::import_path(&examples.join("service_full.json"), &options());
    let s = &full.providers[0].services[0];
    assert_eq!(
        phones(s),
        ["+441234234567 x100 voice"],
        "\"\\\"+44 1234 234567\\\"\" with extension 100"
    );
    assert_eq!(hours(s), ["thu,fri 10:00-18:00"]);
    warned(
        &full,
        "service_full.json",
        "record 1 (ac148810-d857-441c-9679-408f346de14b)",
        "service_at_locations[0].location.latitude",
        "not a place on Earth",
    );
    let orgs = hsds::import_path(&examples.join("organization_list.json"), &options());
    warned(
        &orgs,
        "organization_list.json",
        "record 1 (d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610)",
        "services",
        "no services to import",
    );
}

#[test]
fn default_directory_round_trips_through_hsds() {
    let mut problems = Problems::default();
    let sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    let providers: Vec<ProviderFile> = sources.providers.into_iter().map(|(_, p)| p).collect();
    let json = serde_json::to_vec(&export(&providers)).unwrap();
    let a = hsds::import_json("export.json", &json, &options());
    assert!(a.problems.list.is_empty(), "{:#?}", lines(&a));
    assert_eq!(
        a.services(),
        providers.iter().map(|p| p.services.len()).sum::<usize>()
    );
    round_trip(&a);
    // The re-imported directory is still a valid Waypoint directory.
    let mut sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    sources.providers = a
        .providers
        .iter()
        .map(|p| (format!("imported {}", p.organization.id), p.clone()))
        .collect();
    let options = waypoint_cli::compile::Options {
        today: Date::parse(TODAY).unwrap(),
        allow_fictional: false,
    };
    let bundle = waypoint_cli::compile::compile(&sources, options, &mut problems);
    assert!(
        bundle.is_some() && !problems.has_errors(),
        "{:#?}",
        problems.list
    );
}

// ------------------------------------------------------ schema conformance

/// A small JSON Schema checker for what HSDS 3.0's schemas use: `$ref` to a
/// sibling file, `type`, `required`, `properties`, `items`, `enum`, and
/// dates (`format: date` or `datapackage_type: date`).
struct Schemas {
    dir: PathBuf,
    cache: HashMap<String, Value>,
}

impl Schemas {
    fn get(&mut self, file: &str) -> Value {
        let dir = self.dir.clone();
        self.cache
            .entry(file.to_string())
            .or_insert_with(|| {
                serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap()
            })
            .clone()
    }

    fn check(&mut self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let target = self.get(r);
            self.check(&target, value, path, errors);
            return;
        }
        if let Some(t) = schema.get("type").and_then(Value::as_str) {
            let ok = match t {
                "object" => value.is_object(),
                "array" => value.is_array(),
                "string" => value.is_string(),
                "number" => value.is_number(),
                "integer" => value.is_i64() || value.is_u64(),
                "boolean" => value.is_boolean(),
                _ => true,
            };
            if !ok {
                errors.push(format!("{path}: expected {t}, found {value}"));
                return;
            }
        }
        if let Some(options) = schema.get("enum").and_then(Value::as_array) {
            if !options.contains(value) {
                errors.push(format!("{path}: {value} is not one of {options:?}"));
            }
        }
        let date = schema.get("format").and_then(Value::as_str) == Some("date")
            || schema.get("datapackage_type").and_then(Value::as_str) == Some("date");
        if date && value.as_str().and_then(Date::parse).is_none() {
            errors.push(format!("{path}: {value} is not a date"));
        }
        if let (Some(required), Some(o)) = (
            schema.get("required").and_then(Value::as_array),
            value.as_object(),
        ) {
            for key in required.iter().filter_map(Value::as_str) {
                if !o.contains_key(key) {
                    errors.push(format!("{path}: missing required {key}"));
                }
            }
        }
        if let (Some(props), Some(o)) = (
            schema.get("properties").and_then(Value::as_object),
            value.as_object(),
        ) {
            for (k, v) in o {
                if let Some(s) = props.get(k) {
                    self.check(s, v, &format!("{path}.{k}"), errors);
                }
            }
        }
        if let (Some(items), Some(list)) = (schema.get("items"), value.as_array()) {
            for (i, v) in list.iter().enumerate() {
                self.check(items, v, &format!("{path}[{i}]"), errors);
            }
        }
    }
}

#[test]
fn export_validates_against_the_hsds_3_schemas() {
    let Some(dir) = shared() else { return };
    let mut schemas = Schemas {
        dir: dir.join("schema"),
        cache: HashMap::new(),
    };
    let service = schemas.get("service.json");
    let mut providers: Vec<ProviderFile> = Vec::new();
    let mut problems = Problems::default();
    let sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    providers.extend(sources.providers.into_iter().map(|(_, p)| p));
    for name in [
        "clean-services.json",
        "flat-organizations.json",
        "csv-3.0",
        "v2-csv",
        "v1-csv",
        "messy",
        "messy-services.json",
    ] {
        providers.extend(import(name).providers);
    }
    let json = export(&providers);
    let list = json.as_array().unwrap();
    assert!(list.len() > 40);
    let mut errors = Vec::new();
    for (i, s) in list.iter().enumerate() {
        schemas.check(&service, s, &format!("[{i}] {}", s["id"]), &mut errors);
    }
    assert!(
        errors.is_empty(),
        "{} schema errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    // The checker does catch what it should.
    let mut broken = list[0].clone();
    broken.as_object_mut().unwrap().remove("status");
    broken["assured_date"] = Value::from("last spring");
    broken["phones"] = Value::from("555");
    let mut errors = Vec::new();
    schemas.check(&service, &broken, "broken", &mut errors);
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn confidential_addresses_never_reach_the_export_or_the_bundle() {
    let i = import("messy");
    let json = serde_json::to_string(&export(&i.providers)).unwrap();
    for secret in ["99 Hidden Rd", "94607", "1 Secret Ln", "92101", "32.8"] {
        assert!(!json.contains(secret), "{secret} exported");
    }
    assert!(
        json.contains("Oakland"),
        "the town of a confidential location is kept"
    );
    let mut problems = Problems::default();
    let mut sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    sources.providers.extend(
        i.providers
            .iter()
            .map(|p| (format!("imported {}", p.organization.id), p.clone())),
    );
    let options = waypoint_cli::compile::Options {
        today: Date::parse(TODAY).unwrap(),
        allow_fictional: false,
    };
    let bundle = waypoint_cli::compile::compile(&sources, options, &mut problems).unwrap();
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    let bytes = bundle.encode();
    for secret in ["99 Hidden Rd", "1 Secret Ln"] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} in the bundle"
        );
    }
    assert!(
        bytes.windows(12).any(|w| w == b"12 Example W"),
        "a public address is kept"
    );
    // Coordinates of a confidential location only to 0.1 degree (loc-4's
    // 32.8,-117.2 already are), so the UI can say "about N miles".
    let confidential: Vec<_> = bundle
        .directory
        .services
        .iter()
        .flat_map(|s| &s.locations)
        .filter(|l| l.confidential)
        .collect();
    assert!(!confidential.is_empty());
    for l in confidential {
        assert!(l.street.is_none() && l.postal_code.is_none(), "{l:?}");
        for d in [l.latitude, l.longitude].into_iter().flatten() {
            assert_eq!(d, waypoint_core::geo::coarse(d), "{l:?}");
        }
    }
    assert!(bundle
        .directory
        .services
        .iter()
        .flat_map(|s| &s.locations)
        .any(|l| l.confidential && l.latitude == Some(32.8)));
}

// ------------------------------------------- what real 211 exports carry

/// Each provider's organisation id and name, with its services' ids.
fn organisations(imported: &Imported) -> Vec<String> {
    imported
        .providers
        .iter()
        .map(|p| {
            format!(
                "{} {:?}: {}",
                p.organization.id,
                p.organization.name,
                p.services
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect()
}

#[test]
fn services_of_organisations_missing_from_the_export_are_kept_under_placeholders() {
    let i = import("missing-org");
    assert_eq!(
        organisations(&i),
        [
            "1 \"Lantern Bay Outreach\": 20",
            "missing-99 \"Harbor Light legal clinic\": 21,22",
            "missing-77 \"Tidewater drop-in\": 23"
        ],
        "one placeholder per missing id, named from its first service"
    );
    warned(&i, "service.csv", "row 3 (21)", "organization_id", "no organisation with id \"99\" in the export; imported under placeholder organisation \"missing-99\"");
    warned(
        &i,
        "service.csv",
        "row 4 (22)",
        "organization_id",
        "placeholder organisation \"missing-99\"",
    );
    warned(
        &i,
        "service.csv",
        "row 5 (23)",
        "organization_id",
        "placeholder organisation \"missing-77\"",
    );
    assert_eq!(i.placeholder_services, 3);
}

#[test]
fn the_import_summary_counts_placeholders_and_what_was_left_out_by_reason() {
    let i = import("missing-org");
    assert_eq!(i.services(), 4);
    assert_eq!(
        i.left_out
            .iter()
            .map(|(why, n)| format!("{why}: {n}"))
            .collect::<Vec<_>>(),
        ["no organization_id: 1", "status not active: 1"]
    );
    let dir = scratch("summary");
    let (code, text) = waypoint(&[
        "import",
        "tests/fixtures/hsds/missing-org",
        "--out",
        dir.join("providers").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("services: 4 imported, 3 of them under placeholder organisations, 0 under other help; 2 left out (no organization_id: 1, status not active: 1)"), "{text}");
}

#[test]
fn scheme_less_websites_become_https_and_other_text_is_still_refused() {
    let i = import("schemeless-urls");
    assert_eq!(
        i.providers[0].organization.website.as_deref(),
        Some("https://www.cedarpath.example.org")
    );
    warned(
        &i,
        "organization.csv",
        "row 2 (1)",
        "url",
        "no scheme; read as \"https://www.cedarpath.example.org\"",
    );
    assert_eq!(
        service(&i, "30").url.as_deref(),
        Some("https://cedarpath.example.org/counseling")
    );
    warned(
        &i,
        "service.csv",
        "row 2 (30)",
        "url",
        "no scheme; read as \"https://cedarpath.example.org/counseling\"",
    );
    assert_eq!(service(&i, "31").url, None);
    warned(
        &i,
        "service.csv",
        "row 3 (31)",
        "url",
        "not an http:// or https:// address; dropped: \"call us for details\"",
    );
}

#[test]
fn creole_and_interpretation_phrases_map_onto_the_taxonomy() {
    let i = import("languages");
    let family = service(&i, "40");
    assert_eq!(
        family.languages,
        ["en", "ht"],
        "\"Creole\" is Haitian Creole by the mapping's default"
    );
    assert!(
        family.services.contains(&"interpretation".to_string()),
        "{:?}",
        family.services
    );
    warned(&i, "language.csv", "row 4 (7002)", "language", "\"Language Line available\" says interpretation is offered; service listed under \"interpretation\"");
    let legal = service(&i, "41");
    assert_eq!(legal.languages, ["es"]);
    assert!(
        legal.services.contains(&"interpretation".to_string()),
        "the 1.x interpretation_services column: {:?}",
        legal.services
    );
    warned(
        &i,
        "service.csv",
        "row 3 (41)",
        "interpretation_services",
        "says interpretation is offered",
    );
}

#[test]
fn literal_line_breaks_and_export_markers_are_cleaned_from_free_text() {
    let i = import("text-junk");
    let s = service(&i, "50");
    assert_eq!(
        s.description.as_deref(),
        Some("Groups that build self-worth.")
    );
    assert_eq!(
        s.how_to_get_help.as_deref(),
        Some("Call first.\nThen visit.")
    );
    assert_eq!(
        i.providers[0].organization.description.as_deref(),
        Some("Peer support.")
    );
    warned(
        &i,
        "service.csv",
        "row 2 (50)",
        "description",
        "export markers removed: ###MON###, ###COL###",
    );
    warned(
        &i,
        "service.csv",
        "row 2 (50)",
        "description",
        "literal \\n sequences turned into line breaks",
    );
    warned(
        &i,
        "service.csv",
        "row 2 (50)",
        "application_process",
        "literal \\n sequences turned into line breaks",
    );
    warned(
        &i,
        "organization.csv",
        "row 2 (1)",
        "description",
        "export markers removed: ###MON###",
    );
}

#[test]
fn hours_without_a_state_use_the_sites_default_time_zone() {
    let i = import("no-state");
    let mut problems = Problems::default();
    let mut sources = waypoint_cli::load::load(&support::repo().join("data"), None, &mut problems);
    sources.providers.extend(
        i.providers
            .iter()
            .map(|p| ("no-state.toml".to_string(), p.clone())),
    );
    let options = waypoint_cli::compile::Options {
        today: Date::parse(TODAY).unwrap(),
        allow_fictional: false,
    };
    let compile = |sources: &waypoint_cli::load::Sources| {
        let mut problems = Problems::default();
        let bundle = waypoint_cli::compile::compile(sources, options, &mut problems);
        (
            bundle,
            problems
                .list
                .iter()
                .map(|p| p.to_string())
                .filter(|p| p.starts_with("error"))
                .collect::<Vec<_>>(),
        )
    };
    let (_, errors) = compile(&sources);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("hours are given but no time zone")),
        "without a default: {errors:?}"
    );

    sources.site.as_mut().unwrap().1.timezone = Some("America/New_York".into());
    let (bundle, errors) = compile(&sources);
    assert!(errors.is_empty(), "{errors:?}");
    let walk_in = bundle
        .unwrap()
        .directory
        .services
        .into_iter()
        .find(|s| s.id == "60")
        .unwrap();
    assert_eq!(walk_in.hours.timezone.as_deref(), Some("America/New_York"));

    sources.site.as_mut().unwrap().1.timezone = Some("Mars/Olympus_Mons".into());
    let (_, errors) = compile(&sources);
    assert!(
        errors.iter().any(|e| e
            .contains("site.toml: site: timezone: \"Mars/Olympus_Mons\" is not a US time zone")),
        "{errors:?}"
    );
}

// --------------------------------------------------------- the tool itself


fn scratch(name: &str) -> PathBuf {
    tool::scratch("hsds", name)
}

#[test]
fn cli_import_writes_providers_that_validate_build_and_report() {
    let dir = scratch("cli");
    let out = dir.join("providers");
    let out_s = out.to_str().unwrap();
    let (code, text) = waypoint(&[
        "import",
        "tests/fixtures/hsds/messy",
        "--out",
        out_s,
        "--source-name",
        "County 211 export",
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("warning: phones.csv: row 5 (ph-4): number: not a dialable number; dropped: \"780-7529\""), "{text}");
    assert!(text.contains("unmapped taxonomy terms (2;"), "{text}");
    assert!(
        text.contains("imported 5 services of 3 organisations"),
        "{text}"
    );
    let written = std::fs::read_to_string(out.join("org-1.toml")).unwrap();
    assert!(
        written.starts_with("# Imported by `waypoint import`"),
        "{written}"
    );
    assert!(
        written.contains("name = \"County 211 export\""),
        "{written}"
    );
    assert!(
        !written.contains("= false") && !written.contains("= []"),
        "defaults are left out:\n{written}"
    );

    // The providers load with data/providers' nationwide services beside
    // them (the guide and help bar name those), and compile as they are.
    let mut problems = Problems::default();
    let sources =
        waypoint_cli::load::load(&support::repo().join("data"), Some(&out), &mut problems);
    assert!(problems.list.is_empty(), "{:?}", problems.list);
    let imported: Vec<_> = sources
        .providers
        .iter()
        .filter(|(file, _)| file.contains("org-"))
        .collect();
    assert_eq!(
        imported.len(),
        3,
        "{:?}",
        sources.providers.iter().map(|(f, _)| f).collect::<Vec<_>>()
    );
    assert!(sources
        .providers
        .iter()
        .any(|(_, p)| p.services.iter().any(|s| s.id == "nhth-hotline")));
    let added: Vec<_> = sources
        .providers
        .iter()
        .filter(|(file, _)| !file.contains("org-"))
        .flat_map(|(_, p)| &p.services)
        .collect();
    assert!(
        added.iter().all(|s| s.areas == ["US"]),
        "only nationwide services are added, none of the default data's local ones"
    );
    let options = waypoint_cli::compile::Options {
        today: Date::parse(TODAY).unwrap(),
        allow_fictional: false,
    };
    assert!(waypoint_cli::compile::compile(&sources, options, &mut problems).is_some());
    assert!(!problems.has_errors(), "{:#?}", problems.list);

    // The steward's path: the import folder alone builds, with the
    // nationwide hotlines the site names kept beside it.
    let (code, text) = waypoint(&["validate", "--providers", out_s]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = waypoint(&[
        "build",
        "--providers",
        out_s,
        "--out",
        dir.join("site").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{text}");
    let bundle =
        waypoint_core::bundle::Bundle::decode(&std::fs::read(dir.join("site/site.bin")).unwrap())
            .unwrap();
    assert!(bundle
        .directory
        .services
        .iter()
        .any(|s| s.id == "nhth-hotline"));
    assert_eq!(
        bundle
            .directory
            .services
            .iter()
            .filter(|s| !s.is_nationwide())
            .count(),
        5,
        "the import's five services, none of the default data's local ones"
    );

    let (code, text) = waypoint(&["report", "--providers", out_s]);
    assert_eq!(code, 0, "{text}");
    for line in [
        "21 services in 18 organisations",
        "By domain:",
        "By population:",
        "By state:",
        "No way to contact them",
        "  drop-in-center",
        "Unmapped taxonomy terms from the import (2):",
        "AIRS: XX-1234 Mystery Services",
    ] {
        assert!(text.contains(line), "{line:?} missing in\n{text}");
    }

    // Importing again replaces the previous import's files...
    let (code, text) = waypoint(&["import", "tests/fixtures/hsds/v1-csv", "--out", out_s]);
    assert_eq!(code, 0, "{text}");
    assert!(!out.join("org-1.toml").exists() && out.join("1.toml").exists());
    // ...but never a folder of hand-written providers.
    let (code, text) = waypoint(&[
        "import",
        "tests/fixtures/hsds/v1-csv",
        "--out",
        "data/providers",
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("holds provider files that no import wrote"),
        "{text}"
    );
}

#[test]
fn cli_validate_an_hsds_path_prints_every_problem_and_a_summary() {
    let (code, text) = waypoint(&["validate", "tests/fixtures/hsds/messy"]);
    assert_eq!(code, 0, "warnings alone exit 0:\n{text}");
    assert!(
        text.contains("warning: services.csv: row 4: id: blank id"),
        "{text}"
    );
    assert!(text.contains("0 errors, 30 warnings"), "{text}");
    // A service no term maps to a Waypoint code is kept under "other
    // help", with a warning, and its term is listed for the steward to map.
    let dir = scratch("validate");
    std::fs::write(dir.join("services.json"), r#"[{"id": "x", "name": "X", "status": "active", "assured_date": "2026-01-01", "organization": {"id": "o", "name": "O"}, "categories": ["Knitting"]}]"#).unwrap();
    let (code, text) = waypoint(&["validate", dir.join("services.json").to_str().unwrap()]);
    assert_eq!(code, 0, "kept, not an error:\n{text}");
    assert!(
        text.contains(
            "no Waypoint service code (unmapped terms: \"Knitting\"); kept under \"other-help\""
        ),
        "{text}"
    );
    assert!(
        !text.contains("expected at least one service code"),
        "{text}"
    );
    assert!(text.contains("1  Knitting"), "{text}");
    assert!(text.contains("1 under other help"), "{text}");
    let kept = hsds::import_path(&dir.join("services.json"), &options());
    assert_eq!(kept.other_help, 1);
    assert_eq!(kept.providers[0].services[0].services, ["other-help"]);
    // A folder of provider files is validated as --providers.
    let (code, text) = waypoint(&["validate", "data/providers"]);
    assert_eq!(code, 0, "{text}");
}

#[test]
fn cli_export_writes_hsds_json_and_refuses_broken_data() {
    let dir = scratch("export");
    let file = dir.join("services.json");
    let (code, text) = waypoint(&["export", "--format", "hsds-json", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    let json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 26, "{text}");
    let (code, _) = waypoint(&["export", file.to_str().unwrap()]);
    assert_eq!(code, 2, "--format is required");
    let data = support::scratch_data("hsds-export-broken");
    std::fs::write(data.join("providers/zz.toml"), "[organization]\nid = \"zz\"\nname = \"Z\"\n[[service]]\nid = \"z\"\nname = \"Z\"\nservices = [\"nope\"]\n").unwrap();
    let (code, text) = waypoint(&[
        "export",
        "--format",
        "hsds-json",
        file.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("not exporting"), "{text}");
}

// ------------------------------------------------------------------ scale

/// Times `import` on a 5,000-service HSDS 3.0 JSON made from `generate`
/// through the exporter. Prints the figure; never asserts on time.
#[test]
fn import_of_five_thousand_services_is_timed() {
    let taxonomy = support::default_bundle().taxonomy;
    let generated = waypoint_cli::generate::generate(5000, 7, &taxonomy);
    let json = serde_json::to_vec(&export(&generated)).unwrap();
    let options = options();
    let started = Instant::now();
    let imported = hsds::import_json("generated.json", &json, &options);
    let elapsed = started.elapsed();
    println!(
        "import of {} services ({} organisations, {:.1} MB of HSDS JSON): {:.0} ms ({} build)",
        imported.services(),
        imported.providers.len(),
        json.len() as f64 / 1e6,
        elapsed.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_eq!(imported.services(), 5000);
    assert!(
        imported.providers.iter().all(|p| p.organization.fictional),
        "fictional data stays marked fictional"
    );
    assert!(!imported.problems.has_errors());
}
