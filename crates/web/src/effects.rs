//! Every effect the app has, in one room: fetching the bundle, catalogues,
//! state files and geo files; the clipboard; geolocation; the clock. Each
//! runs outside the reducer and turns what it got into actions. Views call
//! these through `AppHandle::run`; none of them fetches or copies itself.
//!
//! Every fetch is a GET of one of the site's own files, named by the
//! bundle's layout (`waypoint_core::bundle::paths`), never by what was
//! typed: a place is looked up by fetching the small file its ZIP prefix or
//! state lives in, and the match is made here, on the device.

use std::rc::Rc;

use waypoint_core::app::{Action, FilterChange, Notice, PlaceStatus, View};
use waypoint_core::bundle::{self, paths, Bundle};
use waypoint_core::geo::{self, PlaceInput};
use waypoint_core::locale::Catalog;
use waypoint_core::model::Directory;
use waypoint_core::share::SharedSearch;
use waypoint_core::site::{Order, Site};

use crate::browser;
use crate::store::AppHandle;

/// Loads the bundle and builds the site (the search index) from it.
pub fn load_site(done: impl FnOnce(Result<Rc<Site>, String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = browser::fetch_bytes(paths::BUNDLE)
            .await
            .and_then(|bytes| Bundle::decode(&bytes).map_err(|e| e.to_string()))
            .map(|bundle| Rc::new(Site::new(bundle)));
        done(loaded);
    });
}

/// The clock "open now" is judged against, sent every half minute.
pub fn keep_time(app: &AppHandle) {
    let app = app.clone();
    yew::platform::spawn_local(async move {
        loop {
            yew::platform::time::sleep(std::time::Duration::from_secs(30)).await;
            app.send(Action::Tick(browser::unix_ms()));
        }
    });
}

/// Switches language, fetching its strings first if only its search words
/// came with the first load.
pub fn switch_language(app: &AppHandle, lang: String) {
    if app.needs_catalog(&lang) {
        fetch_strings(app, lang, true);
    } else {
        app.send(Action::SetLanguage(lang));
    }
}

/// Fetches the rest of a language's strings (the site's own file, once):
/// on switching to it, or for the default language when the guide, the
/// safety page or the staff tools first need their words.
pub fn fetch_strings(app: &AppHandle, lang: String, switch_to: bool) {
    let app = app.clone();
    yew::platform::spawn_local(async move {
        let Some(first_part) = app.site.catalog(&lang).cloned() else {
            return;
        };
        // An instant-search language whose words have not arrived yet: they
        // are part of its strings (its labels), so they come first.
        let words = if app.site.bundle.site.instant_search.contains(&lang) && !first_part.searchable {
            Some(fetch_catalog(&paths::search_words(&lang)).await)
        } else {
            None
        };
        match (fetch_catalog(&paths::catalog(&lang)).await, words.transpose()) {
            (Ok(rest), Ok(words)) => {
                let mut full = first_part;
                if let Some(words) = words {
                    full.add_search_words(words);
                }
                full.merge(rest);
                app.send(Action::CatalogLoaded {
                    catalog: Rc::new(full),
                    switch_to,
                });
            }
            _ => app.send(Action::CatalogFailed),
        }
    });
}

async fn fetch_catalog(url: &str) -> Result<Catalog, String> {
    let bytes = browser::fetch_bytes(url).await?;
    bundle::decode::<Catalog>(&bytes).map_err(|e| e.to_string())
}

/// Once the page has drawn: the search words of the site's instant-search
/// languages (the same files for everyone, whatever is typed), so a query
/// in one finds records before anyone switches to it.
pub fn fetch_search_words(app: &AppHandle) {
    for lang in app.site.bundle.site.instant_search.clone() {
        let app = app.clone();
        yew::platform::spawn_local(async move {
            if let Ok(words) = fetch_catalog(&paths::search_words(&lang)).await {
                app.send(Action::SearchWordsLoaded(Rc::new(words)));
            }
        });
    }
}

/// Chooses a state. In a national directory a state's services load when
/// it is chosen (once, from the site itself); typing never fetches anything.
pub fn choose_state(app: &AppHandle, code: Option<String>) {
    app.send(Action::Filter(FilterChange::State(code.clone())));
    if let Some(code) = code {
        load_state_services(app, code);
    }
}

/// Fetches a state's services if this is a national directory and they
/// are not here yet.
pub fn load_state_services(app: &AppHandle, state: String) {
    let Some(file) = app.state_file(&state) else {
        return;
    };
    let app = app.clone();
    yew::platform::spawn_local(async move {
        let loaded = browser::fetch_bytes(&file)
            .await
            .and_then(|b| bundle::decode::<Directory>(&b).map_err(|e| e.to_string()));
        app.send(match loaded {
            Ok(directory) => Action::StateLoaded {
                state,
                directory: Rc::new(directory),
            },
            Err(_) => Action::StateFailed { state },
        });
    });
}

/// Fetches one part of the home region (`AppState::next_home_file`): at
/// start, with no choice made, because a regional site's own services are
/// its default view.
pub fn load_home_file(app: &AppHandle, file: String) {
    let app = app.clone();
    yew::platform::spawn_local(async move {
        let loaded = browser::fetch_bytes(&paths::url(&file))
            .await
            .and_then(|b| bundle::decode::<Directory>(&b).map_err(|e| e.to_string()));
        app.send(match loaded {
            Ok(directory) => Action::StateLoaded {
                state: file,
                directory: Rc::new(directory),
            },
            Err(_) => Action::StateFailed { state: file },
        });
    });
}

async fn fetch_geo(file: &str) -> Option<String> {
    let bytes = browser::fetch_bytes(&paths::geo(file)).await.ok()?;
    String::from_utf8(bytes).ok()
}

/// Finds what was typed in the place box (or a ZIP code typed in the search
/// box) in the site's own files: one small file per ZIP prefix or state,
/// fetched from the site itself, so the place never leaves the device.
/// `order` is the order a shared link named, kept once the place is found.
pub fn look_up_place(app: &AppHandle, text: String, order: Option<Order>) {
    app.send(Action::PlaceTyped(text.clone()));
    if text.trim().is_empty() {
        app.send(Action::PlaceFound {
            place: None,
            order: None,
        });
        return;
    }
    let Some(input) = geo::parse_place(&text, &app.site.bundle.taxonomy) else {
        app.send(Action::PlaceStatus(PlaceStatus::NotFound));
        return;
    };
    let app = app.clone();
    yew::platform::spawn_local(async move {
        let place = match input {
            PlaceInput::Zip(zip) => fetch_geo(&geo::zip_file(&zip))
                .await
                .and_then(|t| geo::find_zip(&t, &zip)),
            PlaceInput::City { city, state } => fetch_geo(&geo::city_file(&state, &city))
                .await
                .and_then(|t| geo::find_city(&t, &state, &city)),
            PlaceInput::State(code) => {
                // A whole state is the state filter, not a point.
                app.send(Action::PlaceFound {
                    place: None,
                    order: None,
                });
                choose_state(&app, Some(code));
                return;
            }
        };
        found(&app, place, order);
    });
}

fn found(app: &AppHandle, place: Option<geo::Place>, order: Option<Order>) {
    match place {
        Some(place) => {
            load_state_services(app, place.state.clone());
            app.send(Action::PlaceFound {
                place: Some(Rc::new(place)),
                order,
            });
        }
        None => app.send(Action::PlaceStatus(PlaceStatus::NotFound)),
    }
}

/// The device's location, only after a tap: the nearest ZIP code's centre
/// stands in for it, so the exact position is dropped at once. Only the
/// staff console offers it: asking makes the browser remember a permission
/// for this site, a trace a survivor on a shared device should not leave
/// (and a ZIP code is as good for finding help).
#[cfg(feature = "staff")]
pub fn locate_device(app: &AppHandle) {
    app.send(Action::PlaceStatus(PlaceStatus::Locating));
    let app = app.clone();
    browser::locate(move |answer| {
        let Some((lat, lon)) = answer else {
            app.send(Action::PlaceStatus(PlaceStatus::LocationFailed));
            return;
        };
        let point = geo::Point { lat, lon };
        yew::platform::spawn_local(async move {
            // The nearest ZIP's centre, reading as few prefix files as can
            // prove it nearest (a median of 3).
            let mut place = None;
            if let Some(prefixes) = fetch_geo(geo::PREFIX_FILE).await {
                let mut search = geo::NearestZipSearch::new(&prefixes, point);
                while let Some(file) = search.next_file() {
                    if let Some(text) = fetch_geo(&file).await {
                        search.add(&text);
                    }
                }
                place = search.best().cloned();
            }
            let Some(place) = place else {
                app.send(Action::PlaceStatus(PlaceStatus::LocationFailed));
                return;
            };
            app.send(Action::PlaceTyped(place.label.clone()));
            found(&app, Some(place), None);
        });
    });
}

/// Opens a search someone shared as a link (`#q=shelter&near=92101`): its
/// words and filters at once, then its state's services and its place.
pub fn open_shared_search(app: &AppHandle, fragment: &str) {
    let shared = SharedSearch::from_fragment(fragment);
    if shared == SharedSearch::default() {
        return;
    }
    let (place, state, order) = (shared.place.clone(), shared.state.clone(), shared.order);
    app.send(Action::ApplyShared(Rc::new(shared)));
    if let Some(code) = state {
        load_state_services(app, code);
    }
    if let Some(place) = place {
        look_up_place(app, place, order);
    }
}

/// Back to the results, focus on the service that was open, so a keyboard
/// user carries on from where they were.
pub fn back_to_list(app: &AppHandle) {
    let View::Service(idx) = app.nav.view else {
        return;
    };
    let id = format!("open-{}", app.site.service(idx).id);
    app.send(Action::BackToResults);
    // After the list is drawn again, return focus to where it was.
    yew::platform::spawn_local(async move { browser::focus(&id) });
}

/// Focus moves to `id` once the view that holds it has been drawn.
pub fn focus_after_render(id: &'static str) {
    yew::platform::spawn_local(async move { browser::focus(id) });
}

/// Copies the referrals of these services as plain text; if the browser
/// will not, shows the text to copy by hand.
pub fn copy_referrals(app: &AppHandle, services: Vec<u32>) {
    if services.is_empty() {
        return;
    }
    let text = waypoint_core::referral::referral_sheet(
        &app.site,
        &services,
        &app.strings(),
        app.search.filters.near.as_deref(),
    );
    copy(
        app,
        text,
        Notice::Copied {
            count: services.len(),
        },
    );
}

/// Copies a link to the current search: words, place and filters in the
/// fragment, nothing from the guide. Only ever on request.
pub fn copy_search_link(app: &AppHandle) {
    let search = &app.search;
    let place = search
        .filters
        .near
        .as_ref()
        .map(|_| search.place_text.as_str());
    let shared = SharedSearch::of(
        &search.query,
        place,
        &search.filters,
        search.order,
        &app.site.bundle.taxonomy,
    );
    let fragment = shared.to_fragment();
    let link = if fragment.is_empty() {
        browser::page_address()
    } else {
        format!("{}#{fragment}", browser::page_address())
    };
    copy(app, link, Notice::LinkCopied);
}

fn copy(app: &AppHandle, text: String, done: Notice) {
    let app = app.clone();
    yew::platform::spawn_local(async move {
        let notice = if browser::copy_text(&text).await {
            done
        } else {
            Notice::CopyFailed { text }
        };
        app.send(Action::Notify(Some(notice)));
    });
}

/// Leaving, from anywhere: wipe what was typed and chosen, blank the page,
/// replace it in history with the neutral destination.
pub fn quick_exit(app: &AppHandle) {
    app.send(Action::Forget);
    match &app.embed {
        // In a partner's page the whole page must go, not just the frame.
        Some(embed) => browser::quick_exit_top(
            embed
                .exit
                .as_deref()
                .unwrap_or(&app.site.bundle.site.exit_url),
        ),
        None => browser::quick_exit(&app.site.bundle.site.exit_url),
    }
}
