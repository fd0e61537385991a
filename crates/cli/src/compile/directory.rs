//! Organisations and their services, phones and locations.

use std::collections::HashSet;

use super::checks::{check_text, check_url, clean, is_web_url, NAME_MAX, TEXT_MAX};
use super::hours::compile_hours;
use super::Options;
use crate::load::Sources;
use crate::problem::Problems;
use crate::source::{LocationSource, PhoneSource, ServiceSource, SourceSource};
use waypoint_core::model::{
    Check, Date, Directory, Location, Organization, Phone, PhoneKind, Service, ServiceArea, Source,
};
use waypoint_core::taxonomy::Taxonomy;

pub(super) fn compile_directory(
    sources: &Sources,
    taxonomy: &Taxonomy,
    options: Options,
    problems: &mut Problems,
) -> Directory {
    let mut directory = Directory::default();
    let mut org_ids = HashSet::new();
    let mut service_ids = HashSet::new();
    // An unknown zone is reported with the site's settings.
    let default_zone = sources
        .site
        .as_ref()
        .and_then(|(_, site)| site.timezone.as_deref())
        .filter(|z| waypoint_core::hours::is_known_zone(z));
    for (file, provider) in &sources.providers {
        let org = &provider.organization;
        if org.id.trim().is_empty() {
            problems.error(file, "-", "organization.id", "missing");
        } else if !org_ids.insert(org.id.as_str()) {
            problems.error(
                file,
                &org.id,
                "organization.id",
                "used by another organisation",
            );
        }
        if org.name.trim().is_empty() {
            problems.error(file, &org.id, "organization.name", "missing");
        }
        if org.fictional && !options.allow_fictional {
            problems.error(
                file,
                &org.id,
                "organization.fictional",
                "generated data cannot be built as a real directory",
            );
        }
        check_url(
            problems,
            file,
            &org.id,
            "organization.website",
            org.website.as_deref(),
        );
        check_text(
            problems,
            file,
            &org.id,
            "organization.name",
            &org.name,
            NAME_MAX,
        );
        for (field, value) in [
            ("organization.alternate_name", &org.alternate_name),
            ("organization.description", &org.description),
        ] {
            if let Some(v) = value {
                check_text(problems, file, &org.id, field, v, TEXT_MAX);
            }
        }
        if provider.services.is_empty() {
            problems.warning(
                file,
                &org.id,
                "service",
                "organisation lists no services, so it cannot be found",
            );
        }
        let org_idx = directory.organizations.len() as u32;
        directory.organizations.push(Organization {
            id: org.id.clone(),
            name: org.name.trim().to_string(),
            alternate_name: clean(&org.alternate_name),
            description: clean(&org.description),
            website: org.website.clone(),
        });
        for s in &provider.services {
            let record = if s.id.trim().is_empty() {
                format!("{} (service without id)", org.id)
            } else {
                s.id.clone()
            };
            if s.id.trim().is_empty() {
                problems.error(file, &record, "id", "missing");
            } else if !service_ids.insert(s.id.clone()) {
                problems.error(file, &record, "id", "used by another service");
            }
            let source = s.source.as_ref().or(provider.source.as_ref());
            if let Some(service) = compile_service(
                file,
                &record,
                s,
                source,
                org_idx,
                org.fictional,
                default_zone,
                taxonomy,
                options,
                problems,
            ) {
                directory.services.push(service);
            }
        }
    }
    directory
}

#[allow(clippy::too_many_arguments)]
fn compile_service(
    file: &str,
    record: &str,
    s: &ServiceSource,
    source: Option<&SourceSource>,
    organization: u32,
    fictional: bool,
    default_zone: Option<&str>,
    taxonomy: &Taxonomy,
    options: Options,
    problems: &mut Problems,
) -> Option<Service> {
    let texts: [(&str, Option<&String>, usize); 9] = [
        ("name", Some(&s.name), NAME_MAX),
        ("description", s.description.as_ref(), TEXT_MAX),
        ("eligibility", s.eligibility.as_ref(), TEXT_MAX),
        ("how_to_get_help", s.how_to_get_help.as_ref(), TEXT_MAX),
        ("what_to_expect", s.what_to_expect.as_ref(), TEXT_MAX),
        ("fees", s.fees.as_ref(), TEXT_MAX),
        ("hours_note", s.hours_note.as_ref(), TEXT_MAX),
        ("email", s.email.as_ref(), NAME_MAX),
        (
            "source.note",
            source.and_then(|src| src.note.as_ref()),
            TEXT_MAX,
        ),
    ];
    for (field, value, max) in texts {
        if let Some(value) = value {
            check_text(problems, file, record, field, value, max);
        }
    }
    for (i, phone) in s.phones.iter().enumerate() {
        if let Some(note) = &phone.note {
            check_text(
                problems,
                file,
                record,
                &format!("phones[{i}].note"),
                note,
                NAME_MAX,
            );
        }
    }
    let mut p = |field: &str, message: String| problems.error(file, record, field, message);
    if s.name.trim().is_empty() {
        p("name", "missing".into());
    }
    let mut service_types = Vec::new();
    for code in &s.services {
        match taxonomy.service_type_id(code) {
            Some(id) => service_types.push(id),
            None => p("services", format!("unknown service code {code:?}")),
        }
    }
    if s.services.is_empty() {
        p("services", "expected at least one service code".into());
    }
    let mut populations = Vec::new();
    for code in &s.populations {
        match taxonomy.population_id(code) {
            Some(id) => populations.push(id),
            None => p("populations", format!("unknown population {code:?}")),
        }
    }
    for code in &s.languages {
        if !taxonomy.languages.contains(code) {
            p(
                "languages",
                format!("unknown language code {code:?}; add it to taxonomy.toml and the locales"),
            );
        }
    }
    let mut service_areas = Vec::new();
    for area in &s.areas {
        match ServiceArea::parse(area) {
            Some(a) if matches!(&a, ServiceArea::State(c) | ServiceArea::Local { state: c, .. } if taxonomy.state(c).is_none()) => {
                p("areas", format!("unknown state in {area:?}"))
            }
            Some(a) => service_areas.push(a),
            None => p(
                "areas",
                format!("expected \"US\", a state code or \"ST:Place\", found {area:?}"),
            ),
        }
    }
    let phones: Vec<Phone> = s
        .phones
        .iter()
        .enumerate()
        .filter_map(|(i, ph)| compile_phone(ph, i, &mut p))
        .collect();
    let locations: Vec<Location> = s
        .locations
        .iter()
        .enumerate()
        .filter_map(|(i, l)| compile_location(l, i, taxonomy, &mut p))
        .collect();
    let hours = compile_hours(s, &locations, &service_areas, default_zone, &mut p);
    if let (Some(min), Some(max)) = (s.minimum_age, s.maximum_age) {
        if min > max {
            p("minimum_age", format!("{min} is above maximum_age {max}"));
        }
    }
    for (field, url) in [("url", &s.url), ("chat_url", &s.chat_url)] {
        if let Some(u) = url {
            if !is_web_url(u) {
                p(
                    field,
                    format!("expected an http:// or https:// address, found {u:?}"),
                );
            }
        }
    }
    if let Some(email) = &s.email {
        if !email.contains('@') || email.contains(char::is_whitespace) {
            p("email", format!("not an email address: {email:?}"));
        }
    }
    let source = match source {
        Some(src) => src,
        None => {
            p(
                "source",
                "every service needs a source (on the service or the file)".into(),
            );
            return None;
        }
    };
    if source.name.trim().is_empty() {
        p("source.name", "missing".into());
    }
    if let Some(u) = &source.url {
        if !is_web_url(u) {
            p(
                "source.url",
                format!("expected an http:// or https:// address, found {u:?}"),
            );
        }
    }
    let check = match source.check.as_deref().map(|c| (c, Check::from_code(c))) {
        Some((_, Some(check))) => Some(check),
        Some((code, None)) => {
            p("source.check", format!("expected \"public-sources\", \"provider\", \"imported\" or \"exported\", found {code:?}"));
            None
        }
        None => {
            p("source.check", "say what kind of check last_verified records: \"public-sources\" (read on published pages), \"provider\" (confirmed with the provider), \"imported\" (another directory's records) or \"exported\" (the date another directory exported them)".into());
            None
        }
    };
    let last_verified = match Date::parse(&source.last_verified) {
        Some(d) if d > options.today => {
            p("source.last_verified", format!("{d} is in the future"));
            Some(d)
        }
        Some(d) => Some(d),
        // Only another directory's record may come undated: it is shown
        // as such and counted stale. Our own records always say when.
        None if source.last_verified.trim().is_empty() && check == Some(Check::Imported) => {
            problems.warning(
                file,
                record,
                "source.last_verified",
                "no date: shown as undated, and as possibly out of date",
            );
            None
        }
        None => {
            p(
                "source.last_verified",
                format!("expected YYYY-MM-DD, found {:?}", source.last_verified),
            );
            return None;
        }
    };
    let check = check?;
    if let Some(d) = last_verified.filter(|d| d.months_until(options.today) >= 12) {
        problems.warning(
            file,
            record,
            "source.last_verified",
            format!("{d} is over 12 months ago; please re-check"),
        );
    }
    let contactable =
        !phones.is_empty() || s.url.is_some() || s.chat_url.is_some() || s.email.is_some();
    if !contactable && s.how_to_get_help.is_none() {
        problems.warning(
            file,
            record,
            "phones",
            "no phone, website, chat, email or how_to_get_help: people cannot reach it",
        );
    }
    Some(Service {
        id: s.id.clone(),
        organization,
        name: s.name.trim().to_string(),
        description: clean(&s.description),
        // Filled in once the whole bundle is compiled (`site::add_synonyms`).
        synonyms: String::new(),
        service_types,
        populations,
        languages: s.languages.clone(),
        phones,
        chat_url: s.chat_url.clone(),
        url: s.url.clone(),
        email: s.email.clone(),
        locations,
        service_areas,
        hours,
        eligibility: clean(&s.eligibility),
        minimum_age: s.minimum_age,
        maximum_age: s.maximum_age,
        how_to_get_help: clean(&s.how_to_get_help),
        what_to_expect: clean(&s.what_to_expect),
        fees: clean(&s.fees),
        free: s.free,
        remote: s.remote,
        law_enforcement: s.law_enforcement,
        fictional,
        source: Source {
            name: source.name.clone(),
            url: source.url.clone(),
            note: clean(&source.note),
            check,
        },
        last_verified,
    })
}

fn compile_phone(ph: &PhoneSource, i: usize, p: &mut impl FnMut(&str, String)) -> Option<Phone> {
    let field = format!("phones[{i}]");
    let Some(kind) = PhoneKind::parse(&ph.kind) else {
        p(
            &format!("{field}.type"),
            format!(
                "expected voice, hotline, text, tty or fax, found {:?}",
                ph.kind
            ),
        );
        return None;
    };
    let phone = Phone {
        number: ph.number.trim().to_string(),
        kind,
        note: clean(&ph.note),
    };
    let digits = phone
        .dial()
        .split(',')
        .next()
        .unwrap_or_default()
        .trim_start_matches('+')
        .len();
    // 3 digits: 911, 988, 711; 5-6: SMS short codes; 10-11: US numbers;
    // up to 15: international (E.164).
    if !matches!(digits, 3 | 5 | 6 | 10..=15)
        || ph
            .number
            .chars()
            .any(|c| c.is_ascii_alphabetic() && c != 'x')
    {
        p(
            &format!("{field}.number"),
            format!("not a dialable number: {:?}", ph.number),
        );
        return None;
    }
    Some(phone)
}

fn compile_location(
    l: &LocationSource,
    i: usize,
    taxonomy: &Taxonomy,
    p: &mut impl FnMut(&str, String),
) -> Option<Location> {
    let field = format!("locations[{i}]");
    if let Some(state) = &l.state {
        if taxonomy.state(state).is_none() {
            p(
                &format!("{field}.state"),
                format!("unknown state code {state:?}"),
            );
        }
    }
    if let (Some(lat), Some(lon)) = (l.latitude, l.longitude) {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            p(
                &format!("{field}.latitude"),
                format!("({lat}, {lon}) is not on Earth"),
            );
        }
    }
    // A confidential address never reaches the browser: only the town does,
    // and coordinates rounded to 0.1 degree (about 7 miles), enough to sort
    // by distance ("about N miles") without pointing at the building.
    let private = l.confidential;
    Some(Location {
        name: clean(&l.name),
        street: if private { None } else { clean(&l.street) },
        city: clean(&l.city),
        state: l.state.clone(),
        postal_code: if private { None } else { clean(&l.postal_code) },
        latitude: if private {
            l.latitude.map(waypoint_core::geo::coarse)
        } else {
            l.latitude
        },
        longitude: if private {
            l.longitude.map(waypoint_core::geo::coarse)
        } else {
            l.longitude
        },
        confidential: private,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confidential_location_keeps_only_its_town_and_coarse_coordinates() {
        let taxonomy = Taxonomy::default();
        let source = LocationSource {
            name: Some("Safe house".into()),
            street: Some("1 Secret Ln".into()),
            city: Some("San Diego".into()),
            state: None,
            postal_code: Some("92101".into()),
            latitude: Some(32.71853),
            longitude: Some(-117.15931),
            confidential: true,
        };
        let mut problems = Vec::new();
        let l = compile_location(&source, 0, &taxonomy, &mut |f: &str, m: String| {
            problems.push(format!("{f}: {m}"))
        })
        .unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((l.street, l.postal_code), (None, None));
        assert_eq!(l.city.as_deref(), Some("San Diego"));
        // Rounded to 0.1 degree: about 7 miles, enough to sort by distance.
        assert_eq!((l.latitude, l.longitude), (Some(32.7), Some(-117.2)));
        assert!(l.confidential);

        let public = compile_location(
            &LocationSource {
                confidential: false,
                ..source
            },
            0,
            &taxonomy,
            &mut |_: &str, _: String| {},
        )
        .unwrap();
        assert_eq!(
            (public.latitude, public.longitude),
            (Some(32.71853), Some(-117.15931))
        );
        assert_eq!(public.street.as_deref(), Some("1 Secret Ln"));
    }
}
