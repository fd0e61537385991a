//! The synonym table (`data/locales/<lang>/synonyms.toml`) as `waypoint
//! validate` checks it. What search does with it: crates/core/tests/ranking.rs.

mod support;

use std::path::Path;
use std::process::Command;

fn validate(data: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_waypoint"))
        .args(["validate", "--data", data.to_str().unwrap()])
        .env("WAYPOINT_TODAY", "2026-11-28")
        .output()
        .expect("runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

fn append(data: &Path, lang: &str, text: &str) {
    let file = data.join(format!("locales/{lang}/synonyms.toml"));
    let mut all = std::fs::read_to_string(&file).unwrap();
    all.push_str(text);
    std::fs::write(file, all).unwrap();
}

#[test]
fn the_default_table_is_no_catalogue_and_has_no_problem() {
    // English and Spanish have different groups; neither is a missing
    // translation of the other.
    let data = support::repo().join("data");
    let (code, out) = validate(&data);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("synonyms")
            && !out.contains("missing in")
            && !out.contains("not in the default language"),
        "{out}"
    );
}

#[test]
fn a_malformed_synonym_file_is_reported_with_its_line() {
    let data = support::scratch_data("synonyms-syntax");
    let lines = std::fs::read_to_string(data.join("locales/en/synonyms.toml"))
        .unwrap()
        .lines()
        .count();
    append(&data, "en", "\n[broken]\nopen = \"food stamps, SNAP\n");
    let (code, out) = validate(&data);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("locales/en/synonyms.toml: -: line {}", lines + 3)),
        "{out}"
    );
}

#[test]
fn a_group_needs_two_different_members_each_with_a_letter() {
    let data = support::scratch_data("synonyms-groups");
    append(&data, "en", "\n[test]\nalone = \"shelter\"\ntwice = \"Lawyer, lawyer\"\ngap = \"food stamps, , SNAP\"\nmarks = \"ID, --\"\n");
    let (code, out) = validate(&data);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "synonyms.toml: test.alone: group: a group needs at least two words or phrases",
        "synonyms.toml: test.twice: group: a group needs at least two words or phrases",
        "synonyms.toml: test.gap: group: an empty word or phrase",
        "synonyms.toml: test.marks: group: \"--\" has no letter or digit",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn a_group_named_in_two_languages_is_one_group() {
    let data = support::scratch_data("synonyms-languages");
    append(&data, "en", "\n[test]\nalone = \"alone, by myself\"\n");
    append(&data, "es", "\n[test]\nalone = \"sola\"\n");
    let (code, out) = validate(&data);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("synonyms"), "{out}");
}

#[test]
fn a_member_in_two_groups_is_a_warning() {
    let data = support::scratch_data("synonyms-overlap");
    append(
        &data,
        "en",
        "\n[test]\nhelp = \"legal aid, free legal help\"\n",
    );
    let (code, out) = validate(&data);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "synonyms.toml: test.help: group: \"legal aid\" is also in the group \"legal.lawyer\""
        ),
        "{out}"
    );
}
