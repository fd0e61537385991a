use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::filters::{choose_state, load_state_services};
use super::AppContext;
use waypoint_core::geo::{self, PlaceInput};
use waypoint_core::site::Order;
use crate::browser;
use crate::state::{Action, FilterChange, PlaceStatus};

/// The radius choices, in miles.
const RADII: [u16; 4] = [10, 25, 50, 100];

/// Where the site's own ZIP and city files live (see scripts/geo-data.mjs).
fn geo_path(file: &str) -> String {
    format!("site-data/{file}")
}

async fn fetch_text(file: &str) -> Option<String> {
    let bytes = browser::fetch_bytes(&geo_path(file)).await.ok()?;
    String::from_utf8(bytes).ok()
}

/// Finds what was typed in the place box (or a ZIP code typed in the search
/// box) in the site's own files: one small file per ZIP prefix or state,
/// fetched from the site itself, so the place never leaves the device.
pub fn look_up_place(state: &AppContext, text: String) {
    state.dispatch(Action::PlaceTyped(text.clone()));
    if text.trim().is_empty() {
        state.dispatch(Action::PlaceFound(None));
        return;
    }
    let Some(input) = geo::parse_place(&text, &state.site.bundle.taxonomy) else {
        state.dispatch(Action::PlaceStatus(PlaceStatus::NotFound));
        return;
    };
    let state = state.clone();
    yew::platform::spawn_local(async move {
        let place = match input {
            PlaceInput::Zip(zip) => fetch_text(&geo::zip_file(&zip)).await.and_then(|t| geo::find_zip(&t, &zip)),
            PlaceInput::City { city, state: st } => fetch_text(&geo::city_file(&st, &city)).await.and_then(|t| geo::find_city(&t, &st, &city)),
            PlaceInput::State(code) => {
                // A whole state is the state filter, not a point.
                state.dispatch(Action::PlaceFound(None));
                choose_state(&state, Some(code));
                return;
            }
        };
        found(&state, place);
    });
}

fn found(state: &AppContext, place: Option<geo::Place>) {
    match place {
        Some(place) => {
            load_state_services(state, place.state.clone());
            state.dispatch(Action::PlaceFound(Some(Rc::new(place))));
        }
        None => state.dispatch(Action::PlaceStatus(PlaceStatus::NotFound)),
    }
}

/// The device's location, only after a tap: the nearest ZIP code's centre
/// stands in for it, so the exact position is dropped at once. Only the
/// staff console offers it: asking makes the browser remember a permission
/// for this site, a trace a survivor on a shared device should not leave
/// (and a ZIP code is as good for finding help).
#[cfg(feature = "staff")]
fn locate_device(state: &AppContext) {
    state.dispatch(Action::PlaceStatus(PlaceStatus::Locating));
    let state = state.clone();
    browser::locate(move |answer| {
        let Some((lat, lon)) = answer else {
            state.dispatch(Action::PlaceStatus(PlaceStatus::LocationFailed));
            return;
        };
        let point = geo::Point { lat, lon };
        yew::platform::spawn_local(async move {
            // The nearest ZIP's centre, reading as few prefix files as can
            // prove it nearest (a median of 3).
            let mut place = None;
            if let Some(prefixes) = fetch_text(geo::PREFIX_FILE).await {
                let mut search = geo::NearestZipSearch::new(&prefixes, point);
                while let Some(file) = search.next_file() {
                    if let Some(text) = fetch_text(&file).await {
                        search.add(&text);
                    }
                }
                place = search.best().cloned();
            }
            if place.is_none() {
                state.dispatch(Action::PlaceStatus(PlaceStatus::LocationFailed));
                return;
            }
            state.dispatch(Action::PlaceTyped(place.as_ref().map(|p| p.label.clone()).unwrap_or_default()));
            found(&state, place);
        });
    });
}

/// "Near": the place box, the device's location on request, the radius and
/// the order.
pub fn near_panel(state: &AppContext) -> Html {
    let s = state.strings();
    let place = state.filters.near.clone();
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                look_up_place(&state, e.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if value != state.place_text || state.place_status == PlaceStatus::NotFound {
                look_up_place(&state, value);
            }
        })
    };
    let oninput = {
        let state = state.clone();
        // A whole ZIP code is looked up as soon as it is typed.
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if matches!(geo::parse_place(&value, &state.site.bundle.taxonomy), Some(PlaceInput::Zip(_))) {
                look_up_place(&state, value);
            }
        })
    };
    #[cfg(feature = "staff")]
    let locate = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| locate_device(&state))
    };
    #[cfg(not(feature = "staff"))]
    let locate = Callback::noop();
    let offer_location = cfg!(feature = "staff") && state.embed.is_none();
    let clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::PlaceFound(None));
            browser::focus("place-input");
        })
    };
    let on_radius = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            state.dispatch(Action::Filter(FilterChange::Radius(value.parse().ok())));
        })
    };
    let on_order = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            state.dispatch(Action::SetOrder(if value == "distance" { Order::Distance } else { Order::Relevance }));
        })
    };
    let shown_place = place.as_ref().map(|p| p.label.clone());
    let message = match state.place_status {
        PlaceStatus::Looking => Some(s.format("near.looking", &[("place", &state.place_text)])),
        PlaceStatus::NotFound => Some(s.format("near.not_found", &[("place", &state.place_text)])),
        PlaceStatus::Locating => Some(s.label("near.locating")),
        PlaceStatus::LocationFailed => Some(s.label("near.location_failed")),
        PlaceStatus::Idle => shown_place.as_ref().map(|p| s.format("near.showing", &[("place", p)])),
    };
    let radius = state.filters.radius;
    html! {
        <div class="near" role="group" aria-labelledby="place-label">
            <div class="near-place">
                <label id="place-label" for="place-input">{ s.get("near.label") }<span class="hint">{ s.get("near.hint") }</span></label>
                <div class="near-row">
                    <input
                        id="place-input"
                        type="text"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        enterkeyhint="search"
                        aria-describedby="place-status"
                        placeholder={s.label("near.placeholder")}
                        value={state.place_text.clone()}
                        {onkeydown}
                        {onchange}
                        {oninput}
                    />
                    if place.is_some() {
                        <button type="button" id="clear-place" class="secondary" onclick={clear}>{ s.get("near.clear") }</button>
                    } else if offer_location {
                        <button type="button" id="use-location" class="secondary" onclick={locate}>{ s.get("near.use_location") }</button>
                    }
                </div>
                <p id="place-status" class="place-status" role="status" aria-live="polite">{ message.unwrap_or_default() }</p>
            </div>
            if place.is_some() {
                <div class="filter">
                    <label for="filter-radius">{ s.get("near.radius") }</label>
                    <select id="filter-radius" autocomplete="off" onchange={on_radius}>
                        <option value="" selected={radius.is_none()}>{ s.get("near.any_distance") }</option>
                        { for RADII.iter().map(|&r| html! {
                            <option value={r.to_string()} selected={radius == Some(r)}>{ s.format("near.within", &[("miles", &r.to_string())]) }</option>
                        }) }
                    </select>
                </div>
                <div class="filter">
                    <label for="sort-order">{ s.get("near.sort") }</label>
                    <select id="sort-order" autocomplete="off" onchange={on_order}>
                        <option value="distance" selected={state.order == Order::Distance}>{ s.get("near.sort_distance") }</option>
                        <option value="relevance" selected={state.order == Order::Relevance}>{ s.get("near.sort_relevance") }</option>
                    </select>
                </div>
            }
        </div>
    }
}
