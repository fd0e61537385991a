//! A record's text in other languages: the provider file's `translations`
//! tables, checked and turned into catalogue entries
//! (`record.<service id>.<field>`), which the browser fetches with the
//! rest of that language's strings, never in the first download.

use std::collections::HashMap;

use crate::load::Sources;
use crate::problem::Problems;
use crate::source::{OrganizationSource, PhoneSource, RecordText, ServiceSource, SourceSource};
use waypoint_core::locale::record_key;

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
            let id = &service.id;
            let mut check = Check {
                file,
                id,
                languages,
                default,
                problems: &mut *problems,
                out: &mut out,
            };
            check.record(service, &|f| record_key(id, f));
            check.record(org, &|f| record_key(id, &format!("org_{f}")));
            let source = service.source.as_ref().or(provider.source.as_ref());
            if let Some(source) = source {
                check.record(source, &|_| record_key(id, "source_note"));
            }
            for (n, phone) in service.phones.iter().enumerate() {
                check.record(phone, &|_| record_key(id, &format!("phone.{n}")));
            }
            // Whole or not at all: the page marks a record "in English"
            // as a whole, so a half-translated one would mislabel the rest.
            let expected = whole(service, org, source, &service.phones);
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

/// The catalogue keys a whole translation of a service has: its own text,
/// its organisation's (less the name, often a proper name), its source's
/// note and its phones' notes, wherever the record has them.
fn whole(
    service: &ServiceSource,
    org: &OrganizationSource,
    source: Option<&SourceSource>,
    phones: &[PhoneSource],
) -> Vec<String> {
    let id = &service.id;
    let mut keys: Vec<String> = service.required().iter().map(|f| record_key(id, f)).collect();
    keys.extend(org.required().iter().map(|f| record_key(id, &format!("org_{f}"))));
    keys.extend(source.filter(|s| !s.required().is_empty()).map(|_| record_key(id, "source_note")));
    keys.extend(
        phones
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.required().is_empty())
            .map(|(n, _)| record_key(id, &format!("phone.{n}"))),
    );
    keys
}

/// Checks one record's translations against the record, adding each
/// translated field to its language's entries under `key(field)`.
struct Check<'a> {
    file: &'a str,
    id: &'a str,
    languages: &'a [String],
    default: &'a str,
    problems: &'a mut Problems,
    out: &'a mut HashMap<String, Vec<(String, String)>>,
}

impl Check<'_> {
    fn record<R: RecordText>(&mut self, record: &R, key: &dyn Fn(&str) -> String) {
        let (file, id) = (self.file, self.id);
        for (lang, fields) in record.translations() {
            if lang == self.default || !self.languages.contains(lang) {
                let why = if lang == self.default {
                    "is the default language; the record's own text is in it"
                } else {
                    "has no folder in locales/"
                };
                self.problems
                    .error(file, id, "translations", format!("{lang:?} {why}"));
                continue;
            }
            for (field, text) in fields {
                if !R::FIELDS.contains(&field.as_str()) {
                    self.problems.error(file, id, "translations", format!("{lang}.{field}: not a translatable field (expected one of {:?})", R::FIELDS));
                } else if record.text(field).is_none() {
                    // A translation says only what the record says.
                    self.problems.error(
                        file,
                        id,
                        "translations",
                        format!("{lang}.{field}: the record has no {field} to translate"),
                    );
                } else if text.trim().is_empty() {
                    self.problems
                        .error(file, id, "translations", format!("{lang}.{field}: empty"));
                } else {
                    self.out
                        .entry(lang.clone())
                        .or_default()
                        .push((key(field), text.trim().to_string()));
                }
            }
        }
    }
}
