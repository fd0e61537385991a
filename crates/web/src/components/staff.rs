//! Tools for hotline and case-management staff: keyboard shortcuts, a
//! compact list, referrals to copy or print, several at once, and a link to
//! a search. They are built only into the staff console (`/staff/`, the
//! `staff` Cargo feature), so the public site a survivor opens on a cheap
//! phone does not download them. Both builds share everything else: the
//! same privacy rules, quick exit, near-me and open-now.
//!
//! Each function here returns nothing in the public build; that keeps the
//! `cfg` in this one file instead of scattered through the views.

use yew::prelude::*;

#[cfg(feature = "staff")]
mod keyboard;
#[cfg(feature = "staff")]
mod referral;

#[cfg(feature = "staff")]
pub use keyboard::use_shortcuts;

/// The public build has no shortcuts beyond quick exit.
#[cfg(not(feature = "staff"))]
#[hook]
pub fn use_shortcuts() {}

/// Beside the result count: compact list, copy link, the referral list.
pub fn list_tools() -> Html {
    #[cfg(feature = "staff")]
    return html! { <tools::ListTools /> };
    #[cfg(not(feature = "staff"))]
    Html::default()
}

/// On each result: put it on the referral list.
pub fn card_select(service: u32) -> Html {
    #[cfg(feature = "staff")]
    return html! { <tools::CardSelect {service} /> };
    #[cfg(not(feature = "staff"))]
    {
        let _ = service;
        Html::default()
    }
}

/// On a service's page: copy its referral, put it on the list.
pub fn detail_tools(service: u32) -> Html {
    #[cfg(feature = "staff")]
    return html! { <tools::DetailTools {service} /> };
    #[cfg(not(feature = "staff"))]
    {
        let _ = service;
        Html::default()
    }
}

/// The sheet the print stylesheet shows.
pub fn referral_sheet() -> Html {
    #[cfg(feature = "staff")]
    return html! { <referral::ReferralSheet /> };
    #[cfg(not(feature = "staff"))]
    Html::default()
}

/// The list of shortcuts, under the search box.
pub fn shortcut_help() -> Html {
    #[cfg(feature = "staff")]
    return html! { <tools::ShortcutHelp /> };
    #[cfg(not(feature = "staff"))]
    Html::default()
}

#[cfg(feature = "staff")]
mod tools {
    use yew::prelude::*;

    use super::referral::{copy_referrals, copy_search_link, CopyNotice, SelectionBar};
    use crate::components::use_app;
    use crate::state::Action;

    #[function_component(ListTools)]
    pub fn list_tools() -> Html {
        let state = use_app();
        let s = state.strings();
        let compact = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleCompact))
        };
        let share = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| copy_search_link(&state))
        };
        html! {
            <>
                <button type="button" id="toggle-compact" class="secondary" aria-pressed={state.compact.to_string()} onclick={compact}>{ s.get("density.compact") }</button>
                <button type="button" id="copy-link" class="secondary" onclick={share}>{ s.get("share.copy_link") }</button>
                <SelectionBar />
                <CopyNotice />
            </>
        }
    }

    #[derive(Properties, PartialEq)]
    pub struct ServiceProps {
        pub service: u32,
    }

    #[function_component(CardSelect)]
    pub fn card_select(props: &ServiceProps) -> Html {
        let state = use_app();
        let s = state.strings();
        let idx = props.service;
        let toggle = {
            let state = state.clone();
            Callback::from(move |_: Event| state.dispatch(Action::ToggleSelected(idx)))
        };
        let id = format!("select-{}", state.site.service(idx).id);
        html! {
            <p class="select">
                <input type="checkbox" id={id.clone()} autocomplete="off" checked={state.selected.contains(&idx)} onchange={toggle} />
                <label for={id}>{ s.get("referral.select") }</label>
            </p>
        }
    }

    #[function_component(DetailTools)]
    pub fn detail_tools(props: &ServiceProps) -> Html {
        let state = use_app();
        let s = state.strings();
        let idx = props.service;
        let copy = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| copy_referrals(&state, vec![idx]))
        };
        let toggle = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleSelected(idx)))
        };
        html! {
            <>
                <div class="referral-tools">
                    <button type="button" id="copy-referral" onclick={copy}>{ s.get("referral.copy") }</button>
                    <button type="button" id="select-open" class="secondary" aria-pressed={state.selected.contains(&idx).to_string()} onclick={toggle}>{ s.get("referral.select") }</button>
                </div>
                <CopyNotice />
            </>
        }
    }

    #[function_component(ShortcutHelp)]
    pub fn shortcut_help() -> Html {
        let state = use_app();
        let s = state.strings();
        html! {
            <details id="shortcuts" class="shortcuts">
                <summary id="shortcuts-summary">{ s.get("keys.title") }</summary>
                <p>{ s.get("keys.intro") }</p>
                <ul>
                    { for ["search", "place", "move", "back", "open_now", "free", "domains", "sort", "density", "copy", "select", "print"]
                        .iter().map(|k| html! { <li>{ s.get(&format!("keys.{k}")) }</li> }) }
                </ul>
            </details>
        }
    }
}
