//! The referral list and what a copy did: the console's views over
//! `StaffState`. Copying itself is an effect (`effects::copy_referrals`).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use waypoint_core::app::{Action, Notice};
use waypoint_core::referral::referral;

use crate::store::AppHandle;
use crate::{browser, effects};

/// A refused copy shows its text, focused and selected, for copying by hand.
#[hook]
pub fn use_copy_fallback_selected(app: &AppHandle) {
    use_effect_with(app.staff.notice.clone(), |_| {
        let area = browser::document()
            .get_element_by_id("copy-fallback")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(e).ok());
        if let Some(area) = area {
            let _ = area.focus();
            area.select();
        }
    });
}

/// What a copy did, spoken and shown; a refused copy shows the text for
/// copying by hand.
fn copy_notice(app: &AppHandle) -> Html {
    let s = app.strings();
    let notice = &app.staff.notice;
    let message = match notice {
        None => String::new(),
        Some(Notice::Copied { count: 1 }) => s.label("referral.copied"),
        Some(Notice::Copied { count }) => {
            s.format("referral.copied_all", &[("count", &count.to_string())])
        }
        Some(Notice::LinkCopied) => s.label("share.copied"),
        Some(Notice::CopyFailed { text }) if text.starts_with("http") => s.label("share.failed"),
        Some(Notice::CopyFailed { .. }) => s.label("referral.copy_failed"),
    };
    html! {
        <div class="copy-notice">
            <p id="copy-status" role="status" aria-live="polite">{ message }</p>
            if let Some(Notice::CopyFailed { text }) = notice {
                <textarea id="copy-fallback" readonly=true autocomplete="off" rows="8" aria-labelledby="copy-status" value={text.clone()} />
            }
        </div>
    }
}

/// The referral list: how many are on it, and what to do with them.
fn selection_bar(app: &AppHandle) -> Html {
    let s = app.strings();
    let selected = &app.staff.selected;
    if selected.is_empty() {
        return html! {};
    }
    html! {
        <div class="selection-bar" role="region" aria-label={s.label("referral.sheet_title")}>
            <p id="selection-count">{ s.format("referral.selected_count", &[("count", &selected.len().to_string())]) }</p>
            <button type="button" id="copy-all" onclick={app.run(|app, _: MouseEvent| effects::copy_referrals(app, (*app.staff.selected).clone()))}>{ s.get("referral.copy_all") }</button>
            <button type="button" id="print-sheet" class="secondary" title={s.label("keys.print")} aria-keyshortcuts="P" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ s.get("referral.print") }</button>
            <button type="button" id="clear-selection" class="secondary" onclick={app.act(Action::ClearSelected)}>{ s.get("referral.clear") }</button>
        </div>
    }
}

/// Beside the result count: compact list, copy link, the referral list.
pub fn list_tools(app: &AppHandle) -> Html {
    let s = app.strings();
    html! {
        <>
            <button type="button" id="toggle-compact" class="secondary" title={s.label("keys.density")} aria-keyshortcuts="D" aria-pressed={app.staff.compact.to_string()} onclick={app.act(Action::ToggleCompact)}>{ s.get("density.compact") }</button>
            <button type="button" id="copy-link" class="secondary" onclick={app.run(|app, _: MouseEvent| effects::copy_search_link(app))}>{ s.get("share.copy_link") }</button>
            { selection_bar(app) }
            // With a service open beside the list (two panes), its own
            // tools say what a copy did: one notice, one id.
            if app.nav.view == waypoint_core::app::View::Directory { { copy_notice(app) } }
        </>
    }
}

/// On each result: put it on the referral list.
pub fn card_select(app: &AppHandle, idx: u32) -> Html {
    let s = app.strings();
    let id = format!("select-{}", app.site.service(idx).id);
    html! {
        <p class="select">
            <input type="checkbox" id={id.clone()} autocomplete="off" checked={app.staff.selected.contains(&idx)} onchange={app.act(Action::ToggleSelected(idx))} />
            <label for={id}>{ s.get("referral.select") }</label>
        </p>
    }
}

/// On a service's page: copy its referral, put it on the list.
pub fn detail_tools(app: &AppHandle, idx: u32) -> Html {
    let s = app.strings();
    html! {
        <>
            <div class="referral-tools">
                <button type="button" id="copy-referral" title={s.label("keys.copy")} aria-keyshortcuts="C" onclick={app.run(move |app, _: MouseEvent| effects::copy_referrals(app, vec![idx]))}>{ s.get("referral.copy") }</button>
                <button type="button" id="select-open" class="secondary" title={s.label("keys.select")} aria-keyshortcuts="A" aria-pressed={app.staff.selected.contains(&idx).to_string()} onclick={app.act(Action::ToggleSelected(idx))}>{ s.get("referral.select") }</button>
            </div>
            { copy_notice(app) }
        </>
    }
}

/// One referral on the printed sheet: its name in bold, then its lines.
fn sheet_entry(text: String, lang: &str, class: &'static str) -> Html {
    let (name, rest) = text.split_once('\n').unwrap_or((&text, ""));
    html! {
        <div {class} lang={lang.to_string()}>
            // Each line takes its direction from its own words: an Arabic
            // label before a record's English text reads right to left.
            <strong class="referral-name" dir="auto">{ name.to_string() }</strong>
            { for rest.lines().map(|l| html! { <p dir="auto">{ l.to_string() }</p> }) }
        </div>
    }
}

/// The sheet that prints: the chosen referrals (or the service open) as
/// plain text, the same words as a copy. Hidden on screen; the print
/// stylesheet shows only this.
pub fn referral_sheet(app: &AppHandle) -> Html {
    let s = app.strings();
    let targets = app.referral_targets();
    if targets.is_empty() {
        return html! {};
    }
    let site = &app.site;
    let place = app.search.filters.near.as_deref();
    // Each entry mixes the reader's labels with the record's text; its
    // `lang` is the text's, the longer part.
    let help = site
        .help_service()
        .filter(|h| !targets.iter().any(|&r| site.service(r).id == h.id))
        .map(|h| (referral(site, h, &s, None), s.record_lang(&h.id)));
    html! {
        <section class="referral-sheet" aria-hidden="true">
            <h1>{ s.get("referral.sheet_title") }</h1>
            <p class="printed">{ s.format("referral.printed", &[("date", &s.date(crate::browser::today()))]) }</p>
            <p>{ s.get("referral.sheet_note") }</p>
            { for targets.iter().map(|&r| { let service = site.service(r); sheet_entry(referral(site, service, &s, place), s.record_lang(&service.id), "referral-text") }) }
            if let Some((help, lang)) = help {
                { sheet_entry(help, lang, "referral-text help") }
            }
        </section>
    }
}
