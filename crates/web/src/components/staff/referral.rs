use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{use_app, AppContext};
use waypoint_core::referral::{referral, referral_sheet};
use waypoint_core::share::SharedSearch;
use crate::browser;
use crate::state::{Action, Notice};

/// Copies the referrals of these services as plain text; if the browser
/// will not, shows the text to copy by hand.
pub fn copy_referrals(state: &AppContext, services: Vec<u32>) {
    if services.is_empty() {
        return;
    }
    let text = referral_sheet(&state.site, &services, &state.strings(), state.filters.near.as_deref());
    copy(state, text, Notice::Copied { count: services.len() });
}

/// Copies a link to the current search: words, place and filters in the
/// fragment, nothing from the guide. Only ever on request.
pub fn copy_search_link(state: &AppContext) {
    let shared = SharedSearch::of(
        &state.query,
        state.filters.near.as_ref().map(|_| state.place_text.as_str()),
        &state.filters,
        state.order,
        &state.site.bundle.taxonomy,
    );
    let fragment = shared.to_fragment();
    let link = if fragment.is_empty() { browser::page_address() } else { format!("{}#{fragment}", browser::page_address()) };
    copy(state, link, Notice::LinkCopied);
}

fn copy(state: &AppContext, text: String, done: Notice) {
    let state = state.clone();
    yew::platform::spawn_local(async move {
        let notice = if browser::copy_text(&text).await { done } else { Notice::CopyFailed { text } };
        state.dispatch(Action::Notify(Some(notice)));
    });
}

/// What a copy did, spoken and shown; a refused copy shows the text,
/// selected, for copying by hand.
#[function_component(CopyNotice)]
pub fn copy_notice() -> Html {
    let state = use_app();
    let s = state.strings();
    let text_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        use_effect_with(state.notice.clone(), move |_| {
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                area.select();
            }
        });
    }
    let message = match &state.notice {
        None => String::new(),
        Some(Notice::Copied { count: 1 }) => s.label("referral.copied"),
        Some(Notice::Copied { count }) => s.format("referral.copied_all", &[("count", &count.to_string())]),
        Some(Notice::LinkCopied) => s.label("share.copied"),
        Some(Notice::CopyFailed { text }) if text.starts_with("http") => s.label("share.failed"),
        Some(Notice::CopyFailed { .. }) => s.label("referral.copy_failed"),
    };
    html! {
        <div class="copy-notice">
            <p id="copy-status" role="status" aria-live="polite">{ message }</p>
            if let Some(Notice::CopyFailed { text }) = &state.notice {
                <textarea id="copy-fallback" ref={text_ref} readonly=true autocomplete="off" rows="8" aria-labelledby="copy-status" value={text.clone()} />
            }
        </div>
    }
}

/// The referral list: how many are on it, and what to do with them.
#[function_component(SelectionBar)]
pub fn selection_bar() -> Html {
    let state = use_app();
    let s = state.strings();
    if state.selected.is_empty() {
        return html! {};
    }
    let copy_all = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| copy_referrals(&state, (*state.selected).clone()))
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ClearSelected))
    };
    html! {
        <div class="selection-bar" role="region" aria-label={s.label("referral.sheet_title")}>
            <p id="selection-count">{ s.format("referral.selected_count", &[("count", &state.selected.len().to_string())]) }</p>
            <button type="button" id="copy-all" onclick={copy_all}>{ s.get("referral.copy_all") }</button>
            <button type="button" id="print-sheet" class="secondary" onclick={print}>{ s.get("referral.print") }</button>
            <button type="button" id="clear-selection" class="secondary" onclick={clear}>{ s.get("referral.clear") }</button>
        </div>
    }
}

/// The sheet that prints: the chosen referrals (or the service open) as
/// plain text, the same words as a copy. Hidden on screen; the print
/// stylesheet shows only this.
#[function_component(ReferralSheet)]
pub fn referral_sheet_view() -> Html {
    let state = use_app();
    let s = state.strings();
    let targets = state.referral_targets();
    if targets.is_empty() {
        return html! {};
    }
    let place = state.filters.near.as_deref();
    let content_lang = state.site.bundle.site.default_language.clone();
    let help = state
        .site
        .help_service()
        .filter(|h| !targets.iter().any(|&r| state.site.service(r).id == h.id))
        .map(|h| referral(&state.site, h, &s, None));
    html! {
        <section class="referral-sheet" aria-hidden="true">
            <h1>{ s.get("referral.sheet_title") }</h1>
            <p>{ s.get("referral.sheet_note") }</p>
            { for targets.iter().map(|&r| html! {
                <div class="referral-text" lang={content_lang.clone()}>{ referral(&state.site, state.site.service(r), &s, place) }</div>
            }) }
            if let Some(help) = help {
                <div class="referral-text help" lang={content_lang.clone()}>{ help }</div>
            }
        </section>
    }
}
