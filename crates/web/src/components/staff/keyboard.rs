//! Keyboard-first use for staff on a live call: `/` to search, arrows
//! through the results, Enter to open, Escape back to the list, and a
//! letter for each common filter and for the referral. Which key means
//! what is the core's table (`waypoint_core::shortcuts`); this carries it out.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use waypoint_core::app::{Action, FilterChange, View};
use waypoint_core::shortcuts::{command, Command};
use waypoint_core::site::Order;

use crate::store::AppHandle;
use crate::{browser, effects};

/// Whether the focus is somewhere typing goes.
fn typing(el: Option<&web_sys::Element>) -> bool {
    let Some(el) = el else { return false };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button")
        ),
        _ => el.get_attribute("contenteditable").is_some(),
    }
}

/// The result the focus is on, if it is inside one.
fn focused_card(el: Option<&web_sys::Element>) -> Option<u32> {
    el?.closest(".card[data-idx]")
        .ok()??
        .get_attribute("data-idx")?
        .parse()
        .ok()
}

/// The buttons that open each result, in order.
fn result_buttons() -> Vec<web_sys::HtmlElement> {
    let Ok(list) = browser::document().query_selector_all(".results .card-title button") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Arrow keys in the directory: from the search or place box into the
/// results, then from one result to the next. Returns whether it moved.
fn move_through_results(down: bool, active: Option<&web_sys::Element>) -> bool {
    let buttons = result_buttons();
    let Some(active) = active else { return false };
    let at = buttons
        .iter()
        .position(|b| b.is_same_node(Some(active.as_ref())));
    let target = match (at, down) {
        (None, true) if matches!(active.id().as_str(), "search-input" | "place-input") => {
            buttons.first()
        }
        (Some(i), true) => buttons.get(i + 1),
        (Some(0), false) => {
            browser::focus("search-input");
            return true;
        }
        (Some(i), false) => buttons.get(i - 1),
        _ => return false,
    };
    match target {
        Some(b) => {
            let _ = b.focus();
            true
        }
        None => at.is_some(),
    }
}

/// Opens the result after (or before) the open one, within those drawn.
fn step_open(app: &AppHandle, open: u32, down: bool) -> bool {
    let shown =
        &app.search.results.services[..app.search.shown.min(app.search.results.services.len())];
    let Some(at) = shown.iter().position(|&i| i == open) else {
        return false;
    };
    let next = if down {
        shown.get(at + 1)
    } else {
        at.checked_sub(1).and_then(|i| shown.get(i))
    };
    match next {
        Some(&idx) => {
            app.send(Action::Open(idx));
            true
        }
        None => false,
    }
}

fn run(app: &AppHandle, command: Command, active: Option<&web_sys::Element>) -> bool {
    let directory = app.nav.view == View::Directory;
    let filters = &app.search.filters;
    match command {
        Command::FocusSearch | Command::FocusPlace if !directory => {
            effects::back_to_list(app);
            effects::focus_after_render(if command == Command::FocusSearch {
                "search-input"
            } else {
                "place-input"
            });
        }
        Command::FocusSearch => browser::focus("search-input"),
        Command::FocusPlace => browser::focus("place-input"),
        Command::OpenNow => app.send(Action::Filter(FilterChange::OpenNow(
            filters.open_at.is_none(),
        ))),
        Command::Free => app.send(Action::Filter(FilterChange::FreeOnly(!filters.free_only))),
        Command::Domain(d) => {
            if d.is_some_and(|d| d as usize >= app.site.bundle.taxonomy.domains.len()) {
                return false;
            }
            app.send(Action::Filter(FilterChange::Domain(d)));
        }
        Command::Sort if filters.near.is_some() => {
            app.send(Action::SetOrder(if app.search.order == Order::Distance {
                Order::Relevance
            } else {
                Order::Distance
            }))
        }
        Command::Sort => return false,
        Command::Density => app.send(Action::ToggleCompact),
        Command::Copy => {
            let targets = match (app.nav.view, focused_card(active)) {
                (View::Service(idx), _) => vec![idx],
                (_, Some(idx)) => vec![idx],
                _ => (*app.staff.selected).clone(),
            };
            effects::copy_referrals(app, targets);
        }
        Command::Select => match (app.nav.view, focused_card(active)) {
            (View::Service(idx), _) | (_, Some(idx)) => app.send(Action::ToggleSelected(idx)),
            _ => return false,
        },
        Command::Print => browser::print(),
        Command::Shortcuts => {
            if let Some(details) = browser::document().get_element_by_id("shortcuts") {
                let _ = details.set_attribute("open", "");
            }
            browser::focus("shortcuts-summary");
        }
    }
    true
}

/// Listens for the staff shortcuts while the app is on screen.
#[hook]
pub fn use_shortcuts(app: &AppHandle) {
    // The listener outlives renders; it reads the latest state from here.
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    use_effect_with((), move |_| {
        // Not passive: a handled key's default (scrolling, typing "/") is
        // prevented.
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&browser::window(), "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.is_composing() {
                    return;
                }
                let app = latest.borrow().clone();
                let active = browser::document().active_element();
                let handled = match e.key().as_str() {
                    "Escape" if matches!(app.nav.view, View::Service(_)) => {
                        effects::back_to_list(&app);
                        true
                    }
                    "ArrowDown" | "ArrowUp" if app.nav.view == View::Directory => {
                        move_through_results(e.key() == "ArrowDown", active.as_ref())
                    }
                    // Two panes: the arrows move through the list and the open
                    // service follows.
                    "ArrowDown" | "ArrowUp" if !typing(active.as_ref()) => match app.nav.view {
                        View::Service(idx) => step_open(&app, idx, e.key() == "ArrowDown"),
                        _ => false,
                    },
                    _ if typing(active.as_ref()) && !e.alt_key() => false,
                    _ => match command(&e.key(), &e.code(), e.alt_key()) {
                        Some(c) if app.nav.view != View::Guide && app.nav.view != View::Safety => {
                            run(&app, c, active.as_ref())
                        }
                        _ => false,
                    },
                };
                if handled {
                    e.prevent_default();
                }
            });
        move || drop(listener)
    });
}

/// The list of shortcuts, under the search box.
pub fn shortcut_help(app: &AppHandle) -> Html {
    let s = app.strings();
    html! {
        <details id="shortcuts" class="shortcuts">
            <summary id="shortcuts-summary" title={s.label("keys.shortcuts")} aria-keyshortcuts="?">{ s.get("keys.title") }</summary>
            <p>{ s.get("keys.intro") }</p>
            <ul>
                { for waypoint_core::shortcuts::LISTED.iter().map(|k| html! { <li data-shortcut={*k}>{ s.get(&format!("keys.{k}")) }</li> }) }
            </ul>
        </details>
    }
}
