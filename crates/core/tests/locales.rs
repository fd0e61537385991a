//! Every UI string exists in every language, and reads as a translation.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::locale::placeholders;

#[test]
fn spanish_has_every_english_key_with_the_same_placeholders() {
    let bundle = support::default_bundle();
    let en = bundle.locales.iter().find(|c| c.lang == "en").expect("English");
    let es = bundle.locales.iter().find(|c| c.lang == "es").expect("Spanish");
    let mut missing = Vec::new();
    let mut identical = 0;
    for (key, english) in en.entries() {
        match es.lookup(key) {
            None => missing.push(key.to_string()),
            Some(spanish) => {
                assert!(!spanish.trim().is_empty(), "{key} is empty in Spanish");
                assert_eq!(placeholders(english), placeholders(spanish), "{key}: placeholders differ");
                if spanish == english && english.chars().filter(|c| c.is_alphabetic()).count() > 12 {
                    identical += 1;
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing in Spanish: {missing:?}");
    assert!(en.keys().count() > 150, "the catalogue covers the UI and the taxonomy");
    assert!(identical < 5, "{identical} long strings are the same in both languages: untranslated?");
    assert_eq!(es.name, "Español");
}
