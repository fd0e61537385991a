use yew::prelude::*;

use waypoint_core::model::Service;
use waypoint_core::taxonomy::label_key;

use super::highlight::linked_text;
use super::results::{
    contact_link, distance_line, open_status, original_language, verified_line, via_hotline,
};
use super::staff;
use crate::store::AppHandle;
use crate::{browser, effects};

/// Only web addresses become links, whatever the data says.
fn safe_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Everything a person needs to act on one service.
/// (The frame moves focus to its heading when it opens.)
pub fn service_detail(app: &AppHandle, idx: u32) -> Html {
    let s = app.strings();
    let site = &app.site;
    let service: &Service = site.service(idx);
    let org = site.organization(service);
    let t = &site.bundle.taxonomy;
    let labels = |keys: Vec<String>| {
        keys.iter()
            .map(|k| s.label(k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let offers = labels(
        service
            .service_types
            .iter()
            .map(|&i| label_key::service_type(&t.service_types[i as usize].code))
            .collect(),
    );
    let serves = labels(
        service
            .populations
            .iter()
            .map(|&i| label_key::population(&t.populations[i as usize]))
            .collect(),
    );
    let languages = labels(
        service
            .languages
            .iter()
            .map(|c| label_key::language(c))
            .collect(),
    );
    let ages = match (service.minimum_age, service.maximum_age) {
        (Some(a), Some(b)) => Some(s.format(
            "detail.ages_between",
            &[("min", &a.to_string()), ("max", &b.to_string())],
        )),
        (Some(a), None) => Some(s.format("detail.ages_from", &[("min", &a.to_string())])),
        (None, Some(b)) => Some(s.format("detail.ages_to", &[("max", &b.to_string())])),
        (None, None) => None,
    };
    // Open 24/7 is said once, by the status; a week of hours is listed.
    let week = if service.hours.always_open {
        Vec::new()
    } else {
        waypoint_core::hours::weekly_summary(&service.hours, &s)
    };
    let hours = html! {
        <>
            <p>{ open_status(service, app.clock, &s) }</p>
            if !week.is_empty() {
                <ul class="hours">{ for week.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
        </>
    };
    let reachable = service
        .phones
        .iter()
        .any(|p| p.kind != waypoint_core::model::PhoneKind::Fax)
        || service.chat_url.is_some()
        || service.url.is_some()
        || org.website.is_some()
        || service.email.is_some();
    let content_lang = s.record_lang(&service.id).to_string();
    let text = |field: &str, original: &'_ str| s.record(&service.id, field, original).to_string();
    let phones = s.phones(service);
    let field =
        |key: &'static str, body: Html| html! { <><dt>{ s.get(key) }</dt><dd>{ body }</dd></> };
    html! {
        <article class="service-detail" aria-labelledby="service-title">
            <button type="button" class="secondary back" onclick={app.run(|app, _: MouseEvent| effects::back_to_list(app))}>{ s.get("detail.back") }</button>
            <h1 id="service-title" tabindex="-1" lang={content_lang.clone()} dir="auto">{ text("name", &service.name) }</h1>
            if org.name != service.name { <p class="org" lang={content_lang.clone()} dir="auto">{ text("org_name", &org.name) }</p> }
            { original_language(&s, &service.id) }
            if service.law_enforcement { <p class="badge warning">{ s.get("law_enforcement.badge") }</p> }
            if service.is_for_professionals(t) { <p class="badge professional">{ s.get("detail.professional") }</p> }
            if let Some(d) = &service.description { <p class="description" lang={content_lang.clone()} dir="auto">{ linked_text(&text("description", d)) }</p> }
            { staff::detail_tools(app, idx) }
            if let Some(distance) = distance_line(app, service) { <p class="distance">{ distance }</p> }
            <section class="contact-block" aria-label={s.label("detail.contact")}>
                if !reachable { { via_hotline(app) } }
                { for phones.iter().map(|p| contact_link(p, &s, &content_lang)) }
                if let Some(chat) = service.chat_url.as_ref().filter(|u| safe_web(u)) {
                    <p class="contact"><a class="contact-link" href={chat.clone()} rel="noopener noreferrer" target="_blank">{ s.get("contact.chat") }</a></p>
                }
                if let Some(url) = service.url.as_ref().or(org.website.as_ref()).filter(|u| safe_web(u)) {
                    <p class="contact"><a class="contact-link" href={url.clone()} rel="noopener noreferrer" target="_blank">{ s.get("contact.website") }</a></p>
                }
                if let Some(email) = &service.email {
                    <p class="contact"><a class="contact-link" href={format!("mailto:{email}")}>{ email }</a></p>
                }
            </section>
            <dl class="facts">
                { field("detail.offers", html! { { offers } }) }
                if !serves.is_empty() { { field("detail.serves", html! { { serves } }) } }
                if let Some(ages) = ages { { field("detail.ages", html! { { ages } }) } }
                if let Some(e) = &service.eligibility { { field("detail.eligibility", html! { <span lang={content_lang.clone()} dir="auto">{ linked_text(&text("eligibility", e)) }</span> }) } }
                if let Some(h) = &service.how_to_get_help { { field("detail.how_to_get_help", html! { <span lang={content_lang.clone()} dir="auto">{ linked_text(&text("how_to_get_help", h)) }</span> }) } }
                if let Some(w) = &service.what_to_expect { { field("detail.what_to_expect", html! { <span lang={content_lang.clone()} dir="auto">{ linked_text(&text("what_to_expect", w)) }</span> }) } }
                if !languages.is_empty() { { field("detail.languages", html! { { languages } }) } }
                { field("detail.hours", html! { <>{ hours }if let Some(n) = &service.hours.note { <p lang={content_lang.clone()} dir="auto">{ text("hours_note", n) }</p> }</> }) }
                if let Some(fees) = &service.fees { { field("detail.fees", html! { <span lang={content_lang.clone()} dir="auto">{ linked_text(&text("fees", fees)) }</span> }) } }
                { field("detail.where", html! { <>{ for service.locations.iter().map(|l| html! {
                    <p class="address">
                        if l.confidential {
                            { s.format("detail.confidential_address", &[("place", &[l.city.as_deref(), l.state.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", "))]) }
                        } else {
                            { [l.name.as_deref(), l.street.as_deref(), l.city.as_deref(), l.state.as_deref(), l.postal_code.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ") }
                        }
                    </p>
                }) }<p>{ site.place_summary(service, &s) }</p></> }) }
            </dl>
            <footer class="provenance">
                { verified_line(service, &s) }
                if let Some(note) = s.stale_note(service, browser::today()) {
                    <p class="stale">{ note }</p>
                }
                <p class="source">
                    { s.get("detail.source") }{ " " }
                    if let Some(url) = service.source.url.as_ref().filter(|u| safe_web(u)) {
                        <a class="contact-link" href={url.clone()} rel="noopener noreferrer" target="_blank">{ &service.source.name }</a>
                    } else {
                        { &service.source.name }
                    }
                </p>
                if let Some(note) = &service.source.note { <p class="source-note" lang={content_lang.clone()} dir="auto">{ text("source_note", note) }</p> }
            </footer>
        </article>
    }
}
