use std::rc::Rc;

use waypoint_core::site::Site;
use yew::prelude::*;

use super::Shell;
use crate::{browser, effects};

/// Loads the bundle, then hands the site to the shell.
#[function_component(App)]
pub fn app() -> Html {
    let site = use_state(|| None::<Result<Rc<Site>, String>>);
    {
        let site = site.clone();
        use_effect_with((), move |_| {
            effects::load_site(move |loaded| site.set(Some(loaded)))
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
            let languages: Vec<&str> = site
                .bundle
                .locales
                .iter()
                .map(|c| c.lang.as_str())
                .collect();
            let embed =
                waypoint_core::embed::parse(&browser::query(), &site.bundle.taxonomy, &languages)
                    .map(Rc::new);
            html! { <Shell site={site.clone()} {embed} /> }
        }
        // Until then, and on failure, index.html's own notice and help line
        // stay on screen.
        _ => html! {},
    }
}
