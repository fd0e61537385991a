//! The app's state transitions, natively: what each action does to what the
//! person sees, on the real default data. The browser only wraps
//! `AppState::reduce`, so these are the app's behaviour minus the drawing.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use std::rc::Rc;

use waypoint_core::app::{Action, AppState, FilterChange, Notice, PlaceStatus, View, MORE, PAGE};
use waypoint_core::embed::EmbedConfig;
use waypoint_core::geo::{self, Place};
use waypoint_core::guide::Reply;
use waypoint_core::model::Directory;
use waypoint_core::share::SharedSearch;
use waypoint_core::site::{Order, Site};

/// 2026-12-01 12:00:30 UTC: half a minute into a minute, so +20 s stays in
/// it and +40 s turns it.
const NOW: i64 = 1_796_126_430_000;

fn fresh() -> AppState {
    AppState::new(support::default_site(), None, NOW)
}

fn run(state: &AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
    actions.into_iter().fold(state.clone(), |s, a| s.reduce(a))
}

/// 92101 as the ZIP lookup finds it in the site's own geo files.
fn downtown_san_diego() -> Rc<Place> {
    let file = include_str!("../../../tests/fixtures/geo/zip-921.txt");
    Rc::new(geo::find_zip(file, "92101").expect("92101 in the fixture"))
}

fn found(place: &Rc<Place>, order: Option<Order>) -> Action {
    Action::PlaceFound {
        place: Some(place.clone()),
        order,
    }
}

fn ids(state: &AppState) -> Vec<String> {
    state
        .search
        .results
        .services
        .iter()
        .map(|&i| state.site.service(i).id.clone())
        .collect()
}

// ------------------------------------------------------------- the place

#[test]
fn a_place_being_looked_up_shows_as_looking_then_sorts_nearest_first_once_found() {
    let place = downtown_san_diego();
    let looking = run(
        &fresh(),
        [
            Action::Search("shelter".into()),
            Action::PlaceTyped("92101".into()),
        ],
    );
    assert_eq!(looking.search.place_status, PlaceStatus::Looking);
    assert_eq!(looking.search.place_text, "92101");
    assert_eq!(
        looking.search.order,
        Order::Relevance,
        "nothing moves before the place is found"
    );

    let placed = looking.reduce(found(&place, None));
    assert_eq!(placed.search.place_status, PlaceStatus::Idle);
    assert_eq!(
        placed.search.order,
        Order::Distance,
        "a found place sorts nearest first"
    );
    assert_eq!(placed.search.filters.near.as_deref(), Some(&*place));
    assert_eq!(placed.search.query, "shelter", "the words stay");
    assert!(!placed.search.results.services.is_empty());

    let cleared = placed.reduce(Action::PlaceFound {
        place: None,
        order: None,
    });
    assert_eq!(
        cleared.search.order,
        Order::Relevance,
        "no place, nothing to sort by distance"
    );
    assert!(cleared.search.filters.near.is_none());
    assert_eq!(
        cleared.search.place_text, "",
        "the box empties with the place"
    );
}

#[test]
fn a_blank_place_is_idle_and_an_unknown_one_says_so() {
    let blank = fresh().reduce(Action::PlaceTyped("   ".into()));
    assert_eq!(blank.search.place_status, PlaceStatus::Idle);
    let unknown = run(
        &fresh(),
        [
            Action::PlaceTyped("Atlantis".into()),
            Action::PlaceStatus(PlaceStatus::NotFound),
        ],
    );
    assert_eq!(unknown.search.place_status, PlaceStatus::NotFound);
    assert_eq!(
        unknown.search.place_text, "Atlantis",
        "what was typed stays, to correct it"
    );
}

#[test]
fn a_shared_links_named_order_survives_its_place_being_found() {
    let place = downtown_san_diego();
    let link = SharedSearch {
        query: "shelter".into(),
        place: Some("92101".into()),
        order: Some(Order::Relevance),
        ..SharedSearch::default()
    };
    let opened = fresh().reduce(Action::ApplyShared(Rc::new(link.clone())));
    assert_eq!(opened.search.query, "shelter");
    assert_eq!(opened.search.place_text, "92101");
    assert_eq!(
        opened.search.place_status,
        PlaceStatus::Looking,
        "its place is being looked up"
    );
    assert_eq!(opened.search.order, Order::Relevance);

    // The effect that looks the place up passes on the order the link named.
    let placed = opened.reduce(found(&place, link.order));
    assert_eq!(
        placed.search.order,
        Order::Relevance,
        "best match, as the link said"
    );
    assert!(placed.search.filters.near.is_some());

    // A link that named no order gets nearest first like any found place.
    let plain = SharedSearch {
        order: None,
        ..link
    };
    let placed = run(
        &fresh(),
        [
            Action::ApplyShared(Rc::new(plain.clone())),
            found(&place, plain.order),
        ],
    );
    assert_eq!(placed.search.order, Order::Distance);
}

#[test]
fn a_shared_links_open_now_is_judged_by_the_pages_clock() {
    let link = SharedSearch {
        query: "hotline".into(),
        open_now: true,
        ..SharedSearch::default()
    };
    let opened = fresh().reduce(Action::ApplyShared(Rc::new(link)));
    assert_eq!(opened.search.filters.open_at, Some(NOW));
}

// ------------------------------------------------------ the clock, open now

#[test]
fn the_minute_tick_searches_open_now_again_only_when_the_minute_turns() {
    let open_now = run(
        &fresh(),
        [
            Action::Filter(FilterChange::OpenNow(true)),
            Action::ShowMore,
            Action::Notify(Some(Notice::LinkCopied)),
        ],
    );
    assert_eq!(open_now.search.filters.open_at, Some(NOW));
    assert_eq!(open_now.search.shown, PAGE + MORE);

    let same_minute = open_now.reduce(Action::Tick(NOW + 20_000));
    assert_eq!(same_minute.clock, NOW + 20_000);
    assert_eq!(
        same_minute.search.filters.open_at,
        Some(NOW),
        "still judged at the same minute"
    );
    assert!(
        same_minute.search.results == open_now.search.results,
        "no new search within the minute"
    );

    let next_minute = same_minute.reduce(Action::Tick(NOW + 40_000));
    assert_eq!(
        next_minute.search.filters.open_at,
        Some(NOW + 40_000),
        "judged at the new minute"
    );
    assert!(
        next_minute.search.results != open_now.search.results,
        "searched again"
    );
    assert_eq!(
        next_minute.search.shown,
        PAGE + MORE,
        "the list does not collapse"
    );
    assert_eq!(
        next_minute.staff.notice,
        Some(Notice::LinkCopied),
        "a notice on screen stays"
    );
    assert_eq!(next_minute.nav.view, View::Directory);
}

#[test]
fn without_open_now_the_tick_only_moves_the_clock() {
    let before = fresh().reduce(Action::Search("legal".into()));
    let after = before.reduce(Action::Tick(NOW + 120_000));
    assert_eq!(after.clock, NOW + 120_000);
    assert!(
        after.search.results == before.search.results,
        "no search without open now"
    );
}

#[test]
fn open_now_keeps_only_services_open_at_the_clock() {
    let state = fresh().reduce(Action::Filter(FilterChange::OpenNow(true)));
    let site = &state.site;
    assert!(
        !state.search.results.services.is_empty(),
        "the 24/7 lines are always open"
    );
    for &i in state.search.results.services.iter() {
        assert!(
            waypoint_core::hours::is_open_now(&site.service(i).hours, NOW),
            "{} is closed at NOW",
            site.service(i).id
        );
    }
    let off = state.reduce(Action::Filter(FilterChange::OpenNow(false)));
    assert_eq!(off.search.filters.open_at, None);
}

// ---------------------------------------------------- clear all, partners

#[test]
fn clear_all_keeps_the_partners_scope_and_drops_the_place_and_a_typed_zip() {
    let site = support::default_site();
    let embed = EmbedConfig {
        states: vec!["CA".into()],
        ..EmbedConfig::default()
    };
    let partner = AppState::new(site, Some(Rc::new(embed)), NOW);
    let scope = partner
        .search
        .filters
        .scope
        .clone()
        .expect("the partner's states scope the search");
    assert_eq!(scope.states, ["CA"]);

    let place = downtown_san_diego();
    let busy = run(
        &partner,
        [
            Action::Filter(FilterChange::FreeOnly(true)),
            Action::Search("shelter 92101".into()),
            found(&place, None),
        ],
    );
    assert!(busy.search.filters.free_only && busy.search.filters.near.is_some());
    assert_eq!(
        busy.search.filters.scope.as_deref(),
        Some(&*scope),
        "the scope rides on every search"
    );

    let cleared = busy.reduce(Action::ClearFilters);
    assert_eq!(
        cleared.search.filters.scope.as_deref(),
        Some(&*scope),
        "and survives Clear all"
    );
    assert!(!cleared.search.filters.free_only);
    assert!(cleared.search.filters.near.is_none());
    assert_eq!(
        cleared.search.query, "shelter",
        "the ZIP typed as a word goes with the place"
    );
    assert_eq!(
        (
            cleared.search.order,
            cleared.search.place_text.as_str(),
            cleared.search.place_status
        ),
        (Order::Relevance, "", PlaceStatus::Idle)
    );
    assert_eq!(cleared.search.filters.count(), 0);
}

#[test]
fn choosing_a_domain_drops_a_service_code_from_another() {
    let site = support::default_site();
    let t = &site.bundle.taxonomy;
    let (code, _) = t
        .service_types_in(0)
        .next()
        .expect("the first domain has service codes");
    let state = run(
        &fresh(),
        [
            Action::Filter(FilterChange::Domain(Some(0))),
            Action::Filter(FilterChange::ServiceType(Some(code))),
        ],
    );
    assert_eq!(state.search.filters.service_type, Some(code));
    let other = state.reduce(Action::Filter(FilterChange::Domain(Some(1))));
    assert_eq!(other.search.filters.service_type, None);
}

// ------------------------------------------------------ national, by state

/// The default data split by state, as a national build ships it: the core
/// bundle the page loads first, and each state's services to fetch.
fn split_by_state() -> (Rc<Site>, Vec<(String, String, Directory)>) {
    let (core, shards) = support::default_bundle().split(None, 0);
    let shards = shards
        .into_iter()
        .map(|(info, bytes)| {
            (
                info.state,
                info.file,
                waypoint_core::bundle::decode(&bytes).unwrap(),
            )
        })
        .collect();
    (Rc::new(Site::new(core)), shards)
}

#[test]
fn loading_a_states_services_adds_them_and_keeps_the_search() {
    let (site, shards) = split_by_state();
    let (state, file, directory) = shards
        .into_iter()
        .max_by_key(|(_, _, d)| d.services.len())
        .expect("some state has its own services");
    let before = run(
        &AppState::new(site, None, NOW),
        [
            Action::Search("help".into()),
            Action::Filter(FilterChange::State(Some(state.clone()))),
            Action::ShowMore,
        ],
    );
    assert_eq!(
        before.state_file(&state),
        Some(format!("site-data/{file}")),
        "fetched from the site's own folder"
    );
    let count = before.site.services().len();

    let failed = before.reduce(Action::StateFailed {
        state: state.clone(),
    });
    assert_eq!(failed.loaded.state_error.as_deref(), Some(state.as_str()));

    let loaded = failed.reduce(Action::StateLoaded {
        state: state.clone(),
        directory: Rc::new(directory.clone()),
    });
    assert_eq!(
        loaded.site.services().len(),
        count + directory.services.len()
    );
    assert_eq!(loaded.state_file(&state), None, "never fetched twice");
    assert_eq!(loaded.loaded.state_error, None);
    assert_eq!(
        (
            loaded.search.query.as_str(),
            loaded.search.filters.state.as_deref()
        ),
        ("help", Some(state.as_str()))
    );
    assert_eq!(loaded.search.shown, PAGE + MORE, "how much is shown stays");
    let shown = ids(&loaded);
    assert!(
        directory.services.iter().any(|s| shown.contains(&s.id)),
        "the state's services are found"
    );

    let again = loaded.reduce(Action::StateLoaded {
        state,
        directory: Rc::new(directory),
    });
    assert_eq!(
        again.site.services().len(),
        loaded.site.services().len(),
        "a second arrival adds nothing"
    );
}

// ---------------------------------------------------- a regional site's home

/// The default data and the located fixtures around it as a regional
/// deployment with home region CA ships them, in small parts so there are
/// several.
fn regional() -> (AppState, Vec<(waypoint_core::bundle::ShardInfo, Directory)>) {
    let home = waypoint_core::bundle::HomeRegion {
        areas: vec!["CA".into()],
    };
    // One byte: every area gets a part of its own.
    let (core, files) = support::nearby_bundle().split(Some(&home), 1);
    let files: Vec<_> = files
        .into_iter()
        .filter(|(info, _)| info.home)
        .map(|(info, bytes)| (info, waypoint_core::bundle::decode(&bytes).unwrap()))
        .collect();
    (AppState::new(Rc::new(Site::new(core)), None, NOW), files)
}

#[test]
fn a_regional_site_fetches_its_home_services_at_start_one_part_after_another() {
    let (start, files) = regional();
    assert!(
        files.len() >= 3,
        "{:?}",
        files
            .iter()
            .map(|(i, _)| (&i.file, i.services))
            .collect::<Vec<_>>()
    );
    assert!(
        start.site.services().iter().all(|s| s.is_nationwide()),
        "the first load holds only nationwide services"
    );
    let mut state = start;
    let mut fetched = Vec::new();
    // No choice made: each arrival names the next part, until all are here.
    while let Some(file) = state.next_home_file() {
        assert!(!fetched.contains(&file), "{file} fetched twice");
        let (_, directory) = files
            .iter()
            .find(|(info, _)| info.file == file)
            .expect("a file the build wrote");
        fetched.push(file.clone());
        state = state.reduce(Action::StateLoaded {
            state: file,
            directory: Rc::new(directory.clone()),
        });
    }
    assert_eq!(fetched.len(), files.len());
    let whole = Site::new(support::nearby_bundle());
    let outside = whole
        .services()
        .iter()
        .filter(|s| !s.is_nationwide() && !s.serves_state("CA"))
        .count();
    assert_eq!(
        state.site.services().len() + outside,
        whole.services().len(),
        "with every part here, the whole region (other states wait to be chosen)"
    );
    let local = |id: &String| {
        !whole
            .services()
            .iter()
            .find(|s| &s.id == id)
            .unwrap()
            .is_nationwide()
    };
    assert!(
        ids(&state).iter().any(local),
        "local services listed with no filter chosen"
    );
}

#[test]
fn the_home_part_nearest_a_chosen_place_comes_first_and_a_failure_stops_the_chain() {
    let (start, files) = regional();
    let first = start.next_home_file().unwrap();
    assert_eq!(
        first, files[0].0.file,
        "with no place, in the order the build wrote them"
    );
    // A place beside the last located part's centre makes that part next.
    let (lat, lon) = files
        .iter()
        .rev()
        .find_map(|(i, _)| i.center)
        .expect("located services");
    let place = Place {
        label: "here".into(),
        point: geo::Point { lat, lon },
        state: "CA".into(),
        city: None,
        county: None,
        zip: None,
    };
    let near = start.reduce(Action::PlaceFound {
        place: Some(Rc::new(place)),
        order: None,
    });
    let nearest = near.next_home_file().unwrap();
    assert_ne!(nearest, first);
    let nearest_center = files
        .iter()
        .find(|(i, _)| i.file == nearest)
        .and_then(|(i, _)| i.center)
        .unwrap();
    let d = |c: (f32, f32)| {
        geo::miles_between(geo::Point { lat, lon }, geo::Point { lat: c.0, lon: c.1 })
    };
    assert!(
        files
            .iter()
            .filter_map(|(i, _)| i.center)
            .all(|c| d(nearest_center) <= d(c)),
        "the nearest part first"
    );
    let failed = near.reduce(Action::StateFailed { state: nearest });
    assert_eq!(
        failed.next_home_file(),
        None,
        "no retry loop; the page says the services could not load"
    );
    assert!(failed.loaded.state_error.is_some());
}

// --------------------------------------------------------------- language

#[test]
fn switching_language_waits_for_its_strings_then_switches() {
    let (first, later, _) = support::default_bundle().split_languages();
    let site = Rc::new(Site::new(first));
    let state = AppState::new(site.clone(), None, NOW);
    let other = later
        .iter()
        .find(|c| c.lang != state.lang)
        .expect("a second language")
        .lang
        .clone();
    assert!(state.needs_catalog(&other));

    let asked = state.reduce(Action::SetLanguage(other.clone()));
    assert_eq!(
        asked.lang, state.lang,
        "no switch to a language whose words are not here"
    );
    assert!(
        asked == state,
        "an action that changes nothing gives an equal state"
    );

    let failed = asked.reduce(Action::CatalogFailed);
    assert!(failed.loaded.catalog_failed);

    let mut full = site.catalog(&other).unwrap().clone();
    full.merge(later.iter().find(|c| c.lang == other).unwrap().clone());
    let full = Rc::new(full);
    let words_only = failed.reduce(Action::CatalogLoaded {
        catalog: full.clone(),
        switch_to: false,
    });
    assert_eq!(
        words_only.lang, state.lang,
        "words fetched for a view do not switch the language"
    );
    assert!(!words_only.loaded.catalog_failed);
    assert!(!words_only.needs_catalog(&other));

    let switched = failed.reduce(Action::CatalogLoaded {
        catalog: full,
        switch_to: true,
    });
    assert_eq!(switched.lang, other);
    assert_eq!(switched.strings().current.lang, other);
    // Back to the first language: at once if its words are all here,
    // otherwise only once they are (its guide words come later too).
    let back = switched.reduce(Action::SetLanguage(state.lang.clone()));
    assert_eq!(
        back.lang == state.lang,
        !switched.needs_catalog(&state.lang)
    );
}

/// The site's instant-search language (Spanish) finds nothing before its
/// search words arrive, and its records once they have, on the English page.
#[test]
fn instant_search_words_arrive_after_the_first_results() {
    let bundle = support::default_bundle();
    assert_eq!(bundle.site.instant_search, ["es"]);
    let (first, _, words) = bundle.split_languages();
    assert_eq!(words.iter().map(|c| c.lang.as_str()).collect::<Vec<_>>(), ["es"]);
    let state = AppState::new(Rc::new(Site::new(first)), None, NOW);
    let before = state.reduce(Action::Search("vivienda".into()));
    assert!(before.search.results.services.is_empty(), "no Spanish words in the first download");
    let loaded = before.reduce(Action::SearchWordsLoaded(Rc::new(words[0].clone())));
    assert!(!loaded.search.results.services.is_empty(), "the query typed before finds records once the words arrive");
    assert_eq!((loaded.lang.as_str(), loaded.search.query.as_str()), ("en", "vivienda"), "nothing switches, the query stays");
    assert!(loaded.needs_catalog("es"), "the rest of the Spanish strings still come on switching");
    // Arriving twice changes nothing.
    assert!(loaded.reduce(Action::SearchWordsLoaded(Rc::new(words[0].clone()))) == loaded);
}

// ------------------------------------------------------------------ guide

#[test]
fn a_built_site_gets_the_guide_with_the_later_strings_and_then_runs_it() {
    // `waypoint build` leaves the guide out of site.bin.
    let mut bundle = support::default_bundle();
    let guide = std::mem::take(&mut bundle.guide);
    let state = AppState::new(Rc::new(Site::new(bundle)), None, NOW);
    assert!(state.needs_guide(), "the first download has no guide");
    let opened = state.reduce(Action::OpenGuide);
    assert!(opened.needs_guide());
    // It comes with the language's later strings.
    let english = support::default_bundle().locales.into_iter().find(|c| c.lang == "en");
    let (_, mut later) = english.expect("English").split_later();
    later.guide = Some(guide.clone());
    let first = opened.site.catalog("en").expect("English").clone();
    let mut full = first;
    full.merge(later);
    let loaded = opened.reduce(Action::CatalogLoaded { catalog: Rc::new(full), switch_to: false });
    assert!(!loaded.needs_guide());
    assert_eq!(loaded.guide(), &guide);
    let started = loaded.reduce(Action::GuideStart);
    let first = started.guide.session.as_ref().expect("started").current();
    let skipped = started.reduce(Action::GuideReply(Reply::Skip));
    assert_ne!(skipped.guide.session.as_ref().unwrap().current(), first, "the fetched guide runs");
    assert!(!fresh().needs_guide(), "a bundle that carries its guide needs no fetch");
}

#[test]
fn the_guide_goes_forward_skips_back_and_starts_over() {
    let opened = fresh().reduce(Action::OpenGuide);
    assert_eq!(opened.nav.view, View::Guide);
    assert_eq!(
        opened.guide.session, None,
        "the opening, before any question"
    );

    let started = opened.reduce(Action::GuideStart);
    let first = started.guide.session.as_ref().expect("started").current();
    let skipped = started.reduce(Action::GuideReply(Reply::Skip));
    let second = skipped.guide.session.as_ref().unwrap().current();
    assert_ne!(second, first, "skip moves on");

    let back = skipped.reduce(Action::GuideBack);
    assert_eq!(
        back.guide.session.as_ref().unwrap().current(),
        first,
        "back returns to the step before"
    );
    let out = back.reduce(Action::GuideBack);
    assert_eq!(
        out.guide.session, None,
        "back from the first question is the opening"
    );

    let answered = run(
        &started,
        [
            Action::GuideReply(Reply::Choose(vec![0])),
            Action::GuideToggle(1),
        ],
    );
    let over = answered.reduce(Action::GuideStartOver);
    assert_eq!(over.guide.session, None);
    assert!(
        over.guide.choices.is_empty(),
        "no answer survives start over"
    );
    assert_eq!(over.nav.view, View::Guide);
}

#[test]
fn a_choose_any_steps_ticks_stay_sorted_and_untick() {
    let state = run(
        &fresh(),
        [
            Action::GuideStart,
            Action::GuideToggle(2),
            Action::GuideToggle(0),
        ],
    );
    assert_eq!(state.guide.choices, [0, 2]);
    assert_eq!(state.reduce(Action::GuideToggle(2)).guide.choices, [0]);
}

#[test]
fn a_need_from_the_guide_opens_the_directory_filtered_to_it() {
    let state = run(
        &fresh(),
        [
            Action::Search("words".into()),
            Action::GuideStart,
            Action::GuideShowNeed(0),
        ],
    );
    let need = &state.site.bundle.guide.needs[0];
    assert_eq!(state.nav.view, View::Directory);
    assert_eq!(state.search.query, "");
    assert_eq!(
        state.search.filters,
        waypoint_core::filter::Filters::for_need(need)
    );
    assert!(
        state.guide.session.is_some(),
        "the guide's place is kept for coming back"
    );
}

// ------------------------------------------------------------ staff tools

#[test]
fn staff_selection_keeps_the_order_picked_and_the_sheet_falls_back_to_the_open_service() {
    let state = run(
        &fresh(),
        [Action::ToggleSelected(3), Action::ToggleSelected(1)],
    );
    assert_eq!(*state.staff.selected, [3, 1]);
    assert_eq!(state.referral_targets(), [3, 1]);
    let state = state.reduce(Action::ToggleSelected(3));
    assert_eq!(*state.staff.selected, [1]);

    let open = run(&state, [Action::ClearSelected, Action::Open(5)]);
    assert!(open.staff.selected.is_empty());
    assert_eq!(
        open.referral_targets(),
        [5],
        "nothing picked: the service open"
    );
    assert_eq!(
        (open.nav.view, open.nav.last_opened),
        (View::Service(5), Some(5))
    );
    let back = open.reduce(Action::BackToResults);
    assert_eq!(
        (back.nav.view, back.nav.last_opened),
        (View::Directory, Some(5)),
        "focus can return to it"
    );

    let compact = back.reduce(Action::ToggleCompact);
    assert!(compact.staff.compact);
    assert!(!compact.reduce(Action::ToggleCompact).staff.compact);
}

#[test]
fn a_new_search_clears_a_copy_notice_and_starts_from_the_top() {
    let state = run(
        &fresh(),
        [
            Action::ShowMore,
            Action::Notify(Some(Notice::Copied { count: 2 })),
            Action::Open(2),
        ],
    );
    let searched = state.reduce(Action::Search("legal".into()));
    assert_eq!(searched.staff.notice, None);
    assert_eq!(searched.search.shown, PAGE);
    assert_eq!(
        (searched.nav.view, searched.nav.last_opened),
        (View::Directory, None)
    );
}

#[test]
fn changing_the_order_keeps_the_view_and_how_much_is_shown() {
    let place = downtown_san_diego();
    let state = run(
        &fresh(),
        [found(&place, None), Action::ShowMore, Action::Open(4)],
    );
    let reordered = state.reduce(Action::SetOrder(Order::Relevance));
    assert_eq!(reordered.search.order, Order::Relevance);
    assert_eq!(reordered.nav.view, View::Service(4));
    assert_eq!(reordered.search.shown, PAGE + MORE);
}

// ----------------------------------------------------------------- forget

#[test]
fn forget_wipes_everything_typed_or_chosen_but_keeps_the_language() {
    let place = downtown_san_diego();
    let busy = run(
        &fresh(),
        [
            Action::Search("shelter".into()),
            found(&place, None),
            Action::Filter(FilterChange::FreeOnly(true)),
            Action::ToggleSelected(1),
            Action::GuideStart,
            Action::GuideToggle(1),
        ],
    );
    let gone = busy.reduce(Action::Forget);
    assert_eq!(gone.search.query, "");
    assert!(gone.search.filters.is_empty());
    assert!(gone.staff.selected.is_empty());
    assert_eq!(gone.guide.session, None);
    assert!(gone.guide.choices.is_empty());
    assert_eq!(gone.nav.view, View::Directory);
    assert_eq!(gone.lang, busy.lang);
    assert_eq!(ids(&gone), ids(&fresh()), "the same list as a fresh page");
}

#[test]
fn the_browser_language_is_offered_in_one_line_and_never_switched_to() {
    let state = fresh();
    assert!(
        state.language_offer().is_none(),
        "nothing to offer before the browser's languages are read"
    );
    let spanish_browser = state.reduce(Action::BrowserLanguages(Rc::new(vec![
        "es-MX".into(),
        "en-US".into(),
    ])));
    assert_eq!(
        spanish_browser.lang, state.lang,
        "nothing switches by itself"
    );
    assert_eq!(
        spanish_browser.language_offer().map(|c| c.lang.as_str()),
        Some("es")
    );
    assert_eq!(
        spanish_browser.language_offer().map(|c| c.offer()),
        Some("Ver en español")
    );
    let english_first = state.reduce(Action::BrowserLanguages(Rc::new(vec![
        "en-GB".into(),
        "es".into(),
    ])));
    assert!(
        english_first.language_offer().is_none(),
        "the page is already in the browser's first language"
    );
    let chinese = state.reduce(Action::BrowserLanguages(Rc::new(vec!["zh-CN".into()])));
    assert_eq!(
        chinese.language_offer().map(|c| c.lang.as_str()),
        Some("zh-Hans")
    );
    let traditional = state.reduce(Action::BrowserLanguages(Rc::new(vec![
        "zh-TW".into(),
        "fil".into(),
    ])));
    assert_eq!(
        traditional.language_offer().map(|c| c.lang.as_str()),
        Some("tl"),
        "Simplified is not offered to Traditional readers"
    );
}
