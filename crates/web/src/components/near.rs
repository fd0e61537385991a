use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use waypoint_core::app::{Action, FilterChange, PlaceStatus};
use waypoint_core::geo::{self, PlaceInput};
use waypoint_core::site::Order;

use crate::store::AppHandle;
use crate::{browser, effects};

/// The radius choices, in miles.
const RADII: [u16; 4] = [10, 25, 50, 100];

fn input_value(e: &impl AsRef<web_sys::Event>) -> String {
    e.as_ref()
        .target_unchecked_into::<HtmlInputElement>()
        .value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// "Near": the place box, the device's location on request, the radius and
/// the order.
pub fn near_panel(app: &AppHandle) -> Html {
    let s = app.strings();
    let search = &app.search;
    let place = search.filters.near.clone();
    let onkeydown = app.run(|app, e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            effects::look_up_place(app, input_value(&e), None);
        }
    });
    let onchange = app.run(|app, e: Event| {
        let value = input_value(&e);
        if value != app.search.place_text || app.search.place_status == PlaceStatus::NotFound {
            effects::look_up_place(app, value, None);
        }
    });
    // A whole ZIP code is looked up as soon as it is typed.
    let oninput = app.run(|app, e: InputEvent| {
        let value = input_value(&e);
        if matches!(
            geo::parse_place(&value, &app.site.bundle.taxonomy),
            Some(PlaceInput::Zip(_))
        ) {
            effects::look_up_place(app, value, None);
        }
    });
    #[cfg(feature = "staff")]
    let locate = app.run(|app, _: MouseEvent| effects::locate_device(app));
    #[cfg(not(feature = "staff"))]
    let locate = Callback::noop();
    let offer_location = cfg!(feature = "staff") && app.embed.is_none();
    let clear = app.run(|app, _: MouseEvent| {
        app.send(Action::PlaceFound {
            place: None,
            order: None,
        });
        browser::focus("place-input");
    });
    let on_radius =
        app.on(|e: Event| Action::Filter(FilterChange::Radius(select_value(&e).parse().ok())));
    let on_order = app.on(|e: Event| {
        Action::SetOrder(if select_value(&e) == "distance" {
            Order::Distance
        } else {
            Order::Relevance
        })
    });
    let shown_place = place.as_ref().map(|p| p.label.clone());
    let message = match search.place_status {
        PlaceStatus::Looking => Some(s.format("near.looking", &[("place", &search.place_text)])),
        PlaceStatus::NotFound => Some(s.format("near.not_found", &[("place", &search.place_text)])),
        PlaceStatus::Locating => Some(s.label("near.locating")),
        PlaceStatus::LocationFailed => Some(s.label("near.location_failed")),
        PlaceStatus::Idle => shown_place
            .as_ref()
            .map(|p| s.format("near.showing", &[("place", p)])),
    };
    let radius = search.filters.radius;
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
                        value={search.place_text.clone()}
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
                        <option value="distance" selected={search.order == Order::Distance}>{ s.get("near.sort_distance") }</option>
                        <option value="relevance" selected={search.order == Order::Relevance}>{ s.get("near.sort_relevance") }</option>
                    </select>
                </div>
            }
        </div>
    }
}
