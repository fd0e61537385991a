use std::rc::Rc;

use yew::prelude::*;

use super::Shell;
use waypoint_core::bundle::Bundle;
use waypoint_core::site::Site;
use crate::browser;

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
    let outcome = site.as_ref().map(|r| r.is_ok());
    use_effect_with(outcome, |outcome| {
        if let Some(loaded) = *outcome {
            browser::finish_boot(loaded);
        }
    });
    match &*site {
        Some(Ok(site)) => {
            let languages: Vec<&str> = site.bundle.locales.iter().map(|c| c.lang.as_str()).collect();
            let embed = waypoint_core::embed::parse(&browser::query(), &site.bundle.taxonomy, &languages).map(Rc::new);
            html! { <Shell site={site.clone()} {embed} /> }
        }
        // Until then, and on failure, index.html's own notice and help line
        // stay on screen.
        _ => html! {},
    }
}
