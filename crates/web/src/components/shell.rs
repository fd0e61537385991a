use std::rc::Rc;

use waypoint_core::app::{Action, AppState, View};
use waypoint_core::embed::EmbedConfig;
use waypoint_core::site::Site;
use yew::prelude::*;

use super::directory::directory;
use super::help_bar::help_bar;
use super::quick_exit::QuickExit;
use super::screen::{guide_view, safety_page};
use super::service_detail::service_detail;
use super::staff;
use crate::store::{use_app, use_store, AppHandle};
use crate::{browser, effects};

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

/// The frame every view shares: skip link, quick exit, language switch and
/// the help bar, always in the same place (WCAG 2.2 consistent help).
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let app = use_store(|| {
        let state = AppState::new(props.site.clone(), props.embed.clone(), browser::unix_ms());
        if cfg!(feature = "staff") {
            state.for_staff()
        } else {
            state
        }
    });
    html! {
        <ContextProvider<AppHandle> context={app}>
            <Frame />
        </ContextProvider<AppHandle>>
    }
}

/// The frame's effects: each runs when what it names changes.
#[hook]
fn use_frame_effects(app: &AppHandle) {
    {
        // "Open now" follows the clock; a shared search link is read once.
        let app = app.clone();
        use_effect_with((), move |_| {
            // Links to a search come from the staff console and open there.
            if cfg!(feature = "staff") && app.embed.is_none() {
                effects::open_shared_search(&app, &browser::fragment());
            }
            effects::keep_time(&app);
            effects::fetch_search_words(&app);
            app.send(Action::BrowserLanguages(std::rc::Rc::new(
                browser::preferred_languages(),
            )));
        });
    }
    {
        // The language's whole catalogue (its title and direction come with
        // its strings, `Catalog::split`).
        let catalog = app.catalog_shown();
        let title = catalog.and_then(|c| c.tab_title()).unwrap_or(&app.site.bundle.site.title).to_string();
        let rtl = catalog.is_some_and(|c| c.rtl());
        use_effect_with((app.lang.clone(), rtl), move |(lang, rtl)| {
            browser::set_page_language(lang, *rtl);
            browser::set_title(&title);
        });
    }
    {
        // Leaving the page by any route forgets what was typed; coming back
        // from the back/forward cache shows the page again, fresh.
        let app = app.clone();
        use_effect_with((), move |_| {
            let window = browser::window();
            let title = app.site.bundle.site.title.clone();
            let hide = gloo_events::EventListener::new(&window, "pagehide", move |_| {
                app.send(Action::Forget)
            });
            let show = gloo_events::EventListener::new(&window, "pageshow", move |_| {
                browser::unblank(&title)
            });
            move || drop((hide, show))
        });
    }
    {
        // Inside a partner's page: their language and colours, and the
        // frame's height sent to them (only them) after every render.
        let app = app.clone();
        use_effect_with((), move |_| {
            let embed = app.embed.clone();
            if let Some(lang) = embed.as_ref().and_then(|e| e.lang.clone()) {
                effects::switch_language(&app, lang);
            }
            if let Some(e) = &embed {
                browser::set_accent(e.accent.as_deref(), e.accent_ink.as_deref());
            }
            let parent = embed.and_then(|e| e.parent.clone());
            let watcher = parent.clone().and_then(browser::watch_height);
            let resize = parent.map(|origin| {
                gloo_events::EventListener::new(&browser::window(), "resize", move |_| {
                    browser::post_height(&origin)
                })
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
        let parent = app.embed.as_ref().and_then(|e| e.parent.clone());
        use_effect(move || {
            if let Some(origin) = &parent {
                browser::post_height(origin);
            }
        });
    }
    {
        // A regional site's own services arrive after the first load, one
        // part after another, the nearest a chosen place first.
        let next = app.next_home_file();
        let app = app.clone();
        use_effect_with(next, move |next| {
            if let Some(file) = next {
                effects::load_home_file(&app, file.clone());
            }
        });
    }
    {
        // The guide's and the safety page's words arrive when first needed,
        // the guide's questions with them (`Catalog::guide`); the staff
        // console needs its own words at once.
        let app = app.clone();
        let needs_words =
            cfg!(feature = "staff") || matches!(app.nav.view, View::Guide | View::Safety);
        use_effect_with((needs_words, app.lang.clone()), move |(needs, lang)| {
            if *needs && app.needs_catalog(lang) && !app.loaded.catalog_failed {
                effects::fetch_strings(&app, lang.clone(), false);
            }
        });
    }
    {
        // Leaving the safety page or the guide returns focus to the control
        // that opened it, so keyboard users keep their place; arriving at a
        // service, the safety page, or each new screen of the guide (once
        // their words are here) shows it from its top and focuses its
        // heading, for keyboard and screen reader users alike (the
        // stylesheet's scroll-padding keeps a focused control clear of the
        // sticky header).
        let previous = use_mut_ref(|| app.nav.view);
        let ready = !app.needs_catalog(&app.lang) && !app.needs_guide();
        let guide_step = app.guide.session.as_ref().map(|g| g.current());
        use_effect_with(
            (app.nav.view, ready, guide_step),
            move |&(view, ready, _)| {
                let from = std::mem::replace(&mut *previous.borrow_mut(), view);
                let heading = |id| {
                    browser::scroll_to_top();
                    browser::focus(id);
                };
                match (view, from) {
                    (View::Directory, View::Safety) => browser::focus("open-safety"),
                    (View::Directory, View::Guide) => browser::focus("open-guide"),
                    (View::Service(_), _) => heading("service-title"),
                    (View::Safety, _) if ready => heading("safety-title"),
                    (View::Guide, _) if ready => heading("guide-title"),
                    _ => {}
                }
            },
        );
    }
}

#[function_component(Frame)]
fn frame() -> Html {
    let app = use_app();
    use_frame_effects(&app);
    staff::use_staff_effects(&app);
    let s = app.strings();
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        browser::focus("main");
    });
    // One compact control, each language named in itself, on every view.
    let onchange = app.run(|app, e: Event| {
        if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            effects::switch_language(app, select.value());
        }
    });
    let picker = html! {
        <select id="language-select" class="language-select" aria-label={s.label("nav.language")} autocomplete="off" {onchange}>
            { for app.site.bundle.locales.iter().map(|c| html! {
                <option value={c.lang.clone()} lang={c.lang.clone()} selected={c.lang == app.lang}>{ &c.name }</option>
            }) }
        </select>
    };
    let current = app.catalog_shown();
    let review_note = current.and_then(|c| c.review_note()).map(str::to_string);
    // Offered on the directory before anything is typed: once someone is
    // searching or reading, the line would only push their results down
    // (the picker stays on every view).
    let offering = app.nav.view == View::Directory && app.search.query.is_empty();
    let offer = offering.then(|| app.language_offer()).flatten().map(|c| {
        let lang = c.lang.clone();
        let onclick = app.run(move |app, _: MouseEvent| effects::switch_language(app, lang.clone()));
        html! { <p><button type="button" id="language-offer" class="link language-offer" lang={c.lang.clone()} {onclick}>{ c.offer() }</button></p> }
    });
    let view = match app.nav.view {
        View::Directory => directory(&app),
        // The staff console at desktop widths: the list beside the open
        // service (the stylesheet folds it to one column on narrow screens).
        View::Service(idx) if cfg!(feature = "staff") => html! {
            <div class="panes">
                <div class="pane-list">{ directory(&app) }</div>
                <div class="pane-detail">{ service_detail(&app, idx) }</div>
            </div>
        },
        View::Service(idx) => service_detail(&app, idx),
        View::Safety => safety_page(&app),
        View::Guide => guide_view(&app),
    };
    html! {
        <>
            // The link moves focus itself: following `#main` would change the
            // URL and add a history entry that quick exit cannot replace.
            <a class="skip-link" href="#main" onclick={skip}>{ s.get("nav.skip") }</a>
            <button type="button" id="skip-exit" class="skip-link" onclick={app.run(|app, _: MouseEvent| effects::quick_exit(app))}>{ s.get("exit.skip") }</button>
            <header class="top">
                <span class="brand">{ s.get("app.name") }</span>
                <div class="languages">{ picker }</div>
                <QuickExit />
            </header>
            // The hotline stays in the same place in every language; the
            // notes about the language come after it.
            { help_bar(&app) }
            if offer.is_some() {
                <div class="language-notes">{ for offer }</div>
            }
            <main id="main" tabindex="-1">{ view }</main>
            { staff::referral_sheet(&app) }
            <footer class="footer">
                // An unreviewed translation says so in its own words, at the
                // foot of every view, where it never pushes help down.
                if let Some(note) = review_note { <p class="review-note">{ note }</p> }
                <p>{ s.get("footer.privacy") }</p>
                <p class="credit">{ s.get("footer.geo_credit") }</p>
                <p class="footer-links">
                    if app.offers_guide() {
                        <button type="button" id="footer-guide" class="link" onclick={app.act(Action::OpenGuide)}>{ s.get("guide.ui.nav") }</button>
                    }
                    <button type="button" id="open-safety" class="link" onclick={app.act(Action::ShowSafety)}>{ s.get("safety.link") }</button>
                </p>
            </footer>
        </>
    }
}
