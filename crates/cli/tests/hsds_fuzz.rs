//! Fuzzing the HSDS importers and the validator with proptest: random bytes
//! as JSON, CSV and zip input, and random mutations (deleted, duplicated and
//! swapped characters, truncation, odd strings inserted, field values
//! replaced with odd ones) of every fixture in tests/fixtures/hsds/ and, when
//! present, Open Referral's examples in ../shared/reference/hsds-3.0/.
//! Whatever comes in, import returns providers or problems and never panics,
//! and what it returns compiles (with errors or not) without panicking.
//!
//! `cargo test --test hsds_fuzz -- --nocapture` prints the executions run.
//! WAYPOINT_FUZZ_SCALE=10 runs ten times as many.

mod support;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config;
use waypoint_cli::compile;
use waypoint_cli::hsds::{self, Imported, Options};
use waypoint_cli::load::{self, Sources};
use waypoint_cli::problem::Problems;
use waypoint_cli::source::ProviderFile;
use waypoint_core::model::Date;

fn config(cases: u32) -> Config {
    let scale: u32 = std::env::var("WAYPOINT_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    Config {
        cases: cases * scale,
        failure_persistence: None,
        max_shrink_iters: 2000,
        ..Config::default()
    }
}

fn options() -> &'static Options {
    static OPTIONS: OnceLock<Options> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut problems = Problems::default();
        let mut o = hsds::options(&support::repo().join("data"), None, None, &mut problems)
            .expect("mapping loads");
        o.today = Date::parse("2026-11-28").unwrap();
        o
    })
}

/// The default data without its providers, for the validator.
fn base() -> &'static Sources {
    static BASE: OnceLock<Sources> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut problems = Problems::default();
        let mut s = load::load(&support::repo().join("data"), None, &mut problems);
        s.providers.clear();
        s
    })
}

/// Runs the validator over what an import returned, as `validate` would.
fn validate(providers: &[ProviderFile]) {
    let b = base();
    let sources = Sources {
        site: b.site.clone(),
        taxonomy: b.taxonomy.clone(),
        guide: b.guide.clone(),
        locales: b.locales.clone(),
        providers: providers
            .iter()
            .map(|p| ("fuzz".to_string(), p.clone()))
            .collect(),
    };
    let mut problems = Problems::default();
    let options = compile::Options {
        today: Date::parse("2026-11-28").unwrap(),
        allow_fictional: true,
    };
    let _ = compile::compile(&sources, options, &mut problems);
}

/// An import must end in providers or problems (or, for empty input,
/// nothing at all), and whatever it returns goes through the validator.
fn settle(count: &AtomicUsize, imported: Imported) {
    count.fetch_add(1, Ordering::Relaxed);
    for p in &imported.providers {
        assert!(
            !p.organization.id.trim().is_empty(),
            "an imported organisation always has an id"
        );
        for s in &p.services {
            assert!(!s.id.trim().is_empty() && !s.name.trim().is_empty());
            // A date, or none at all (an undated record, checked as
            // "imported"); never anything else.
            let dated = |src: &waypoint_cli::source::SourceSource| {
                Date::parse(&src.last_verified).is_some()
                    || (src.last_verified.is_empty() && src.check.as_deref() == Some("imported"))
            };
            assert!(
                s.source.as_ref().is_some_and(dated),
                "every service has a source, and a date or none: {:?}",
                s.source
            );
            for ph in &s.phones {
                assert!(
                    ph.number.chars().any(|c| c.is_ascii_digit()),
                    "no phone without digits: {:?}",
                    ph.number
                );
            }
        }
    }
    validate(&imported.providers);
}

/// Every fixture: JSON files, and CSV packages as (file, bytes) lists.
enum Input {
    Json(String, Vec<u8>),
    Package(String, Vec<(String, Vec<u8>)>),
}

fn inputs() -> &'static Vec<Input> {
    static INPUTS: OnceLock<Vec<Input>> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let mut list = Vec::new();
        collect(&support::repo().join("tests/fixtures/hsds"), &mut list);
        let shared = support::repo().join("../shared/reference/hsds-3.0/examples");
        if shared.is_dir() {
            collect(&shared, &mut list);
        } else {
            println!("skipped: ../shared/reference/hsds-3.0 is not here; fuzzing Waypoint's own fixtures only");
        }
        assert!(list.len() >= 7);
        list
    })
}

fn collect(dir: &Path, out: &mut Vec<Input>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let files: Vec<(String, Vec<u8>)> = entries
        .iter()
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "csv" || e == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect();
    if files.iter().any(|(n, _)| n.ends_with(".csv")) {
        out.push(Input::Package(dir.display().to_string(), files));
    } else {
        out.extend(files.into_iter().map(|(n, b)| Input::Json(n, b)));
    }
    for sub in entries.iter().filter(|p| p.is_dir()) {
        collect(sub, out);
    }
}

const ODD: &[&str] = &[
    "",
    " ",
    "null",
    "NULL",
    "\\N",
    "\u{202E}reversed",
    "<script>alert(1)</script>",
    "<p>a &amp; b &#x27;c&#39; &bogus; &#99999999;</p>",
    "<!-- unterminated",
    "9:00am",
    "25:99",
    "24:00",
    "12pm",
    "0",
    "-1",
    "1e309",
    "99999999999999999999",
    "NaN",
    "\"",
    ",",
    "\n",
    "\r\n",
    "😀",
    "\u{0}",
    "１２３",
    "MO,1TU,XX",
    "+",
    "ext. 12 x 3 #4",
    "(650) 780-7525 x",
    "650 780-7525 or 780-7526; 1-800-FLOWERS",
    "2026-02-30",
    "3/5/2026",
    "9999-12-31",
    "confidential",
    "true",
    "[]",
    "{}",
    "../../etc/passwd",
    "javascript:alert(1)",
    "CA:",
    ":",
    "US:US",
];

fn odd_json(i: usize) -> serde_json::Value {
    use serde_json::json;
    match i % 8 {
        0 => json!(null),
        1 => json!(12345678901234567890u64),
        2 => json!(-0.5),
        3 => json!(true),
        4 => json!([1, "two", {"three": 3}]),
        5 => json!({"id": "", "name": ODD[i % ODD.len()]}),
        _ => json!(ODD[i % ODD.len()]),
    }
}

#[derive(Debug, Clone)]
enum Op {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Swap(usize, usize),
    Truncate(usize),
    Insert(usize, usize),
    /// Replace a JSON leaf or a CSV cell with an odd value.
    Replace(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let n = any::<usize>();
    prop_oneof![
        (n, 1..64usize).prop_map(|(a, l)| Op::Delete(a, l)),
        (n, 1..256usize).prop_map(|(a, l)| Op::Duplicate(a, l)),
        (n, n).prop_map(|(a, b)| Op::Swap(a, b)),
        n.prop_map(Op::Truncate),
        (n, 0..ODD.len()).prop_map(|(a, s)| Op::Insert(a, s)),
        (n, n).prop_map(|(a, s)| Op::Replace(a, s)),
    ]
}

/// Applies one mutation. Byte positions are taken modulo the length and
/// moved to a character boundary half the time, so both valid and invalid
/// UTF-8 get through.
fn mutate(bytes: &mut Vec<u8>, op: &Op, csv: bool) {
    let len = bytes.len().max(1);
    match *op {
        Op::Delete(a, l) => {
            let a = a % len;
            let end = (a + l).min(bytes.len());
            if a < end {
                bytes.drain(a..end);
            }
        }
        Op::Duplicate(a, l) => {
            let a = a % len;
            let end = (a + l).min(bytes.len());
            if a < end {
                let piece = bytes[a..end].to_vec();
                bytes.splice(end..end, piece);
            }
        }
        Op::Swap(a, b) => {
            if !bytes.is_empty() {
                let (a, b) = (a % bytes.len(), b % bytes.len());
                bytes.swap(a, b);
            }
        }
        Op::Truncate(a) => bytes.truncate(a % len),
        Op::Insert(a, s) => {
            let a = (a % len).min(bytes.len());
            bytes.splice(a..a, ODD[s].bytes());
        }
        Op::Replace(a, s) => {
            if csv {
                replace_cell(bytes, a, s);
            } else {
                replace_leaf(bytes, a, s);
            }
        }
    }
}

fn replace_leaf(bytes: &mut Vec<u8>, at: usize, odd: usize) {
    use serde_json::Value;
    fn count(v: &Value) -> usize {
        match v {
            Value::Object(o) => o.values().map(count).sum(),
            Value::Array(a) => a.iter().map(count).sum(),
            _ => 1,
        }
    }
    fn replace(v: &mut Value, n: &mut usize, new: &Value) -> bool {
        match v {
            Value::Object(o) => o.values_mut().any(|c| replace(c, n, new)),
            Value::Array(a) => a.iter_mut().any(|c| replace(c, n, new)),
            _ if *n == 0 => {
                *v = new.clone();
                true
            }
            _ => {
                *n -= 1;
                false
            }
        }
    }
    let Ok(mut value) = serde_json::from_slice::<Value>(bytes) else {
        return;
    };
    let leaves = count(&value);
    if leaves == 0 {
        return;
    }
    replace(&mut value, &mut (at % leaves), &odd_json(odd));
    *bytes = serde_json::to_vec(&value).unwrap();
}

fn replace_cell(bytes: &mut Vec<u8>, at: usize, odd: usize) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let mut rows: Vec<Vec<Vec<u8>>> = reader
        .byte_records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(<[u8]>::to_vec).collect())
        .collect();
    let cells: usize = rows.iter().map(Vec::len).sum();
    if cells == 0 {
        return;
    }
    let mut n = at % cells;
    for row in rows.iter_mut() {
        if n < row.len() {
            row[n] = ODD[odd % ODD.len()].as_bytes().to_vec();
            break;
        }
        n -= row.len();
    }
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    *bytes = writer.into_inner().unwrap();
}

fn zipped(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in files {
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn report(what: &str, count: &AtomicUsize) {
    println!(
        "fuzz: {what}: {} executions, no crash",
        count.load(Ordering::Relaxed)
    );
}

const TABLES: &[&str] = &[
    "services.csv",
    "organizations.csv",
    "locations.csv",
    "phones.csv",
    "schedules.csv",
    "regular_schedules.csv",
    "physical_addresses.csv",
    "service_at_location.csv",
    "attributes.csv",
    "taxonomy_terms.csv",
    "services_taxonomy.csv",
    "taxonomy.csv",
    "eligibility.csv",
    "languages.csv",
    "service_areas.csv",
    "datapackage.json",
];

#[test]
fn random_bytes_never_crash_an_importer() {
    let count = AtomicUsize::new(0);
    // A fresh runner per property: one runner counts its cases across runs.
    let runner = || proptest::test_runner::TestRunner::new(config(600));
    let bytes = prop::collection::vec(any::<u8>(), 0..2048);
    runner()
        .run(&bytes, |b| {
            settle(&count, hsds::import_json("random.json", &b, options()));
            Ok(())
        })
        .unwrap();
    // Bytes after a zip signature reach the zip reader's structure parsing.
    runner()
        .run(&bytes, |b| {
            let mut z = b"PK\x03\x04".to_vec();
            z.extend(b);
            settle(&count, hsds::import_zip("random.zip", &z, options()));
            Ok(())
        })
        .unwrap();
    // Random CSV tables beside a valid services table: every table's reader.
    let table = (0..TABLES.len(), prop::collection::vec(any::<u8>(), 0..2048));
    runner()
        .run(&table, |(t, b)| {
            let services = b"id,organization_id,name,status\ns,o,S,active\n".to_vec();
            let orgs = b"id,name\no,O\n".to_vec();
            let files = vec![
                ("services.csv".into(), services),
                ("organizations.csv".into(), orgs),
                (TABLES[t].to_string(), b),
            ];
            settle(&count, hsds::import_files("random", files, options()));
            Ok(())
        })
        .unwrap();
    // Text that looks more like CSV: random cells from the odd strings.
    let cells = prop::collection::vec(prop::collection::vec(0..ODD.len(), 1..12), 1..12);
    runner().run(&(0..TABLES.len(), cells), |(t, rows)| {
        let text: String = rows.iter().map(|r| r.iter().map(|i| ODD[*i]).collect::<Vec<_>>().join(",") + "\n").collect();
        let header = "id,organization_id,name,status,service_id,location_id,number,weekday,opens_at,closes_at,byday,latitude,longitude,taxonomy_id,confidential\n";
        let files = vec![("services.csv".into(), b"id,organization_id,name,status\ns,o,S,active\n".to_vec()), (TABLES[t].to_string(), format!("{header}{text}").into_bytes())];
        settle(&count, hsds::import_files("odd", files, options()));
        Ok(())
    }).unwrap();
    report("random bytes and cells as JSON, zip and CSV", &count);
}

#[test]
fn mutated_fixtures_never_crash_an_importer() {
    let count = AtomicUsize::new(0);
    let list = inputs();
    let mut runner = proptest::test_runner::TestRunner::new(config(3000));
    let strategy = (
        0..list.len(),
        any::<usize>(),
        prop::collection::vec(op(), 1..8),
    );
    runner
        .run(&strategy, |(i, file, ops)| {
            match &list[i] {
                Input::Json(name, bytes) => {
                    let mut b = bytes.clone();
                    ops.iter().for_each(|op| mutate(&mut b, op, false));
                    settle(&count, hsds::import_json(name, &b, options()));
                }
                Input::Package(name, files) => {
                    let mut files = files.clone();
                    let f = file % files.len();
                    let csv = files[f].0.ends_with(".csv");
                    ops.iter().for_each(|op| mutate(&mut files[f].1, op, csv));
                    settle(&count, hsds::import_files(name, files, options()));
                }
            }
            Ok(())
        })
        .unwrap();
    report("mutated fixtures", &count);
}

#[test]
fn mutated_zips_never_crash_the_zip_reader() {
    let count = AtomicUsize::new(0);
    let packages: Vec<Vec<u8>> = inputs()
        .iter()
        .filter_map(|i| match i {
            Input::Package(_, files) => Some(zipped(files)),
            Input::Json(..) => None,
        })
        .collect();
    let mut runner = proptest::test_runner::TestRunner::new(config(600));
    runner
        .run(
            &(0..packages.len(), prop::collection::vec(op(), 1..6)),
            |(i, ops)| {
                let mut z = packages[i].clone();
                ops.iter()
                    .filter(|o| !matches!(o, Op::Replace(..)))
                    .for_each(|op| mutate(&mut z, op, false));
                settle(&count, hsds::import_zip("mutated.zip", &z, options()));
                Ok(())
            },
        )
        .unwrap();
    report("mutated zips", &count);
}

#[test]
fn mutated_provider_files_never_crash_the_validator() {
    let count = AtomicUsize::new(0);
    let mut problems = Problems::default();
    let sources = load::load(&support::repo().join("data"), None, &mut problems);
    let texts: Vec<Vec<u8>> = sources
        .providers
        .iter()
        .map(|(_, p)| toml::to_string(p).unwrap().into_bytes())
        .collect();
    let mut runner = proptest::test_runner::TestRunner::new(config(600));
    runner
        .run(
            &(0..texts.len(), prop::collection::vec(op(), 1..6)),
            |(i, ops)| {
                let mut t = texts[i].clone();
                ops.iter()
                    .filter(|o| !matches!(o, Op::Replace(..)))
                    .for_each(|op| mutate(&mut t, op, false));
                count.fetch_add(1, Ordering::Relaxed);
                if let Ok(p) = toml::from_str::<ProviderFile>(&String::from_utf8_lossy(&t)) {
                    validate(&[p]);
                }
                Ok(())
            },
        )
        .unwrap();
    report("mutated provider files through the validator", &count);
}
