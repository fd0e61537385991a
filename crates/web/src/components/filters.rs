use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use waypoint_core::app::{Action, FilterChange};
use waypoint_core::taxonomy::label_key;

use crate::effects;
use crate::store::AppHandle;

/// One `<select>`: its options as (value, label), the chosen value, and how
/// a choice becomes an action.
fn select(
    id: &str,
    label: &str,
    any: &str,
    options: Vec<(String, String)>,
    chosen: Option<String>,
    on: Callback<Option<String>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        on.emit((!value.is_empty()).then_some(value));
    });
    let chosen = chosen.unwrap_or_default();
    html! {
        <div class="filter">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} autocomplete="off" {onchange}>
                <option value="" selected={chosen.is_empty()}>{ any }</option>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    html! { <option {value} {selected}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}

fn checkbox(id: &str, label: &str, checked: bool, on: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        on.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <div class="check">
            <input type="checkbox" id={id.to_string()} autocomplete="off" {checked} {onchange} />
            <label for={id.to_string()}>{ label }</label>
        </div>
    }
}

/// The filters, which combine with each other and with the search text.
/// The place box (`near`) comes first inside: on a phone the whole panel
/// folds behind one "Filters" button, so the results are on the first
/// screen; it starts open on a wide screen.
pub fn filter_panel(app: &AppHandle, near: Html) -> Html {
    let s = app.strings();
    let t = &app.site.bundle.taxonomy;
    let f = &app.search.filters;
    let chosen = |make: fn(Option<String>) -> FilterChange| {
        app.on(move |v: Option<String>| Action::Filter(make(v)))
    };
    let toggle = |make: fn(bool) -> FilterChange| app.on(move |v: bool| Action::Filter(make(v)));
    let id_of = |v: Option<String>| v.and_then(|v| v.parse::<u16>().ok());

    // Inside a partner's page only their states and domains are offered.
    let scope = f.scope.clone().unwrap_or_default();
    let domains: Vec<(String, String)> = t
        .domains
        .iter()
        .enumerate()
        .filter(|(i, _)| scope.domains.is_empty() || scope.domains.contains(&(*i as u16)))
        .map(|(i, c)| (i.to_string(), s.label(&label_key::domain(c))))
        .collect();
    let service_types: Vec<(String, String)> = match f.domain {
        Some(d) => t
            .service_types_in(d)
            .map(|(i, st)| (i.to_string(), s.label(&label_key::service_type(&st.code))))
            .collect(),
        None => t
            .service_types
            .iter()
            .enumerate()
            .map(|(i, st)| (i.to_string(), s.label(&label_key::service_type(&st.code))))
            .collect(),
    };
    let populations: Vec<(String, String)> = t
        .populations
        .iter()
        .enumerate()
        .map(|(i, c)| (i.to_string(), s.label(&label_key::population(c))))
        .collect();
    let languages: Vec<(String, String)> = app
        .site
        .languages_offered()
        .into_iter()
        .map(|c| (c.to_string(), s.label(&label_key::language(c))))
        .collect();
    let states: Vec<(String, String)> = t
        .states
        .iter()
        .filter(|st| scope.states.is_empty() || scope.states.contains(&st.code))
        .map(|st| (st.code.clone(), st.name.clone()))
        .collect();
    let cities: Vec<(String, String)> = f
        .state
        .as_deref()
        .map(|st| app.site.cities_in(st))
        .unwrap_or_default()
        .into_iter()
        .map(|c| (c.clone(), c))
        .collect();

    let on_domain = app.on(move |v| Action::Filter(FilterChange::Domain(id_of(v))));
    let on_service = app.on(move |v| Action::Filter(FilterChange::ServiceType(id_of(v))));
    let on_population = app.on(move |v| Action::Filter(FilterChange::Population(id_of(v))));
    let on_state = app.run(effects::choose_state);
    let count = f.count();
    html! {
        <details class="filters" open={crate::browser::wide_at_start()}>
            <summary>{ s.get("filters.title") }{ if count > 0 { format!(" ({count})") } else { String::new() } }</summary>
            { near }
            <div class="filter-grid">
                { select("filter-domain", s.get("filters.domain"), s.get("filters.any"), domains, f.domain.map(|d| d.to_string()), on_domain) }
                { select("filter-service", s.get("filters.service"), s.get("filters.any"), service_types, f.service_type.map(|d| d.to_string()), on_service) }
                { select("filter-population", s.get("filters.population"), s.get("filters.anyone"), populations, f.population.map(|d| d.to_string()), on_population) }
                { select("filter-language", s.get("filters.language"), s.get("filters.any"), languages, f.language.clone(), chosen(FilterChange::Language)) }
                { select("filter-state", s.get("filters.state"), s.get("filters.anywhere"), states, f.state.clone(), on_state) }
                if f.state.is_some() && !cities.is_empty() {
                    { select("filter-city", s.get("filters.city"), s.get("filters.any"), cities, f.city.clone(), chosen(FilterChange::City)) }
                }
            </div>
            <div class="checks">
                { checkbox("filter-free", s.get("filters.free"), f.free_only, toggle(FilterChange::FreeOnly)) }
                { checkbox("filter-open-now", s.get("open_now.filter"), f.open_at.is_some(), toggle(FilterChange::OpenNow)) }
                { checkbox("filter-24-7", s.get("filters.open_24_7"), f.open_24_7, toggle(FilterChange::Open247)) }
                { checkbox("filter-remote", s.get("filters.remote"), f.nationwide_or_remote, toggle(FilterChange::NationwideOrRemote)) }
            </div>
            <button type="button" id="clear-filters" class="secondary" onclick={app.act(Action::ClearFilters)} disabled={count == 0}>
                { s.get("filters.clear") }
            </button>
        </details>
    }
}
