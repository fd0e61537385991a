use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::filters::filter_panel;
use super::near::{look_up_place, near_panel};
use super::results::{law_enforcement_lines, result_list};
use super::AppContext;
use crate::state::Action;

/// The search view: one search box, the filters, and the results.
pub fn directory(state: &AppContext) -> Html {
    let s = state.strings();
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let query = input.value();
            // "shelter 92101": the ZIP code places the search.
            let zip = waypoint_core::geo::split_zip(&query).1;
            state.dispatch(Action::Search(query));
            if let Some(zip) = zip.filter(|z| state.filters.near.as_ref().and_then(|p| p.zip.as_ref()) != Some(z)) {
                look_up_place(&state, zip);
            }
        })
    };
    let open_guide = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::OpenGuide))
    };
    html! {
        <section class="directory" aria-labelledby="directory-title">
            <h1 id="directory-title">{ s.get("directory.title") }</h1>
            <p class="lede">{ s.get("directory.lede") }</p>
            if state.embed.as_ref().is_none_or(|e| e.view != waypoint_core::embed::EmbedView::Directory) {
                <aside class="guide-invite">
                    <p>{ s.get("guide.ui.invite") }</p>
                    <button type="button" id="open-guide" class="secondary" onclick={open_guide}>{ s.get("guide.ui.nav") }</button>
                </aside>
            }
            <div class="search" role="search">
                <label for="search-input">{ s.get("search.label") }</label>
                <input
                    id="search-input"
                    type="search"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    placeholder={s.label("search.placeholder")}
                    value={state.query.clone()}
                    {oninput}
                />
            </div>
            { near_panel(&state) }
            { super::staff::shortcut_help() }
            { filter_panel(&state) }
            { result_list(&state) }
            { law_enforcement_lines(&state) }
        </section>
    }
}
