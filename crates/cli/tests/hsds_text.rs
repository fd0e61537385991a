//! Text a real 211 export cut or left dangling (found in a DC 211 export:
//! 797 of 1,637 descriptions stop at exactly 255 characters, mid-word, and
//! names end in " -"; fax numbers are described as "Fax"). Fixture:
//! tests/fixtures/hsds/cut-text.

mod support;

use waypoint_cli::hsds;
use waypoint_cli::problem::Problems;

#[test]
fn a_description_the_export_cut_mid_word_ends_at_a_whole_word_with_an_ellipsis() {
    let mut problems = Problems::default();
    let options = hsds::options(&support::repo().join("data"), None, None, &mut problems).unwrap();
    let i = hsds::import_path(
        &support::repo().join("tests/fixtures/hsds/cut-text"),
        &options,
    );
    let service = |id: &str| {
        i.providers
            .iter()
            .flat_map(|p| &p.services)
            .find(|s| s.id == id)
            .unwrap()
    };
    let cut = service("40").description.clone().unwrap();
    assert!(cut.ends_with("for residents who have…"), "{cut:?}");
    assert!(cut.chars().count() < 255);
    assert_eq!(
        service("40").name,
        "Maple Street shelter",
        "the dangling dash is gone"
    );
    assert_eq!(
        service("41").description.as_deref(),
        Some("A drop-in center with computers and a quiet room."),
        "whole text untouched"
    );
    let said = |field: &str, text: &str| {
        i.problems
            .list
            .iter()
            .any(|p| p.record == "row 2 (40)" && p.field == field && p.message.contains(text))
    };
    assert!(
        said("description", "the export cut it at 255 characters"),
        "{:#?}",
        i.problems.list
    );
    assert!(said("name", "dangling"), "{:#?}", i.problems.list);
    // A phone's note that only repeats its type ("Fax" on a fax) would
    // read "Fax 402-555-0162 Fax"; a note that says more stays.
    let notes: Vec<_> = service("40")
        .phones
        .iter()
        .map(|p| (p.kind.as_str(), p.note.as_deref()))
        .collect();
    assert_eq!(notes, [("voice", Some("Intake line")), ("fax", None)]);
    assert_eq!(
        service("41").phones[0].note,
        None,
        "\"Phone\" on a voice number"
    );
    // Cleaning again changes nothing (export then import relies on it).
    let again = waypoint_cli::hsds::normalise::clean_text(&cut, 4000).unwrap();
    assert_eq!(again.text, cut);
    assert_eq!(again.cut_by_export, None);
}

#[test]
fn an_exports_wait_time_and_required_documents_become_what_to_expect_when_calling() {
    let mut problems = Problems::default();
    let options = hsds::options(&support::repo().join("data"), None, None, &mut problems).unwrap();
    let i = hsds::import_path(
        &support::repo().join("tests/fixtures/hsds/cut-text"),
        &options,
    );
    let service = |id: &str| {
        i.providers
            .iter()
            .flat_map(|p| &p.services)
            .find(|s| s.id == id)
            .unwrap()
    };
    assert_eq!(
        service("41").what_to_expect.as_deref(),
        Some("Wait time: Same day for most people. Documents to bring: Photo ID if you have one.")
    );
    assert_eq!(
        service("40").what_to_expect,
        None,
        "a blank wait time says nothing"
    );
}
