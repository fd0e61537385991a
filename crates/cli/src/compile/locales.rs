//! The UI and taxonomy strings of every language.

use std::collections::HashMap;

use super::synonyms::is_synonym_entry;
use crate::load::{LocaleSource, Sources};
use crate::problem::Problems;
use waypoint_core::locale::{placeholders, Catalog};
use waypoint_core::taxonomy::{label_key, Taxonomy};

/// Keys each language states for itself: its direction, whether a native
/// speaker has reviewed it, and the lines written in it about itself.
const OWN_META: [&str; 4] = [
    "meta.dir",
    "meta.reviewed",
    "meta.review_note",
    "meta.offer",
];

/// Every language must have every key of the default language, with the
/// same placeholders; the default language must label every taxonomy code.
pub(super) fn compile_locales<'a>(
    sources: &'a Sources,
    default: &str,
    taxonomy: &Taxonomy,
    problems: &mut Problems,
) -> Vec<Catalog> {
    let Some(base) = sources.locales.iter().find(|l| l.lang == default) else {
        problems.error(
            "locales",
            default,
            "-",
            "no folder for the default language",
        );
        return Vec::new();
    };
    // The synonym table is not a catalogue: each language has its own.
    let strings = |l: &'a LocaleSource| {
        l.entries
            .iter()
            .filter(|(_, _, file)| !is_synonym_entry(file))
    };
    let base_map: HashMap<&str, &str> = strings(base)
        .map(|(k, v, _)| (k.as_str(), v.as_str()))
        .collect();
    let mut required: Vec<String> = vec!["meta.name".into(), "area.nationwide".into()];
    required.extend(taxonomy.domains.iter().map(|c| label_key::domain(c)));
    required.extend(
        taxonomy
            .service_types
            .iter()
            .map(|s| label_key::service_type(&s.code)),
    );
    required.extend(
        taxonomy
            .populations
            .iter()
            .map(|c| label_key::population(c)),
    );
    required.extend(taxonomy.languages.iter().map(|c| label_key::language(c)));
    for key in &required {
        if !base_map.contains_key(key.as_str()) {
            problems.error(
                &format!("locales/{default}"),
                key,
                "label",
                "missing in the default language",
            );
        }
    }
    let mut catalogs = Vec::new();
    for locale in &sources.locales {
        let folder = format!("locales/{}", locale.lang);
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (key, value, file) in strings(locale) {
            if seen.insert(key, file).is_some() {
                problems.error(file, key, "key", "defined twice");
            }
            if value.trim().is_empty() {
                problems.error(file, key, "value", "empty string");
            }
            // A language's own facts: not translations of the default's.
            if OWN_META.contains(&key.as_str()) {
                let allowed: &[&str] = match key.as_str() {
                    "meta.dir" => &["ltr", "rtl"],
                    "meta.reviewed" => &["true", "false"],
                    _ => &[],
                };
                if !allowed.is_empty() && !allowed.contains(&value.as_str()) {
                    problems.error(
                        file,
                        key,
                        "value",
                        format!("expected one of {allowed:?}, found {value:?}"),
                    );
                }
                continue;
            }
            match base_map.get(key.as_str()) {
                None if locale.lang != default => problems.warning(
                    file,
                    key,
                    "key",
                    format!("not in the default language ({default}); unused"),
                ),
                Some(base_value) if placeholders(base_value) != placeholders(value) => problems
                    .error(
                        file,
                        key,
                        "placeholders",
                        format!(
                            "expected {:?}, found {:?}",
                            placeholders(base_value),
                            placeholders(value)
                        ),
                    ),
                _ => {}
            }
        }
        if locale.lang != default && seen.get("meta.reviewed").is_none() {
            problems.warning(&folder, "meta.reviewed", "review", "no review status: say `reviewed = false` with a `review_note` until a native speaker has reviewed it");
        }
        if seen.contains_key("meta.reviewed")
            && !seen.contains_key("meta.review_note")
            && strings(locale).any(|(k, v, _)| k == "meta.reviewed" && v == "false")
        {
            problems.error(
                &folder,
                "meta.review_note",
                "review",
                "an unreviewed language needs a one-line review_note in that language",
            );
        }
        for key in base_map.keys().filter(|k| !OWN_META.contains(k)) {
            if !seen.contains_key(key) {
                problems.error(
                    &folder,
                    key,
                    "translation",
                    format!("missing in {}", locale.lang),
                );
            }
        }
        let name = strings(locale)
            .find(|(k, _, _)| k == "meta.name")
            .map(|(_, v, _)| v.clone());
        let entries = strings(locale)
            .map(|(k, v, _)| (k.clone(), v.clone()))
            .collect();
        catalogs.push(Catalog::new(
            locale.lang.clone(),
            name.unwrap_or_else(|| locale.lang.clone()),
            entries,
        ));
    }
    // The default language first, so it is the fallback everywhere.
    catalogs.sort_by_key(|c| c.lang != default);
    catalogs
}
