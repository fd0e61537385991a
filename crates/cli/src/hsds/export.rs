//! Waypoint's providers → an HSDS 3.0 JSON list of service records, each
//! with its organisation, phones, schedules, service areas, locations,
//! languages, Waypoint's codes as attributes, and where the facts came from.
//!
//! What HSDS has no field for travels in attributes of two taxonomies that
//! the importer reads back without any mapping: `waypoint` (service codes
//! and populations, which other systems can map too) and `waypoint-flags`
//! (free, remote, law-enforcement, chat-url, fictional, hotline,
//! confidential). Provenance (`source`) is in `metadata` entries whose
//! `field_name` starts with `waypoint:source.`. So export then import gives
//! the same directory, except what is never exported: a confidential
//! location's street, postal code and coordinates, and time zones (HSDS
//! schedules hold an offset, not a zone), and translations: HSDS has no
//! field for them, so another language travels as its own export of the
//! same records (`ProviderFile::in_language`, `waypoint export
//! --language`), which `import --translation` reads back.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::convert::{WAYPOINT_FLAGS, WAYPOINT_TAXONOMY};
use super::mapping::Vocabulary;
use crate::source::{LocationSource, PhoneSource, ProviderFile, ServiceSource, SourceSource};
use waypoint_core::model::{parse_clock, Date};

/// What the export needs besides the providers: state names for service
/// areas, and labels (`service.<code>`, `population.<code>`,
/// `language.<code>`) for readable taxonomy terms.
pub struct Export<'a> {
    pub vocabulary: &'a Vocabulary,
    pub labels: &'a HashMap<String, String>,
}

impl Export<'_> {
    pub fn services(&self, providers: &[ProviderFile]) -> Value {
        let list: Vec<Value> = providers
            .iter()
            .flat_map(|p| p.services.iter().map(move |s| self.service(p, s)))
            .collect();
        Value::Array(list)
    }

    fn service(&self, p: &ProviderFile, s: &ServiceSource) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), json!(s.id));
        o.insert("organization_id".into(), json!(p.organization.id));
        o.insert("name".into(), json!(s.name));
        put(&mut o, "description", &s.description);
        put(&mut o, "url", &s.url);
        put(&mut o, "email", &s.email);
        o.insert("status".into(), json!("active"));
        put(&mut o, "application_process", &s.how_to_get_help);
        put(&mut o, "fees_description", &s.fees);
        put(&mut o, "eligibility_description", &s.eligibility);
        if let Some(a) = s.minimum_age {
            o.insert("minimum_age".into(), json!(a));
        }
        if let Some(a) = s.maximum_age {
            o.insert("maximum_age".into(), json!(a));
        }
        let source = s.source.as_ref().or(p.source.as_ref());
        let verified = source.and_then(|src| Date::parse(&src.last_verified));
        // An export's date is not an assurance: it travels only as the
        // metadata's date, beside `waypoint:source.check = "exported"`.
        let exported = source.is_some_and(|src| src.check.as_deref() == Some("exported"));
        if let Some(d) = verified.filter(|_| !exported) {
            o.insert("assured_date".into(), json!(d.to_string()));
        }
        o.insert("organization".into(), self.organization(p));
        o.insert(
            "phones".into(),
            Value::Array(
                s.phones
                    .iter()
                    .enumerate()
                    .map(|(i, ph)| phone(&s.id, i, ph))
                    .collect(),
            ),
        );
        o.insert("schedules".into(), Value::Array(schedules(s)));
        o.insert(
            "service_areas".into(),
            Value::Array(s.areas.iter().map(|a| json!({"id": uuid(&[&s.id, "area", a]), "service_id": s.id, "name": self.area_name(a)})).collect()),
        );
        o.insert(
            "service_at_locations".into(),
            Value::Array(
                s.locations
                    .iter()
                    .enumerate()
                    .map(|(i, l)| location(&s.id, i, l))
                    .collect(),
            ),
        );
        o.insert(
            "languages".into(),
            Value::Array(
                s.languages
                    .iter()
                    .map(|code| {
                        let name = self.labels.get(&format!("language.{code}")).cloned().unwrap_or_else(|| code.clone());
                        json!({"id": uuid(&[&s.id, "language", code]), "service_id": s.id, "name": name, "code": code})
                    })
                    .collect(),
            ),
        );
        o.insert("attributes".into(), Value::Array(self.attributes(s)));
        if let Some(src) = source {
            // An undated record still says who published it; its metadata
            // is dated today (when this export was made) and marked
            // undated, so an import does not take that day for a check.
            let date = verified.unwrap_or_else(crate::clock::today);
            o.insert(
                "metadata".into(),
                Value::Array(metadata(&s.id, src, date, verified.is_none())),
            );
        }
        Value::Object(o)
    }

    fn organization(&self, p: &ProviderFile) -> Value {
        let org = &p.organization;
        let mut o = Map::new();
        o.insert("id".into(), json!(org.id));
        o.insert("name".into(), json!(org.name));
        put(&mut o, "alternate_name", &org.alternate_name);
        // Required by HSDS; Waypoint allows an organisation without one.
        o.insert(
            "description".into(),
            json!(org.description.clone().unwrap_or_default()),
        );
        put(&mut o, "website", &org.website);
        if org.fictional {
            o.insert(
                "attributes".into(),
                json!([flag(&org.id, "organization", "fictional", None)]),
            );
        }
        Value::Object(o)
    }

    fn area_name(&self, area: &str) -> String {
        let state_name = |code: &str| {
            self.vocabulary
                .states
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, n)| n.clone())
        };
        match area.split_once(':') {
            _ if area == "US" => "United States".into(),
            Some((state, place)) => format!("{place}, {state}"),
            None => state_name(area).unwrap_or_else(|| area.to_string()),
        }
    }

    fn attributes(&self, s: &ServiceSource) -> Vec<Value> {
        let mut list = Vec::new();
        for (kind, codes) in [("service", &s.services), ("population", &s.populations)] {
            for code in codes {
                let label = self
                    .labels
                    .get(&format!("{kind}.{code}"))
                    .cloned()
                    .unwrap_or_else(|| code.clone());
                let description = if kind == "service" {
                    "A Waypoint service type"
                } else {
                    "A population Waypoint serves"
                };
                list.push(attribute(
                    &s.id,
                    "service",
                    kind,
                    term(WAYPOINT_TAXONOMY, code, &label, description),
                    None,
                ));
            }
        }
        for (on, code) in [
            (s.free, "free"),
            (s.remote, "remote"),
            (s.law_enforcement, "law-enforcement"),
        ] {
            if on {
                list.push(flag(&s.id, "service", code, None));
            }
        }
        if let Some(chat) = &s.chat_url {
            list.push(flag(&s.id, "service", "chat-url", Some(chat)));
        }
        list
    }
}

fn put(o: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        o.insert(key.into(), json!(v));
    }
}

fn phone(service: &str, i: usize, ph: &PhoneSource) -> Value {
    let (number, extension) = match ph.number.split_once(" x") {
        Some((n, e)) if !e.is_empty() && e.chars().all(|c| c.is_ascii_digit()) => {
            (n.trim(), e.parse::<u64>().ok())
        }
        _ => (ph.number.trim(), None),
    };
    let kind = match ph.kind.as_str() {
        "tty" => "textphone",
        "hotline" => "voice",
        other => other,
    };
    let id = uuid(&[service, "phone", &i.to_string()]);
    let mut o = Map::new();
    o.insert("id".into(), json!(id));
    o.insert("service_id".into(), json!(service));
    o.insert("number".into(), json!(number));
    if let Some(e) = extension {
        o.insert("extension".into(), json!(e));
    }
    o.insert("type".into(), json!(kind));
    put(&mut o, "description", &ph.note);
    if ph.kind == "hotline" {
        o.insert(
            "attributes".into(),
            json!([flag(&id, "phone", "hotline", None)]),
        );
    }
    Value::Object(o)
}

fn time(hhmm: &str) -> String {
    // 24:00 (end of day) is not an RFC 3339 time; HSDS writes 23:59.
    match parse_clock(hhmm) {
        Some(1440) => "23:59:00".into(),
        Some(m) => format!("{:02}:{:02}:00", m / 60, m % 60),
        None => hhmm.to_string(),
    }
}

fn schedules(s: &ServiceSource) -> Vec<Value> {
    let mut list = Vec::new();
    let weekly = |i: usize, byday: &str, opens: &str, closes: &str| {
        json!({
            "id": uuid(&[&s.id, "schedule", &i.to_string()]),
            "service_id": s.id,
            "freq": "WEEKLY",
            "byday": byday,
            "opens_at": time(opens),
            "closes_at": time(closes),
        })
    };
    if s.open_24_7 {
        list.push(weekly(0, "MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"));
    }
    for (i, h) in s.hours.iter().enumerate() {
        let days = crate::compile::parse_days(&h.days).unwrap_or_default();
        list.push(weekly(
            i + 1,
            &super::normalise::rrule_days(&days),
            &h.opens,
            &h.closes,
        ));
    }
    if let Some(note) = &s.hours_note {
        list.push(json!({"id": uuid(&[&s.id, "schedule", "note"]), "service_id": s.id, "description": note}));
    }
    list
}

/// A confidential location keeps its name, city and state only: its
/// street, postal code and coordinates are never exported.
fn location(service: &str, i: usize, l: &LocationSource) -> Value {
    let id = uuid(&[service, "location", &i.to_string()]);
    let private = l.confidential;
    let mut loc = Map::new();
    loc.insert("id".into(), json!(id));
    loc.insert("location_type".into(), json!("physical"));
    put(&mut loc, "name", &l.name);
    if !private {
        if let (Some(lat), Some(lon)) = (l.latitude, l.longitude) {
            loc.insert("latitude".into(), degrees(lat));
            loc.insert("longitude".into(), degrees(lon));
        }
    }
    let street = if private { None } else { l.street.clone() };
    let postal = if private { None } else { l.postal_code.clone() };
    if street.is_some() || postal.is_some() || l.city.is_some() || l.state.is_some() {
        // HSDS requires every address field; Waypoint leaves unknown ones out.
        loc.insert(
            "addresses".into(),
            json!([{
                "id": uuid(&[service, "address", &i.to_string()]),
                "location_id": id,
                "address_1": street.unwrap_or_default(),
                "city": l.city.clone().unwrap_or_default(),
                "state_province": l.state.clone().unwrap_or_default(),
                "postal_code": postal.unwrap_or_default(),
                "country": "US",
                "address_type": "physical",
            }]),
        );
    }
    if private {
        loc.insert(
            "attributes".into(),
            json!([flag(&id, "location", "confidential", None)]),
        );
    }
    json!({
        "id": uuid(&[service, "service_at_location", &i.to_string()]),
        "service_id": service,
        "location_id": id,
        "location": Value::Object(loc),
    })
}

/// The shortest decimal that reads back as the same `f32`.
fn degrees(v: f32) -> Value {
    v.to_string()
        .parse::<f64>()
        .map(|f| json!(f))
        .unwrap_or(Value::Null)
}

fn term(taxonomy: &str, code: &str, name: &str, description: &str) -> Value {
    let detail = if taxonomy == WAYPOINT_TAXONOMY {
        "Waypoint's service types and populations (data/taxonomy.toml)"
    } else {
        "Facts Waypoint records that HSDS has no field for"
    };
    json!({
        "id": uuid(&["term", taxonomy, code]),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": taxonomy,
        "taxonomy_detail": {"id": uuid(&["taxonomy", taxonomy]), "name": taxonomy, "description": detail},
    })
}

fn attribute(link: &str, entity: &str, link_type: &str, term: Value, value: Option<&str>) -> Value {
    let term_id = term["id"].clone();
    let code = term["code"].as_str().unwrap_or_default().to_string();
    let mut o = json!({
        "id": uuid(&[link, "attribute", &code]),
        "link_id": link,
        "link_type": link_type,
        "link_entity": entity,
        "taxonomy_term_id": term_id,
        "taxonomy_term": term,
    });
    if let Some(v) = value {
        o["value"] = json!(v);
    }
    o
}

fn flag(link: &str, entity: &str, code: &str, value: Option<&str>) -> Value {
    attribute(
        link,
        entity,
        "flag",
        term(WAYPOINT_FLAGS, code, code, "A Waypoint flag"),
        value,
    )
}

fn metadata(service: &str, source: &SourceSource, date: Date, undated: bool) -> Vec<Value> {
    let yes = "true".to_string();
    let fields = [
        ("name", Some(&source.name)),
        ("url", source.url.as_ref()),
        ("note", source.note.as_ref()),
        ("check", source.check.as_ref()),
        ("undated", undated.then_some(&yes)),
    ];
    fields
        .into_iter()
        .filter_map(|(field, value)| value.map(|v| (field, v)))
        .map(|(field, value)| {
            json!({
                "id": uuid(&[service, "metadata", field]),
                "resource_id": service,
                "resource_type": "service",
                "last_action_date": date.to_string(),
                "last_action_type": "verified",
                "field_name": format!("waypoint:source.{field}"),
                "previous_value": "",
                "replacement_value": value,
                "updated_by": source.name,
            })
        })
        .collect()
}

/// A stable UUID-shaped id (version 8, RFC 9562) from the parts: the same
/// record always exports with the same ids, so diffs between exports show
/// only real changes.
pub fn uuid(parts: &[&str]) -> String {
    let hash = |seed: u64| {
        let mut h = seed;
        for p in parts {
            for b in p.bytes().chain([0xff]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01B3);
            }
        }
        h
    };
    let (a, b) = (hash(0xcbf2_9ce4_8422_2325), hash(0x8422_2325_cbf2_9ce4));
    let a = (a & !0xF000) | 0x8000; // version 8
    let b = (b & !(0xC000 << 48)) | (0x8000 << 48); // RFC variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_uuid_shaped() {
        let a = uuid(&["svc", "phone", "0"]);
        assert_eq!(a, uuid(&["svc", "phone", "0"]));
        assert_ne!(a, uuid(&["svc", "phone", "1"]));
        assert_ne!(uuid(&["ab", "c"]), uuid(&["a", "bc"]));
        let parts: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
        assert_eq!(&a[14..15], "8");
    }

    #[test]
    fn end_of_day_is_written_as_hsds_writes_it() {
        assert_eq!(time("24:00"), "23:59:00");
        assert_eq!(time("09:30"), "09:30:00");
    }
}
