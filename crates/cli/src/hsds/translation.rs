//! A record's text in another language, from that language's export
//! (`waypoint import EXPORT --translation es=OTHER`).
//!
//! HSDS 3.0 has no field for a translation of a record's text (its
//! `language` fields say what is spoken, or what language a taxonomy term
//! or table note is in). What 211s and coalitions with multilingual
//! listings publish instead is the same dataset once per language: the same
//! ids, the text in another language. So the other export is read and
//! converted exactly as the main one (the same readers, the same `convert`),
//! and only its text is taken, onto the records of the main export with
//! the same id: contact details, hours and every other fact stay the main
//! export's.
//!
//! The build wants a service's translation whole (`compile::record_text`):
//! its own text, its organisation's description, its source's note and its
//! phones' notes. So a service whose copy lacks one of these gets none, and
//! since an organisation's translation is part of every one of its services,
//! an organisation with a description is translated only with all of its
//! services. Whatever is not carried is counted by why, and named.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::Imported;
use crate::source::{PhoneSource, ProviderFile, RecordText, ServiceSource};

/// Why a record of the main export got no translation.
pub const PARTLY: &str = "partly translated";
pub const SAME_TEXT: &str = "the same text";
pub const MISSING: &str = "not in that export";
pub const ORGANIZATION: &str = "its organisation is not translated whole";

/// What one language's export gave: how many services it translated, the
/// ids of those it did not by why, and the ids of services only it has
/// (never added: a translation brings text, not records). Written to
/// `import-report.toml` under `[translations.<lang>]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    /// The other export, as given.
    pub input: String,
    pub translated: usize,
    #[serde(default)]
    pub left_out: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub only_there: Vec<String>,
}

impl Carried {
    /// "es: 2 services translated; 2 not (partly translated: 1, not in that
    /// export: 1); 1 only in the es export, not added".
    pub fn summary(&self, lang: &str) -> String {
        let not: usize = self.left_out.values().map(Vec::len).sum();
        let reasons = self
            .left_out
            .iter()
            .map(|(why, ids)| format!("{why}: {}", ids.len()))
            .collect::<Vec<_>>()
            .join(", ");
        let not = if not == 0 {
            "none left untranslated".to_string()
        } else {
            format!("{not} not ({reasons})")
        };
        let extra = match self.only_there.len() {
            0 => String::new(),
            n => format!("; {n} only in the {lang} export, not added"),
        };
        format!(
            "translations {lang}: {} services translated; {not}{extra}",
            self.translated
        )
    }
}

/// One record's fields as the other export has them, or the fields it
/// lacks. An optional field (an organisation's name) is kept only where it
/// reads differently: the same name is no translation.
fn copy<R: RecordText>(
    main: &R,
    other: Option<&R>,
) -> Result<BTreeMap<String, String>, Vec<&'static str>> {
    let Some(other) = other else {
        return match main.required() {
            lacks if lacks.is_empty() => Ok(BTreeMap::new()),
            lacks => Err(lacks),
        };
    };
    let mut fields = BTreeMap::new();
    let mut lacks = Vec::new();
    for &field in R::FIELDS {
        let Some(own) = main.text(field) else {
            continue;
        };
        match other.text(field) {
            Some(text) if R::OPTIONAL.contains(&field) && text == own => {}
            Some(text) => {
                fields.insert(field.to_string(), text.to_string());
            }
            None if R::OPTIONAL.contains(&field) => {}
            None => lacks.push(field),
        }
    }
    if lacks.is_empty() {
        Ok(fields)
    } else {
        Err(lacks)
    }
}

fn differs<R: RecordText>(main: &R, fields: &BTreeMap<String, String>) -> bool {
    fields
        .iter()
        .any(|(f, text)| main.text(f) != Some(text.as_str()))
}

/// A service's own translation: its text, its source's note and its
/// phones' notes (the phone with the same number in the other export).
struct ServiceCopy {
    service: BTreeMap<String, String>,
    source: BTreeMap<String, String>,
    phones: Vec<BTreeMap<String, String>>,
}

fn service_copy(main: &ServiceSource, other: &ServiceSource) -> Result<ServiceCopy, Vec<String>> {
    let mut lacks: Vec<String> = Vec::new();
    let service = copy(main, Some(other)).unwrap_or_else(|l| {
        lacks.extend(l.iter().map(|f| f.to_string()));
        BTreeMap::new()
    });
    let source = match &main.source {
        Some(src) => copy(src, other.source.as_ref()).unwrap_or_else(|_| {
            lacks.push("source note".into());
            BTreeMap::new()
        }),
        None => BTreeMap::new(),
    };
    let phones = main
        .phones
        .iter()
        .map(|p| {
            copy(p, same_phone(p, &other.phones)).unwrap_or_else(|_| {
                lacks.push(format!("note of phone {}", p.number));
                BTreeMap::new()
            })
        })
        .collect();
    if lacks.is_empty() {
        Ok(ServiceCopy {
            service,
            source,
            phones,
        })
    } else {
        Err(lacks)
    }
}

/// Phones have no id once imported (convert keeps each number once), so
/// the number is what matches them.
fn same_phone<'a>(phone: &PhoneSource, others: &'a [PhoneSource]) -> Option<&'a PhoneSource> {
    others
        .iter()
        .find(|o| o.number == phone.number && o.kind == phone.kind)
        .or_else(|| others.iter().find(|o| o.number == phone.number))
}

impl ServiceCopy {
    /// Whether any of the service's own text reads differently: a copy
    /// that says exactly what the main export says is untranslated there.
    fn differs(&self, main: &ServiceSource) -> bool {
        differs(main, &self.service)
            || main
                .source
                .as_ref()
                .is_some_and(|s| differs(s, &self.source))
            || main
                .phones
                .iter()
                .zip(&self.phones)
                .any(|(p, f)| differs(p, f))
    }

    fn write(self, lang: &str, into: &mut ServiceSource) {
        put(into, lang, self.service);
        if let Some(source) = &mut into.source {
            put(source, lang, self.source);
        }
        for (phone, fields) in into.phones.iter_mut().zip(self.phones) {
            put(phone, lang, fields);
        }
    }
}

fn put<R: RecordText>(record: &mut R, lang: &str, fields: BTreeMap<String, String>) {
    if !fields.is_empty() {
        record.translations_mut().insert(lang.to_string(), fields);
    }
}

/// Takes `lang`'s text from `other` onto `main`'s records with the same
/// ids, warning about each record left untranslated for a reason the
/// steward can act on (`label` names the other export in the warnings).
pub fn carry(
    main: &mut Imported,
    other: &Imported,
    lang: &str,
    label: &str,
    input: &str,
) -> Carried {
    let mut carried = Carried {
        input: input.to_string(),
        ..Carried::default()
    };
    let services: HashMap<&str, &ServiceSource> = other
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .map(|s| (s.id.as_str(), s))
        .collect();
    let organizations: HashMap<&str, &ProviderFile> = other
        .providers
        .iter()
        .map(|p| (p.organization.id.as_str(), p))
        .collect();
    let mut warnings: Vec<(String, String, String)> = Vec::new();
    let mut left_out = |why: &str, id: &str| {
        carried
            .left_out
            .entry(why.to_string())
            .or_default()
            .push(id.to_string());
    };
    for provider in &mut main.providers {
        let org = &provider.organization;
        let org_copy = copy(
            org,
            organizations.get(org.id.as_str()).map(|p| &p.organization),
        );
        if let Err(lacks) = &org_copy {
            if organizations.contains_key(org.id.as_str()) {
                warnings.push((org.id.clone(), lacks.join(", "), format!("the {lang} export's organisation has no {}; its services' {lang} text is not imported (a record is translated whole or not at all)", lacks.join(", "))));
            }
        }
        let mut copies: Vec<Option<ServiceCopy>> = Vec::new();
        for service in &provider.services {
            let Some(other) = services.get(service.id.as_str()) else {
                left_out(MISSING, &service.id);
                copies.push(None);
                continue;
            };
            match service_copy(service, other) {
                Ok(c) if c.differs(service) => copies.push(Some(c)),
                Ok(_) => {
                    left_out(SAME_TEXT, &service.id);
                    copies.push(None);
                }
                Err(lacks) => {
                    warnings.push((service.id.clone(), lacks.join(", "), format!("the {lang} export's copy has no {}; its {lang} text is not imported (a record is translated whole or not at all)", lacks.join(", "))));
                    left_out(PARTLY, &service.id);
                    copies.push(None);
                }
            }
        }
        // The organisation's text is part of each of its services', so it
        // is written only with all of them; and a service needs it
        // whenever the organisation has a description.
        let all = copies.iter().all(Option::is_some);
        let org_copy = org_copy.ok().filter(|_| all);
        let needs_org = !org.required().is_empty();
        if let Some(fields) = org_copy {
            put(&mut provider.organization, lang, fields);
        }
        for (service, copy) in provider.services.iter_mut().zip(copies) {
            let Some(copy) = copy else { continue };
            if needs_org && !provider.organization.translations.contains_key(lang) {
                warnings.push((service.id.clone(), "organization_id".into(), format!("its organisation {:?} has no whole {lang} text, or not all of its services do, and the organisation's description is part of each; its {lang} text is not imported", provider.organization.id)));
                left_out(ORGANIZATION, &service.id);
                continue;
            }
            copy.write(lang, service);
            carried.translated += 1;
        }
    }
    let main_ids: std::collections::HashSet<&str> = main
        .providers
        .iter()
        .flat_map(|p| &p.services)
        .map(|s| s.id.as_str())
        .collect();
    for p in &other.providers {
        for s in p
            .services
            .iter()
            .filter(|s| !main_ids.contains(s.id.as_str()))
        {
            warnings.push((s.id.clone(), "id".into(), format!("only in the {lang} export, not in the main one; not added (a translation brings text, not records)")));
            carried.only_there.push(s.id.clone());
        }
    }
    for (record, field, message) in warnings {
        main.problems.warning(label, &record, &field, message);
    }
    carried
}
