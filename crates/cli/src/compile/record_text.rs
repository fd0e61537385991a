//! A record's text in other languages: the provider file's `translations`
//! tables, checked and turned into catalogue entries
//! (`record.<service id>.<field>`), which the browser fetches with the
//! rest of that language's strings, never in the first download.

use std::collections::HashMap;

use crate::load::Sources;
use crate::problem::Problems;
use crate::source::Translations;
use waypoint_core::locale::record_key;

/// The fields a service's translation may have.
pub const SERVICE_FIELDS: [&str; 7] = [
    "name",
    "description",
    "how_to_get_help",
    "what_to_expect",
    "eligibility",
    "fees",
    "hours_note",
];

/// Per language, the entries to add to its catalogue.
pub(super) fn record_texts(
    sources: &Sources,
    languages: &[String],
    default: &str,
    problems: &mut Problems,
) -> HashMap<String, Vec<(String, String)>> {
    let mut out: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (file, provider) in &sources.providers {
        let org = &provider.organization;
        for service in &provider.services {
            let mut check = |translations: &Translations,
                             original: &dyn Fn(&str) -> Option<String>,
                             allowed: &[&str],
                             key: &dyn Fn(&str) -> String| {
                for (lang, fields) in translations {
                    if lang == default || !languages.contains(lang) {
                        let why = if lang == default {
                            "is the default language; the record's own text is in it"
                        } else {
                            "has no folder in locales/"
                        };
                        problems.error(
                            file,
                            &service.id,
                            "translations",
                            format!("{lang:?} {why}"),
                        );
                        continue;
                    }
                    for (field, text) in fields {
                        if !allowed.contains(&field.as_str()) {
                            problems.error(file, &service.id, "translations", format!("{lang}.{field}: not a translatable field (expected one of {allowed:?})"));
                        } else if original(field).is_none() {
                            // A translation says only what the record says.
                            problems.error(
                                file,
                                &service.id,
                                "translations",
                                format!("{lang}.{field}: the record has no {field} to translate"),
                            );
                        } else if text.trim().is_empty() {
                            problems.error(
                                file,
                                &service.id,
                                "translations",
                                format!("{lang}.{field}: empty"),
                            );
                        } else {
                            out.entry(lang.clone())
                                .or_default()
                                .push((key(field), text.trim().to_string()));
                        }
                    }
                }
            };
            let id = &service.id;
            let own = |field: &str| -> Option<String> {
                match field {
                    "name" => Some(service.name.clone()),
                    "description" => service.description.clone(),
                    "how_to_get_help" => service.how_to_get_help.clone(),
                    "what_to_expect" => service.what_to_expect.clone(),
                    "eligibility" => service.eligibility.clone(),
                    "fees" => service.fees.clone(),
                    "hours_note" => service.hours_note.clone(),
                    _ => None,
                }
            };
            check(&service.translations, &own, &SERVICE_FIELDS, &|f| {
                record_key(id, f)
            });
            let org_field = |field: &str| match field {
                "name" => Some(org.name.clone()),
                "description" => org.description.clone(),
                _ => None,
            };
            check(
                &org.translations,
                &org_field,
                &["name", "description"],
                &|f| record_key(id, &format!("org_{f}")),
            );
            if let Some(source) = service.source.as_ref().or(provider.source.as_ref()) {
                check(
                    &source.translations,
                    &|f| (f == "note").then(|| source.note.clone()).flatten(),
                    &["note"],
                    &|_| record_key(id, "source_note"),
                );
            }
            for (n, phone) in service.phones.iter().enumerate() {
                check(
                    &phone.translations,
                    &|f| (f == "note").then(|| phone.note.clone()).flatten(),
                    &["note"],
                    &|_| record_key(id, &format!("phone.{n}")),
                );
            }
            // Whole or not at all: the page marks a record "in English"
            // as a whole, so a half-translated one would mislabel the rest.
            let mut expected: Vec<String> = SERVICE_FIELDS
                .iter()
                .filter(|f| own(f).is_some())
                .map(|f| record_key(id, f))
                .collect();
            // (An organisation's name is often a proper name: optional.)
            expected.extend(
                org.description
                    .as_ref()
                    .map(|_| record_key(id, "org_description")),
            );
            expected.extend(
                service
                    .source
                    .as_ref()
                    .or(provider.source.as_ref())
                    .and_then(|s| s.note.as_ref())
                    .map(|_| record_key(id, "source_note")),
            );
            expected.extend(
                service
                    .phones
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.note.is_some())
                    .map(|(n, _)| record_key(id, &format!("phone.{n}"))),
            );
            let prefix = record_key(id, "");
            for (lang, entries) in &out {
                let have: Vec<&String> = entries
                    .iter()
                    .map(|(k, _)| k)
                    .filter(|k| k.starts_with(&prefix))
                    .collect();
                if have.is_empty() {
                    continue;
                }
                for key in expected.iter().filter(|k| !have.contains(k)) {
                    let field = &key[prefix.len()..];
                    problems.error(file, id, "translations", format!("{lang}: {field} is not translated; a record is translated whole or not at all"));
                }
            }
        }
    }
    out
}
