use web_sys::HtmlInputElement;
use yew::prelude::*;

use waypoint_core::app::Action;

use super::filters::filter_panel;
use super::near::near_panel;
use super::results::{law_enforcement_lines, result_list};
use super::staff;
use crate::effects;
use crate::store::AppHandle;

/// What typing in the search box does: search at once and, for "shelter
/// 92101", look the ZIP code up as the place (unless it already is).
fn typed(app: &AppHandle, e: InputEvent) {
    let query = e.target_unchecked_into::<HtmlInputElement>().value();
    let zip = waypoint_core::geo::split_zip(&query).1;
    app.send(Action::Search(query));
    if let Some(zip) = zip.filter(|z| {
        app.search
            .filters
            .near
            .as_ref()
            .and_then(|p| p.zip.as_ref())
            != Some(z)
    }) {
        effects::look_up_place(app, zip, None);
    }
}

/// The search view: one search box, the filters, and the results.
pub fn directory(app: &AppHandle) -> Html {
    let s = app.strings();
    html! {
        <section class="directory" aria-labelledby="directory-title">
            <h1 id="directory-title">{ s.get("directory.title") }</h1>
            <p class="lede">{ s.get("directory.lede") }</p>
            // The search box first: on a phone it is on the first screen,
            // and what it finds comes right after the folded filters.
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
                    value={app.search.query.clone()}
                    oninput={app.run(typed)}
                    // The console's shortcut, named where the control is.
                    title={cfg!(feature = "staff").then(|| s.label("keys.search"))}
                    aria-keyshortcuts={cfg!(feature = "staff").then_some("/")}
                />
            </div>
            if app.offers_guide() {
                <aside class="guide-invite">
                    <p>{ s.get("guide.ui.invite") }</p>
                    <button type="button" id="open-guide" class="secondary" onclick={app.act(Action::OpenGuide)}>{ s.get("guide.ui.nav") }</button>
                </aside>
            }
            { staff::shortcut_help(app) }
            { filter_panel(app, near_panel(app)) }
            { result_list(app) }
            { law_enforcement_lines(app) }
        </section>
    }
}
