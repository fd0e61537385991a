//! A referral as plain text: what an advocate reads out on a call, pastes
//! into a text message or a case note, or prints for someone to take away.
//!
//! Only facts from the record go in, each on its own labelled line, so the
//! text reads well aloud and survives any messaging app. A confidential
//! address is never written out, only its city; the last-verified date is
//! always there, so whoever receives it knows how fresh it is.

use crate::geo::{Place, Reach};
use crate::locale::Strings;
use crate::model::{Check, PhoneKind, Service};
use crate::site::Site;
use crate::taxonomy::label_key;

/// One service's referral. `place` adds how far it is from the caller.
pub fn referral<'a>(
    site: &'a Site,
    service: &'a Service,
    strings: &Strings<'a>,
    place: Option<&Place>,
) -> String {
    let org = site.organization(service);
    let t = &site.bundle.taxonomy;
    let mut lines: Vec<String> = Vec::new();
    let mut line = |key: &str, value: &str| {
        if !value.trim().is_empty() {
            lines.push(format!("{}: {}", strings.get(key), value.trim()));
        }
    };
    // The record's own words in the reader's language where it has them,
    // as on the page: a referral read out in Spanish is Spanish throughout.
    let text = |field: &str, original: &'a str| strings.record(&service.id, field, original);
    let (name, org_name) = (text("name", &service.name), text("org_name", &org.name));
    let title = if org_name == name || name.contains(org_name) {
        name.to_string()
    } else {
        format!("{name} ({org_name})")
    };
    let offers: Vec<String> = service
        .service_types
        .iter()
        .map(|&i| strings.label(&label_key::service_type(&t.service_types[i as usize].code)))
        .collect();
    line("referral.offers", &offers.join(", "));
    // Who it is for and in which languages: what a caller asks first.
    let serves: Vec<String> = service
        .populations
        .iter()
        .map(|&p| strings.label(&label_key::population(&t.populations[p as usize])))
        .collect();
    line("detail.serves", &serves.join(", "));
    let languages: Vec<String> = service
        .languages
        .iter()
        .map(|l| strings.label(&label_key::language(l)))
        .collect();
    line("detail.languages", &languages.join(", "));
    for phone in &strings.phones(service) {
        let key = match phone.kind {
            PhoneKind::Text => "referral.text",
            PhoneKind::Tty => "referral.tty",
            PhoneKind::Fax => continue,
            PhoneKind::Voice | PhoneKind::Hotline => "referral.call",
        };
        let note = phone
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        line(key, &format!("{}{note}", phone.number));
    }
    if let Some(url) = service.url.as_ref().or(org.website.as_ref()) {
        line("referral.website", url);
    }
    for l in &service.locations {
        let city_state = [l.city.as_deref(), l.state.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        if l.confidential {
            line(
                "referral.address",
                &strings.format("referral.address_private", &[("place", &city_state)]),
            );
        } else {
            let street = [l.street.as_deref(), l.city.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let state_zip = [l.state.as_deref(), l.postal_code.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            line(
                "referral.address",
                &[street, state_zip]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
    }
    if let Some(place) = place {
        if let Some(reach) = crate::geo::reach(service, place, None) {
            line(
                "referral.distance",
                &distance_text(reach, service, place, strings, t),
            );
        }
    }
    let hours = crate::hours::weekly_summary(&service.hours, strings);
    line("referral.hours", &hours.join("; "));
    if let Some(note) = &service.hours.note {
        line("referral.hours_note", text("hours_note", note));
    }
    if let Some(how) = &service.how_to_get_help {
        line("referral.how", text("how_to_get_help", how));
    }
    if let Some(expect) = &service.what_to_expect {
        line("detail.what_to_expect", text("what_to_expect", expect));
    }
    match (service.last_verified, service.source.check) {
        (Some(date), Check::PublicSources | Check::Provider) => line(
            "referral.verified",
            &strings.format(
                "referral.verified_value",
                &[
                    ("date", &strings.date(date)),
                    ("source", &service.source.name),
                ],
            ),
        ),
        // Another directory's date, an export's date or none: the words
        // say which, as on the page.
        _ => line("referral.record", &strings.verified(service)),
    }
    std::iter::once(title)
        .chain(lines)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Several referrals, one after another, for a case note or a sheet.
pub fn referral_sheet(
    site: &Site,
    services: &[u32],
    strings: &Strings,
    place: Option<&Place>,
) -> String {
    services
        .iter()
        .map(|&r| referral(site, site.service(r), strings, place))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// "3.2 mi from 92101 San Diego, CA", "About 4 mi from …" (a confidential
/// address is placed only roughly), "Serves all of California".
pub fn distance_text(
    reach: Reach,
    service: &Service,
    place: &Place,
    strings: &Strings,
    taxonomy: &crate::taxonomy::Taxonomy,
) -> String {
    let from = &place.label;
    match reach {
        Reach::Distance(miles) => {
            let rough = service.locations.iter().all(|l| l.confidential);
            // Tenths by integer arithmetic: float formatting would add
            // about 10 KB to the wasm.
            let tenths = (miles * 10.0 + 0.5) as u32;
            let miles = if rough {
                ((tenths + 5) / 10).max(1).to_string()
            } else {
                format!("{}.{}", tenths / 10, tenths % 10)
            };
            strings.format(
                if rough {
                    "near.about_miles"
                } else {
                    "near.miles"
                },
                &[("miles", &miles), ("place", from)],
            )
        }
        Reach::Area(kind) => {
            let state = taxonomy
                .state(&place.state)
                .map_or(place.state.as_str(), |s| s.name.as_str());
            strings.format(area_label_key(kind), &[("state", state)])
        }
    }
}

fn area_label_key(kind: crate::geo::AreaKind) -> &'static str {
    match kind {
        crate::geo::AreaKind::Local => "near.serves_local",
        crate::geo::AreaKind::Statewide => "near.serves_state",
        crate::geo::AreaKind::Nationwide => "near.serves_nation",
    }
}
