use std::rc::Rc;

use yew::prelude::*;

use super::Shell;
use crate::bundle::Bundle;
use crate::site::Site;
use crate::ui::browser;

/// Where `waypoint build` puts the bundle, relative to the page.
const BUNDLE: &str = "site-data/site.bin";

/// Loads the bundle, then hands the site to the shell.
#[function_component(App)]
pub fn app() -> Html {
    let site = use_state(|| None::<Result<Rc<Site>, String>>);
    {
        let site = site.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = browser::fetch_bytes(BUNDLE)
                    .await
                    .and_then(|bytes| Bundle::decode(&bytes).map_err(|e| e.to_string()))
                    .map(|bundle| Rc::new(Site::new(bundle)));
                site.set(Some(loaded));
            });
        });
    }
    match &*site {
        None => html! { <p class="loading" role="status">{ "Loading…" }</p> },
        Some(Ok(site)) => html! { <Shell site={site.clone()} /> },
        // The static help line in index.html stays visible above this.
        Some(Err(e)) => html! { <p class="load-error" role="alert">{ format!("The directory could not load ({e}).") }</p> },
    }
}
