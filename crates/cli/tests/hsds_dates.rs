//! Honest dates (issue 14): an imported record's date is its own
//! verification or update date, else the export's own date marked as such,
//! else none; never the day of the import. Fixture: tests/fixtures/hsds/no-dates
//! (one record undated, one with `assured_date`, one with `last_modified`).

mod support;

use std::io::Write;

use waypoint_cli::hsds::{self, Imported, Options};
use waypoint_cli::problem::Problems;
use waypoint_cli::source::ServiceSource;
use waypoint_core::bundle::Bundle;
use waypoint_core::model::{Check, Date};

const TODAY: &str = "2026-11-28";

fn options() -> Options {
    let mut problems = Problems::default();
    let mut options = hsds::options(&support::repo().join("data"), None, None, &mut problems)
        .expect("mapping loads");
    options.today = Date::parse(TODAY).unwrap();
    options
}

fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let dir = support::repo().join("tests/fixtures/hsds/no-dates");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn service<'a>(i: &'a Imported, id: &str) -> &'a ServiceSource {
    i.providers
        .iter()
        .flat_map(|p| &p.services)
        .find(|s| s.id == id)
        .unwrap()
}

/// (date, check) of a service's source.
fn dated(i: &Imported, id: &str) -> (String, String) {
    let src = service(i, id).source.as_ref().unwrap();
    (
        src.last_verified.clone(),
        src.check.clone().unwrap_or_default(),
    )
}

fn never_today(i: &Imported) {
    for s in i.providers.iter().flat_map(|p| &p.services) {
        assert_ne!(
            s.source.as_ref().unwrap().last_verified,
            TODAY,
            "{} took the import date",
            s.id
        );
    }
}

#[test]
fn a_record_with_no_date_and_an_undated_export_is_imported_undated() {
    let i = hsds::import_path(
        &support::repo().join("tests/fixtures/hsds/no-dates"),
        &options(),
    );
    assert_eq!(
        dated(&i, "30"),
        (String::new(), "imported".into()),
        "no date rather than today's"
    );
    assert_eq!(
        dated(&i, "31"),
        ("2025-02-10".into(), "imported".into()),
        "its own assured_date"
    );
    assert_eq!(
        dated(&i, "32"),
        ("2024-08-01".into(), "imported".into()),
        "its own last_modified"
    );
    never_today(&i);
    let warned = i.problems.list.iter().any(|p| {
        p.record == "row 2 (30)"
            && p.field == "assured_date"
            && p.message.contains("imported undated")
    });
    assert!(warned, "{:#?}", i.problems.list);
    assert!(
        i.summary().contains(
            "dates: 2 from the records themselves, 0 the export's date (not a check), 1 undated"
        ),
        "{}",
        i.summary()
    );
}

#[test]
fn the_datapackage_created_date_dates_a_record_as_an_export_not_a_check() {
    let files: Vec<(String, Vec<u8>)> = fixture_files()
        .into_iter()
        .map(|(name, bytes)| {
            if name == "datapackage.json" {
                let text = String::from_utf8(bytes).unwrap().replacen(
                    "\"version\"",
                    "\"created\": \"2026-03-01T08:00:00Z\",\n  \"version\"",
                    1,
                );
                (name, text.into_bytes())
            } else {
                (name, bytes)
            }
        })
        .collect();
    let i = hsds::import_files("no-dates", files, &options());
    assert_eq!(dated(&i, "30"), ("2026-03-01".into(), "exported".into()));
    assert_eq!(
        dated(&i, "31"),
        ("2025-02-10".into(), "imported".into()),
        "a record's own date wins"
    );
    never_today(&i);
    let warned = i.problems.list.iter().any(|p| {
        p.record == "row 2 (30)"
            && p.message
                .contains("the export's date (datapackage.json created)")
    });
    assert!(warned, "{:#?}", i.problems.list);
}

#[test]
fn a_zips_file_dates_date_the_export_when_the_package_does_not() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let when = zip::DateTime::from_date_and_time(2026, 2, 14, 10, 30, 0).unwrap();
    let options_z = zip::write::SimpleFileOptions::default()
        .last_modified_time(when)
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in fixture_files() {
        zip.start_file(format!("export/{name}"), options_z).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let i = hsds::import_zip("no-dates.zip", &bytes, &options());
    assert_eq!(dated(&i, "30"), ("2026-02-14".into(), "exported".into()));
    never_today(&i);
}

#[test]
fn undated_and_export_dated_records_build_and_say_what_their_date_is() {
    let out = std::env::temp_dir().join(format!("waypoint-dates-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let i = hsds::import_path(
        &support::repo().join("tests/fixtures/hsds/no-dates"),
        &options(),
    );
    hsds::write(
        &i,
        &support::repo().join("tests/fixtures/hsds/no-dates"),
        &out,
    )
    .expect("writes");

    let data = support::repo().join("data");
    let mut problems = Problems::default();
    let sources = waypoint_cli::load::load(&data, Some(&out), &mut problems);
    let options = waypoint_cli::compile::Options {
        today: Date::parse(TODAY).unwrap(),
        allow_fictional: true,
    };
    let bundle: Bundle =
        waypoint_cli::compile::compile(&sources, options, &mut problems).expect("builds");
    assert!(!problems.has_errors(), "{:#?}", problems.list);
    let today = Date::parse(TODAY).unwrap();
    let undated = bundle
        .directory
        .services
        .iter()
        .find(|s| s.id == "30")
        .unwrap();
    assert_eq!(undated.last_verified, None);
    assert!(
        undated.is_stale(today),
        "an undated record counts as possibly out of date"
    );
    let site = waypoint_core::site::Site::new(bundle.clone());
    let strings = site.strings("en");
    assert_eq!(
        strings.verified(undated),
        "From the records of no-dates, which do not say when it was last checked."
    );
    assert_eq!(
        strings.stale_note(undated, today),
        Some("This may be out of date. Call before you go.")
    );

    // The same record dated by its export says so.
    let mut exported = undated.clone();
    exported.last_verified = Some(Date::parse("2026-03-01").unwrap());
    exported.source.check = Check::Exported;
    assert_eq!(strings.verified(&exported), "From the directory of no-dates as exported on March 1, 2026. That is not the date anyone checked it.");
    assert_eq!(strings.stale_note(&exported, today), None);
    let es = site.strings("es");
    assert!(
        es.verified(undated).contains("no dicen cuándo"),
        "{}",
        es.verified(undated)
    );
    let _ = std::fs::remove_dir_all(&out);
}
