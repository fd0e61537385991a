use std::rc::Rc;

use yew::prelude::*;

use super::directory::directory;
use super::guide::guide_view;
use super::filters::load_state_services;
use super::help_bar::help_bar;
use super::near::look_up_place;
use super::staff::{self, use_shortcuts};
use super::quick_exit::{use_quick_exit, QuickExit};
use super::safety::safety_page;
use super::service_detail::ServiceDetail;
use super::{use_app, AppContext};
use waypoint_core::embed::{EmbedConfig, EmbedView};
use waypoint_core::share::SharedSearch;
use waypoint_core::site::Site;
use crate::browser;
use crate::state::{Action, AppState, View};

#[derive(Properties, Clone)]
pub struct ShellProps {
    pub site: Rc<Site>,
    /// Set when running inside a partner's page.
    #[prop_or_default]
    pub embed: Option<Rc<EmbedConfig>>,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.site, &other.site) && self.embed == other.embed
    }
}

/// Switches language, fetching its strings first if only its search words
/// came with the first load.
pub fn switch_language(state: &AppContext, lang: String) {
    if !state.needs_catalog(&lang) {
        state.dispatch(Action::SetLanguage(lang));
        return;
    }
    fetch_strings(state, lang, true);
}

/// Fetches the rest of a language's strings (the site's own file, once):
/// on switching to it, or for the default language when the guide, the
/// safety page or the staff tools first need their words.
pub fn fetch_strings(state: &AppContext, lang: String, switch: bool) {
    let state = state.clone();
    yew::platform::spawn_local(async move {
        let Some(first_part) = state.site.catalog(&lang).cloned() else { return };
        let fetched = browser::fetch_bytes(&waypoint_core::bundle::catalog_path(&lang)).await;
        match fetched.and_then(|b| waypoint_core::bundle::decode::<waypoint_core::locale::Catalog>(&b).map_err(|e| e.to_string())) {
            Ok(rest) => {
                let mut full = first_part;
                full.merge(rest);
                state.dispatch(Action::CatalogLoaded(Rc::new(full), switch));
            }
            Err(_) => state.dispatch(Action::CatalogFailed),
        }
    });
}

/// Opens a search someone shared as a link (`#q=shelter&near=92101`).
fn open_shared_search(state: &AppContext, fragment: &str) {
    let shared = SharedSearch::from_fragment(fragment);
    if shared == SharedSearch::default() {
        return;
    }
    let place = shared.place.clone();
    let us_state = shared.state.clone();
    state.dispatch(Action::ApplyShared(Rc::new(shared)));
    if let Some(code) = us_state {
        load_state_services(state, code);
    }
    if let Some(place) = place {
        look_up_place(state, place);
    }
}

/// The frame every view shares: skip link, quick exit, language switch and
/// the help bar, always in the same place (WCAG 2.2 consistent help).
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let state = use_reducer(|| AppState::new(props.site.clone(), props.embed.clone(), browser::unix_ms()));
    html! {
        <ContextProvider<AppContext> context={state}>
            <Frame />
        </ContextProvider<AppContext>>
    }
}

#[function_component(Frame)]
fn frame() -> Html {
    let state = use_app();
    use_shortcuts();
    {
        // "Open now" follows the clock; a shared search link is read once.
        let state = state.clone();
        use_effect_with((), move |_| {
            // Links to a search come from the staff console and open there.
            if cfg!(feature = "staff") && state.embed.is_none() {
                open_shared_search(&state, &browser::fragment());
            }
            let state = state.clone();
            yew::platform::spawn_local(async move {
                loop {
                    yew::platform::time::sleep(std::time::Duration::from_secs(30)).await;
                    state.dispatch(Action::Tick(browser::unix_ms()));
                }
            });
        });
    }
    {
        let lang = state.lang.clone();
        let title = state.site.bundle.site.title.clone();
        use_effect_with(lang, move |lang| {
            browser::set_page_language(lang);
            browser::set_title(&title);
        });
    }
    {
        // Leaving the page by any route forgets what was typed; coming back
        // from the back/forward cache shows the page again, fresh.
        let state = state.clone();
        use_effect_with((), move |_| {
            let window = browser::window();
            let hide = {
                let state = state.clone();
                gloo_events::EventListener::new(&window, "pagehide", move |_| state.dispatch(Action::Forget))
            };
            let title = state.site.bundle.site.title.clone();
            let show = gloo_events::EventListener::new(&window, "pageshow", move |_| browser::unblank(&title));
            move || drop((hide, show))
        });
    }
    {
        // Inside a partner's page: their language and colours, and the
        // frame's height sent to them (only them) after every render.
        let state = state.clone();
        use_effect_with((), move |_| {
            let embed = state.embed.clone();
            if let Some(lang) = embed.as_ref().and_then(|e| e.lang.clone()) {
                switch_language(&state, lang);
            }
            if let Some(e) = &embed {
                browser::set_accent(e.accent.as_deref(), e.accent_ink.as_deref());
            }
            let parent = embed.and_then(|e| e.parent.clone());
            let watcher = parent.clone().and_then(browser::watch_height);
            let resize = parent.map(|origin| {
                gloo_events::EventListener::new(&browser::window(), "resize", move |_| browser::post_height(&origin))
            });
            move || {
                if let Some((observer, _)) = &watcher {
                    observer.disconnect();
                }
                drop((resize, watcher))
            }
        });
    }
    {
        let parent = state.embed.as_ref().and_then(|e| e.parent.clone());
        use_effect(move || {
            if let Some(origin) = &parent {
                browser::post_height(origin);
            }
        });
    }
    {
        // The guide's and the safety page's words arrive when first needed
        // (the staff console needs its own words at once).
        let state = state.clone();
        let needs_words = cfg!(feature = "staff") || matches!(state.view, View::Guide | View::Safety);
        use_effect_with((needs_words, state.lang.clone()), move |(needs, lang)| {
            if *needs && state.needs_catalog(lang) && !state.catalog_failed {
                fetch_strings(&state, lang.clone(), false);
            }
        });
    }
    {
        // Leaving the safety page or the guide returns focus to the control
        // that opened it, so keyboard users keep their place; arriving at
        // the safety page, or each new screen of the guide (once their words
        // are here), focuses its heading, for keyboard and screen reader
        // users alike.
        let previous = use_mut_ref(|| state.view);
        let ready = !state.needs_catalog(&state.lang);
        let guide_step = state.guide.as_ref().map(|g| g.current());
        use_effect_with((state.view, ready, guide_step), move |(view, ready, _)| {
            let from = std::mem::replace(&mut *previous.borrow_mut(), *view);
            match (view, from) {
                (View::Directory, View::Safety) => browser::focus("open-safety"),
                (View::Directory, View::Guide) => browser::focus("open-guide"),
                (View::Safety, _) if *ready => browser::focus("safety-title"),
                (View::Guide, _) if *ready => browser::focus("guide-title"),
                _ => {}
            }
        });
    }
    let s = state.strings();
    let exit = use_quick_exit();
    let exit_now = Callback::from(move |_: MouseEvent| exit.emit(()));
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        browser::focus("main");
    });
    let languages = state.site.bundle.locales.iter().map(|c| {
        let pressed = c.lang == state.lang;
        let onclick = {
            let state = state.clone();
            let lang = c.lang.clone();
            Callback::from(move |_: MouseEvent| switch_language(&state, lang.clone()))
        };
        html! {
            <button type="button" class="lang" lang={c.lang.clone()} aria-pressed={pressed.to_string()} {onclick}>{ &c.name }</button>
        }
    });
    let safety = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowSafety))
    };
    let guide = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::OpenGuide))
    };
    let show_guide = state.embed.as_ref().is_none_or(|e| e.view != EmbedView::Directory);
    let view = match state.view {
        View::Directory => directory(&state),
        View::Service(idx) => html! { <ServiceDetail service={idx} /> },
        View::Safety => safety_page(&state),
        View::Guide => guide_view(&state),
    };
    html! {
        <>
            // The link moves focus itself: following `#main` would change the
            // URL and add a history entry that quick exit cannot replace.
            <a class="skip-link" href="#main" onclick={skip}>{ s.get("nav.skip") }</a>
            <button type="button" id="skip-exit" class="skip-link" onclick={exit_now}>{ s.get("exit.skip") }</button>
            <header class="top">
                <span class="brand">{ s.get("app.name") }</span>
                <nav class="languages" aria-label={s.label("nav.language")}>{ for languages }</nav>
                <QuickExit />
            </header>
            { help_bar(&state) }
            <main id="main" tabindex="-1">{ view }</main>
            { staff::referral_sheet() }
            <footer class="footer">
                <p>{ s.get("footer.privacy") }</p>
                <p class="credit">{ s.get("footer.geo_credit") }</p>
                <p class="footer-links">
                    if show_guide {
                        <button type="button" id="footer-guide" class="link" onclick={guide}>{ s.get("guide.ui.nav") }</button>
                    }
                    <button type="button" id="open-safety" class="link" onclick={safety}>{ s.get("safety.link") }</button>
                </p>
            </footer>
        </>
    }
}
