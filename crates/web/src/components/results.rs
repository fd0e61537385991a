use yew::prelude::*;

use waypoint_core::app::{Action, AppState};
use waypoint_core::model::{PhoneKind, Service};
use waypoint_core::taxonomy::label_key;

use super::highlight::highlighted;
use super::staff;
use crate::store::AppHandle;

/// The result count (announced to screen readers), the results, and an
/// empty state that always offers a way forward.
pub fn result_list(app: &AppHandle) -> Html {
    let s = app.strings();
    let search = &app.search;
    let results = &search.results;
    let total = results.services.len();
    let status = if results.partial {
        s.plural("results.partial", total)
    } else {
        s.plural("results.count", total)
    };
    html! {
        <section class="results" aria-labelledby="results-status">
            <div class="list-tools">
                <p id="results-status" class="status" role="status" aria-live="polite" aria-atomic="true">{ status }</p>
                { staff::list_tools(app) }
            </div>
            if app.loaded.state_error.is_some() {
                <p class="load-error" role="alert">{ s.get("filters.state_error") }</p>
            }
            if results.hours_unknown > 0 {
                <p class="hours-unknown">{ s.plural("open_now.hours_unknown", results.hours_unknown) }</p>
            }
            if total == 0 && app.next_home_file().is_some() {
                // A regional site's own services are still arriving: not
                // "nothing matches" until they are all here.
                <p class="loading" role="status">{ s.get("results.loading_local") }</p>
            } else if total == 0 {
                <div class="empty">
                    <p>{ s.get("results.empty") }</p>
                    if !search.filters.is_empty() {
                        <button type="button" class="secondary" onclick={app.act(Action::ClearFilters)}>{ s.get("results.empty_clear") }</button>
                    }
                    <p>{ s.get("results.empty_help") }</p>
                    { via_hotline_with(app, "results.empty_hotline") }
                </div>
            } else {
                <ol class={classes!("cards", app.staff.compact.then_some("compact"))}>
                    { for results.services.iter().take(search.shown).map(|&idx| result_card(app, idx)) }
                </ol>
                if total > search.shown {
                    <button type="button" class="secondary more" onclick={app.act(Action::ShowMore)}>{ s.plural("results.more", total - search.shown) }</button>
                }
            }
        </section>
    }
}

/// One result: enough to decide, and to call, without opening it. A plain
/// function of the state, like the list around it: as components, the
/// cards cost wasm size and time on every keystroke for nothing, since
/// every card reads the whole state anyway.
fn result_card(app: &AppHandle, idx: u32) -> Html {
    let s = app.strings();
    let site = &app.site;
    let service = site.service(idx);
    let org = site.organization(service);
    let terms = &app.search.results.terms;
    let types = service.service_types.iter().map(|&t| {
        s.label(&label_key::service_type(
            &site.bundle.taxonomy.service_types[t as usize].code,
        ))
    });
    // A record's text is in the reader's language where it has a
    // translation; otherwise as written, marked with its language so screen
    // readers read it in that language, and said so on screen.
    let content_lang = s.record_lang(&service.id).to_string();
    let phones = s.phones(service);
    let first_phone = phones
        .iter()
        .find(|p| !matches!(p.kind, PhoneKind::Fax | PhoneKind::Tty));
    let name = s.record(&service.id, "name", &service.name);
    let org_name = s.record(&service.id, "org_name", &org.name);
    let selected = app.staff.selected.contains(&idx);
    let t = &site.bundle.taxonomy;
    let serves = label_list(
        &s,
        service
            .populations
            .iter()
            .map(|&p| label_key::population(&t.populations[p as usize])),
    );
    let languages = label_list(&s, service.languages.iter().map(|l| label_key::language(l)));
    html! {
        <li key={idx} class={classes!("card", selected.then_some("selected"))} aria-current={(app.nav.view == waypoint_core::app::View::Service(idx)).then_some("true")} data-service={service.id.clone()} data-idx={idx.to_string()}>
            <h2 class="card-title">
                <button type="button" class="link" id={format!("open-{}", service.id)} lang={content_lang.clone()} dir="auto" onclick={app.act(Action::Open(idx))}>
                    { highlighted(name, terms) }
                </button>
            </h2>
            if org.name != service.name {
                <p class="org" lang={content_lang.clone()} dir="auto">{ highlighted(org_name, terms) }</p>
            }
            if let Some(d) = &service.description {
                <p class="snippet" lang={content_lang.clone()} dir="auto">{ highlighted(&waypoint_core::search::highlight::snippet(s.record(&service.id, "description", d), terms, 160), terms) }</p>
            }
            { original_language(&s, &service.id) }
            // On the console's cards: what a worker reads out before a call.
            if cfg!(feature = "staff") {
                if let Some(w) = &service.what_to_expect {
                    <p class="expect" lang={content_lang.clone()} dir="auto">{ s.format("detail.card_expect", &[("text", s.record(&service.id, "what_to_expect", w))]) }</p>
                }
            }
            <ul class="tags">
                { for types.map(|label| html! { <li>{ highlighted(&label, terms) }</li> }) }
            </ul>
            if service.is_for_professionals(t) {
                <p class="badge professional">{ s.get("detail.professional") }</p>
            }
            // Who it is for and in which languages: what decides "is this for me".
            if !serves.is_empty() { <p class="serves">{ s.format("detail.card_serves", &[("list", &serves)]) }</p> }
            if !languages.is_empty() { <p class="languages-line">{ s.format("detail.card_languages", &[("list", &languages)]) }</p> }
            <p class="meta">
                <span class="place">{ site.place_summary(service, &s) }</span>
                if let Some(distance) = distance_line(app, service) { <span class="distance">{ distance }</span> }
                { open_status(service, app.clock, &s) }
                if service.free { <span class="badge">{ s.get("detail.free") }</span> }
            </p>
            if let Some(phone) = first_phone {
                { contact_link(phone, &s, &content_lang) }
            } else if service.url.is_none() && service.chat_url.is_none() && service.email.is_none() {
                { via_hotline_line(app) }
            }
            { verified_line(service, &s) }
            if let Some(note) = s.stale_note(service, crate::browser::today()) {
                <p class="stale">{ note }</p>
            }
            { staff::card_select(app, idx) }
        </li>
    }
}

/// "In English": a record shown as written, not in the reader's language.
pub fn original_language(s: &waypoint_core::locale::Strings, id: &str) -> Html {
    if s.current.lang == s.fallback.lang || s.translated(id) {
        return html! {};
    }
    let language = s.label(&label_key::language(&s.fallback.lang));
    html! { <p class="original-lang">{ s.format("detail.original_language", &[("language", &language)]) }</p> }
}

/// "Call 1-888-373-7888" with the number kept whole: a narrow button wraps
/// between the words, never inside the number.
pub fn with_number(label: &str, number: &str) -> Html {
    // Only a number of a phone's length: anything longer is not one, and
    // kept on one line it would push the page sideways.
    match label.split_once(number).filter(|_| number.len() <= 20) {
        // One span: the button lays out its content as one flex item, so
        // the words wrap as text around the whole number.
        Some((before, after)) => {
            html! { <span>{ before.to_string() }<span class="number">{ number.to_string() }</span>{ after.to_string() }</span> }
        }
        None => html! { { label.to_string() } },
    }
}

/// Labels for these keys, joined: "Men, Boys, LGBTQ+ people".
pub fn label_list(
    s: &waypoint_core::locale::Strings,
    keys: impl Iterator<Item = String>,
) -> String {
    keys.map(|k| s.label(&k)).collect::<Vec<_>>().join(", ")
}

/// The date a record was checked, with what kind of check it was.
pub fn verified_line(service: &Service, s: &waypoint_core::locale::Strings) -> Html {
    html! { <p class="verified">{ s.verified(service) }</p> }
}

/// A service with no direct contact published: the hotline is the way to it.
pub fn via_hotline(app: &AppState) -> Html {
    via_hotline_with(app, "detail.via_hotline")
}

/// On a card: one line with the hotline's number to tap (the service page
/// shows the full buttons).
fn via_hotline_line(app: &AppState) -> Html {
    let s = app.strings();
    let Some(help) = app.site.help_service() else {
        return html! {};
    };
    let phone = waypoint_core::app::screen::hotline_phones(help, &s)
        .into_iter()
        .find(|p| p.kind != PhoneKind::Text);
    html! {
        <p class="via-hotline">
            { s.get("detail.via_hotline") }{ " " }
            if let Some(p) = phone { <a class="inline-call" href={format!("tel:{}", p.dial())}>{ p.number.clone() }</a> }
        </p>
    }
}

/// The hotline's call and text buttons after a line saying why.
fn via_hotline_with(app: &AppState, key: &str) -> Html {
    let s = app.strings();
    let Some(help) = app.site.help_service() else {
        return html! {};
    };
    html! {
        <div class="via-hotline">
            <p>{ s.get(key) }</p>
            { for waypoint_core::app::screen::hotline_phones(help, &s).iter().map(|p| contact_link(p, &s, s.record_lang(&help.id))) }
        </div>
    }
}

/// How far the service is from the caller's place, or that it serves the
/// area; nothing without a place.
pub fn distance_line(app: &AppState, service: &Service) -> Option<String> {
    let filters = &app.search.filters;
    let place = filters.near.as_deref()?;
    let reach = waypoint_core::geo::reach(service, place, filters.radius.map(f32::from))?;
    Some(waypoint_core::referral::distance_text(
        reach,
        service,
        place,
        &app.strings(),
        &app.site.bundle.taxonomy,
    ))
}

/// "Open now · closes 5 pm", in the service's own time zone.
pub fn open_status(service: &Service, clock: i64, s: &waypoint_core::locale::Strings) -> Html {
    use waypoint_core::hours::OpenStatus;
    let status = waypoint_core::hours::status(&service.hours, clock);
    let class = match status {
        OpenStatus::AlwaysOpen | OpenStatus::Open { .. } => "open-status open",
        OpenStatus::Closed { .. } => "open-status closed",
        OpenStatus::NotListed => "open-status unknown",
    };
    html! { <span class={class}>{ waypoint_core::hours::describe(&status, s) }</span> }
}

/// A tap-to-call or tap-to-text link for one phone.
/// `lang` is the language the data is written in (the phone's note).
pub fn contact_link(
    phone: &waypoint_core::model::Phone,
    s: &waypoint_core::locale::Strings,
    lang: &str,
) -> Html {
    let (href, key) = match phone.kind {
        PhoneKind::Text => (format!("sms:{}", phone.dial()), "contact.text"),
        PhoneKind::Tty => (format!("tel:{}", phone.dial()), "contact.tty"),
        PhoneKind::Fax => (String::new(), "contact.fax"),
        PhoneKind::Voice | PhoneKind::Hotline => (format!("tel:{}", phone.dial()), "contact.call"),
    };
    let label = s.format(key, &[("number", &phone.number)]);
    html! {
        <p class="contact">
            if href.is_empty() { <span>{ label }</span> } else { <a class="contact-link call" {href}>{ with_number(&label, &phone.number) }</a> }
            if let Some(note) = &phone.note { <span class="contact-note" lang={lang.to_string()} dir="auto">{ format!(" {note}") }</span> }
        </p>
    }
}

/// Police and federal tip lines: many survivors fear them, so they are
/// never mixed into the results and are always labelled.
pub fn law_enforcement_lines(app: &AppState) -> Html {
    let s = app.strings();
    let lines = app.site.law_enforcement_lines();
    if lines.is_empty() {
        return html! {};
    }
    let items = lines.iter().map(|&idx| {
        let service: &Service = app.site.service(idx);
        html! {
            <li class="card law-enforcement" data-service={service.id.clone()}>
                <h3 lang={app.site.bundle.site.default_language.clone()} dir="auto">{ &service.name }</h3>
                <p class="badge warning">{ s.get("law_enforcement.badge") }</p>
                if let Some(d) = &service.description { <p lang={app.site.bundle.site.default_language.clone()} dir="auto">{ d }</p> }
                { for service.phones.iter().map(|p| contact_link(p, &s, &app.site.bundle.site.default_language)) }
                { verified_line(service, &s) }
            </li>
        }
    });
    html! {
        <details class="law-enforcement-lines">
            <summary>{ s.get("law_enforcement.title") }</summary>
            <p>{ s.get("law_enforcement.explain") }</p>
            <ul class="cards">{ for items }</ul>
        </details>
    }
}
