//! The shipped AIRS/211 mapping (data/hsds-mapping.toml) on a fixture of
//! branches the first mapping missed (tests/fixtures/hsds/unmapped-airs/,
//! written for Waypoint): codes and populations per service, Y codes alone,
//! no taxonomy, a branch excluded by the deployer, the report of what fell
//! under "other help", and a build of the result.

mod support;
#[path = "support/tool.rs"]
mod tool;

use tool::waypoint;

use std::path::{Path, PathBuf};

use waypoint_cli::hsds::mapping::{Mapping, Meaning};
use waypoint_cli::hsds::raw::RawTerm;
use waypoint_cli::hsds::{self, Imported, Options};
use waypoint_cli::problem::Problems;
use waypoint_core::model::Date;

const TODAY: &str = "2026-11-28";
const FIXTURE: &str = "tests/fixtures/hsds/unmapped-airs";

fn scratch(name: &str) -> PathBuf {
    tool::scratch("airs", name)
}

/// The shipped mapping with what a deployer adds to leave fire stations and
/// volunteer opportunities out, written to `dir`.
fn excluding_mapping(dir: &Path) -> PathBuf {
    let shipped = std::fs::read_to_string(support::repo().join("data/hsds-mapping.toml")).unwrap();
    assert!(
        shipped.contains("\nexclude_airs = []\n"),
        "the shipped mapping excludes nothing"
    );
    let file = dir.join("hsds-mapping.toml");
    std::fs::write(
        &file,
        shipped.replace(
            "\nexclude_airs = []\n",
            "\nexclude_airs = [\"JR-1950\", \"PX\"]\n",
        ),
    )
    .unwrap();
    file
}

fn options(mapping: Option<&Path>) -> Options {
    let mut problems = Problems::default();
    let mut options = hsds::options(&support::repo().join("data"), mapping, None, &mut problems)
        .expect("the mapping loads");
    assert!(problems.list.is_empty(), "{:?}", problems.list);
    options.today = Date::parse(TODAY).unwrap();
    options
}

fn import(mapping: Option<&Path>) -> Imported {
    hsds::import_path(&support::repo().join(FIXTURE), &options(mapping))
}

/// Each service as "id: service codes | populations".
fn codes(imported: &Imported) -> Vec<String> {
    let mut all: Vec<String> = imported
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .map(|s| {
            format!(
                "{}: {} | {}",
                s.id,
                s.services.join(" "),
                s.populations.join(" ")
            )
        })
        .collect();
    all.sort();
    all
}


#[test]
fn every_airs_top_level_has_an_entry_in_the_shipped_mapping() {
    let text = std::fs::read_to_string(support::repo().join("data/hsds-mapping.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    let airs = file["airs"].as_table().expect("an [airs] table");
    let mapping = options(None).mapping;
    for letter in ["B", "D", "F", "H", "J", "L", "N", "P", "R", "T", "Y"] {
        assert!(
            airs.contains_key(letter),
            "no entry for the top level {letter:?}"
        );
        // Whatever a 211 adds below it is covered too.
        for code in [
            letter.to_string(),
            format!("{letter}Q"),
            format!("{letter}Q-9999.9999-999"),
        ] {
            let term = RawTerm {
                taxonomy: "AIRS".into(),
                code: code.clone(),
                ..RawTerm::default()
            };
            assert_ne!(
                mapping.meaning(&term),
                Meaning::Unmapped,
                "{code} is not covered"
            );
        }
    }
    // Law enforcement never becomes a referral code.
    for code in ["FL", "FL-1500", "FN", "FN-1500.1900", "FN-1900.1600"] {
        let term = RawTerm {
            taxonomy: "AIRS".into(),
            code: code.into(),
            ..RawTerm::default()
        };
        assert_eq!(mapping.meaning(&term), Meaning::Ignored, "{code}");
    }
    // Y codes are modifiers: populations, never a service code.
    for (key, codes) in airs.iter().filter(|(k, _)| k.starts_with('Y')) {
        for code in codes.as_array().unwrap() {
            assert!(
                mapping
                    .vocabulary
                    .populations
                    .iter()
                    .any(|p| p == code.as_str().unwrap()),
                "{key} maps to {code}, not a population"
            );
        }
    }
    let check = Mapping::parse(
        &text,
        "hsds-mapping.toml",
        mapping.vocabulary.clone(),
        &mut Problems::default(),
    );
    assert!(check.is_some());
}

#[test]
fn branches_the_first_mapping_missed_get_honest_codes_and_populations() {
    let i = import(None);
    assert!(!i.problems.has_errors(), "{:#?}", i.problems.list);
    assert_eq!(
        codes(&i),
        [
            "80: flexible-funding | ",    // BR-9000 Temporary Financial Aid
            "81: medical-care | ",        // LT-1750.0500 AIDS/HIV Clinics, through "L"
            "82: trauma-therapy | women", // RF-3300 Individual Counseling; YS-2000.9500 Women
            "83: immigration-legal | foreign-nationals", // FT-3600 over FT; YZ-3350 Immigration Issues
            "84: trauma-therapy | ", // RP-1400 is Counseling Services, not crisis intervention
            "85: other-help | youth lgbtq", // only Y codes: kept, with its populations
            "86: other-help | ",     // no taxonomy at all
            "87: other-help | youth", // JR (fire) is [] without an exclusion
            "88: case-management | ", // PX-2300 is [] ; PH-1000
            "89: other-help | men",  // PL-7400 leisure is []; YS-5000.5000 Men
            "90: hotline | ",        // TJ-3000.1500 Comprehensive Information and Referral
            "91: other-help | ",     // JR-1950, and XX-1234 that nobody knows
            "92: employment-education | ", // HH-0500.8000-150 ESL, through "H"
        ]
    );
    assert_eq!(
        i.unmapped.keys().collect::<Vec<_>>(),
        ["AIRS: XX-1234 Mystery Services"],
        "every real AIRS code is covered"
    );
    assert_eq!(i.other_help, 5);
    assert!(i.left_out.is_empty(), "{:?}", i.left_out);
    let only_y = i
        .problems
        .list
        .iter()
        .find(|p| p.record == "row 7 (85)" && p.field == "taxonomy")
        .expect("a warning for 85");
    assert!(
        only_y
            .message
            .contains("terms mapped to no service code: \"AIRS: YB-9500 Youth\""),
        "{}",
        only_y.message
    );
}

#[test]
fn excluded_branches_leave_out_services_with_nothing_else_and_are_counted() {
    let dir = scratch("exclude");
    let mapping = excluding_mapping(&dir);
    let i = import(Some(&mapping));
    let by_id = codes(&i);
    assert!(
        !by_id.iter().any(|s| s.starts_with("87:")),
        "87 (JR-1950 excluded, JR-1900 [], a Y code) is left out: {by_id:?}"
    );
    assert!(
        by_id.contains(&"88: case-management | ".to_string()),
        "PX-2300 excluded but PH-1000 mapped: imported with the mapped code"
    );
    assert!(
        by_id.contains(&"91: other-help | ".to_string()),
        "an unmapped term keeps a service for the steward to judge"
    );
    assert_eq!(
        i.left_out
            .iter()
            .map(|(why, n)| format!("{why}: {n}"))
            .collect::<Vec<_>>(),
        ["excluded by the mapping: 1"]
    );
    assert!(
        i.summary().contains("12 imported")
            && i.summary()
                .contains("1 left out (excluded by the mapping: 1)"),
        "{}",
        i.summary()
    );
    let why = i
        .problems
        .list
        .iter()
        .find(|p| p.file == "service.csv" && p.record == "row 9 (87)")
        .expect("a warning for 87");
    assert_eq!(why.field, "taxonomy");
    assert!(
        why.message.contains("excluded by")
            && why.message.contains("AIRS: JR-1950 Fire Stations")
            && why.message.ends_with("not imported"),
        "{}",
        why.message
    );
    let kept = i
        .problems
        .list
        .iter()
        .find(|p| p.record == "row 13 (91)")
        .expect("a warning for 91");
    assert!(kept.message.contains("unmapped terms: \"AIRS: XX-1234 Mystery Services\"; excluded terms: \"AIRS: JR-1950 Fire Stations\""), "{}", kept.message);
}

#[test]
fn the_report_lists_the_terms_of_services_under_other_help_and_the_import_builds() {
    let dir = scratch("report");
    let mapping = excluding_mapping(&dir);
    let out = dir.join("providers");
    let out_s = out.to_str().unwrap();
    let (code, text) = waypoint(&[
        "import",
        FIXTURE,
        "--mapping",
        mapping.to_str().unwrap(),
        "--out",
        out_s,
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("4 under other help; 1 left out (excluded by the mapping: 1)"),
        "{text}"
    );
    let report = std::fs::read_to_string(dir.join("import-report.toml")).unwrap();
    assert!(
        report.contains("[other_help_terms]\n\"(no taxonomy terms)\" = 1\n"),
        "{report}"
    );

    let (code, text) = waypoint(&["report", "--providers", out_s]);
    assert_eq!(code, 0, "{text}");
    let listed = text
        .split("Under \"other help\": 4 services\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no other-help section in\n{text}"));
    let lines: Vec<&str> = listed.lines().skip(1).map(str::trim).collect();
    assert_eq!(
        lines,
        [
            "1  (no taxonomy terms)",
            "1  AIRS: JR-1950 Fire Stations",
            "1  AIRS: PL-7400 Recreational/Leisure/Arts Instruction",
            "1  AIRS: XX-1234 Mystery Services",
            "1  AIRS: YB-9500 Youth",
            "1  AIRS: YS-5000.5000 Men",
            "1  AIRS: YT-2400 Gay/Lesbian/Bisexual/Transgender Individuals",
        ],
        "not only the unmapped term: every term of those services\n{text}"
    );

    // With the default directory's providers beside it (the guide and the
    // site name its national hotlines), the import builds.
    for entry in std::fs::read_dir(support::repo().join("data/providers")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, out.join(path.file_name().unwrap())).unwrap();
    }
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
    let t = &bundle.taxonomy;
    let code_of = |c: &str| t.service_types.iter().position(|s| s.code == c).unwrap() as u16;
    let only_y = bundle
        .directory
        .services
        .iter()
        .find(|s| s.id == "85")
        .expect("85 is in the bundle");
    assert_eq!(only_y.service_types, [code_of("other-help")]);
    assert_eq!(only_y.populations.len(), 2, "youth and lgbtq kept");
    assert!(bundle.directory.services.iter().all(|s| s.id != "87"));
}
