//! The app's state and its transitions, as plain Rust: what the person sees
//! and has chosen, and how each action changes it. The web crate wraps this
//! in a thin `yew::Reducible`, runs the effects (fetches, clipboard, timers)
//! and turns their results into actions; the views only draw `AppState`.
//!
//! `reduce` never reads a clock, the network or the page: the same state
//! and action always give the same next state (the searcher's scratch
//! memory is reused between calls but holds nothing between them). That is
//! what lets `cargo test` check every transition natively.
//!
//! The state is split by concern, each part owning its own fields: the
//! search (`SearchState`), where the person is (`Navigation`), the guide
//! (`GuideState`), the staff tools (`StaffState`) and what has been loaded
//! after the first screen (`Loaded`).

pub mod screen;

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use crate::embed::{EmbedConfig, EmbedView};
use crate::filter::{Filters, Scope};
use crate::geo::Place;
use crate::guide::{Guide, NeedId, Reply, Session};
use crate::locale::{Catalog, Strings};
use crate::model::Directory;
use crate::search::Searcher;
use crate::share::SharedSearch;
use crate::site::{Order, Results, Site};
use crate::taxonomy::{DomainId, PopulationId, ServiceTypeId};

/// How many results are drawn at first: more than a phone's first screen
/// holds (two or three cards) or a desktop's (four or five), and few enough
/// that each keystroke redraws a short list (30 cards missed one frame per
/// keystroke at 10,000 services).
pub const PAGE: usize = 10;
/// How many more each "Show more" draws: someone who asks for more is
/// reading, not typing, so the longer list costs nothing per keystroke.
pub const MORE: usize = 20;

/// A value shared between states and compared by identity: a new `Site`,
/// result list or set of catalogues is always a new allocation, so two
/// states holding the same one are equal without comparing its contents.
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Directory,
    /// One service, by index.
    Service(u32),
    /// "Staying safe online".
    Safety,
    /// The self-screening guide (its place is in `AppState::guide`).
    Guide,
}

/// Which view is on screen, and the service last opened, so focus returns
/// to it in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Navigation {
    pub view: View,
    pub last_opened: Option<u32>,
}

/// What was typed and chosen, and what it found.
#[derive(Clone, PartialEq)]
pub struct SearchState {
    /// The search box as typed; a ZIP code in it becomes the place.
    pub query: String,
    pub filters: Filters,
    pub order: Order,
    pub results: Shared<Results>,
    /// How many results are drawn.
    pub shown: usize,
    /// The place box as typed, and where its lookup stands.
    pub place_text: String,
    pub place_status: PlaceStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PlaceStatus {
    #[default]
    Idle,
    Looking,
    NotFound,
    /// Waiting for the device's location, after a tap.
    Locating,
    LocationFailed,
}

/// The guide's answers, only ever in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuideState {
    /// `None` before it starts.
    pub session: Option<Session>,
    /// Answers ticked on the current choose-any step, not yet sent.
    pub choices: Vec<u16>,
}

/// The staff console's tools: chosen on the page, never remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffState {
    /// The compact list.
    pub compact: bool,
    /// Services picked for the referral sheet, in the order picked.
    pub selected: Rc<Vec<u32>>,
    /// A copy succeeded or failed; failures carry the text to copy by hand.
    pub notice: Option<Notice>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Copied {
        count: usize,
    },
    LinkCopied,
    /// The clipboard refused (a partner's frame, an old browser): the text
    /// is shown to copy by hand.
    CopyFailed {
        text: String,
    },
}

/// What arrived after the first load, and what could not.
#[derive(Clone, PartialEq)]
pub struct Loaded {
    /// Languages whose full strings were fetched after load.
    pub catalogs: Shared<Vec<Catalog>>,
    /// States whose services were fetched (national directories), and the
    /// home region files fetched (by file name).
    pub states: Rc<Vec<String>>,
    /// A state whose services could not be loaded.
    pub state_error: Option<String>,
    /// The guide's or safety page's words could not be fetched.
    pub catalog_failed: bool,
}

impl Default for Loaded {
    fn default() -> Loaded {
        Loaded {
            catalogs: Shared::new(Vec::new()),
            states: Rc::new(Vec::new()),
            state_error: None,
            catalog_failed: false,
        }
    }
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    pub site: Shared<Site>,
    searcher: Shared<RefCell<Searcher>>,
    /// Set when the app runs inside a partner's page.
    pub embed: Option<Rc<EmbedConfig>>,
    /// The staff console: services for professionals are listed like any
    /// other (a survivor's view shows them only when asked for).
    pub for_staff: bool,
    pub lang: String,
    /// Now, in Unix milliseconds: what "open now" is judged against. The
    /// page sends it (`Action::Tick`), so the reducer never reads a clock.
    pub clock: i64,
    pub nav: Navigation,
    pub search: SearchState,
    pub guide: GuideState,
    pub staff: StaffState,
    pub loaded: Loaded,
    /// The browser's preferred languages, read once at start (never
    /// stored): an offered one other than the page's is offered in one line.
    pub browser_languages: Shared<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FilterChange {
    Domain(Option<DomainId>),
    ServiceType(Option<ServiceTypeId>),
    Population(Option<PopulationId>),
    Language(Option<String>),
    FreeOnly(bool),
    Open247(bool),
    NationwideOrRemote(bool),
    State(Option<String>),
    City(Option<String>),
    Radius(Option<u16>),
    OpenNow(bool),
}

#[derive(Clone)]
pub enum Action {
    Search(String),
    Filter(FilterChange),
    /// Clear every filter and the place; the partner's scope stays.
    ClearFilters,
    ShowMore,
    Open(u32),
    BackToResults,
    ShowSafety,
    OpenGuide,
    GuideStart,
    GuideReply(Reply),
    GuideBack,
    /// Tick or untick an answer on a choose-any step.
    GuideToggle(u16),
    /// Wipe every answer and go back to the guide's opening.
    GuideStartOver,
    /// Open the directory filtered to one need from the guide's result.
    GuideShowNeed(NeedId),
    SetLanguage(String),
    /// A language's full strings arrived; `switch_to` when the person asked
    /// for that language (not when a view only needed its words).
    CatalogLoaded {
        catalog: Rc<Catalog>,
        switch_to: bool,
    },
    /// An instant-search language's search words arrived
    /// (`paths::search_words`): queries in it find records from now on.
    SearchWordsLoaded(Rc<Catalog>),
    /// The browser's preferred languages (`navigator.languages`).
    BrowserLanguages(Rc<Vec<String>>),
    /// The rest of the strings could not be fetched.
    CatalogFailed,
    /// A state's services arrived (national directories), or a part of the
    /// home region (`state` is then its file name).
    StateLoaded {
        state: String,
        directory: Rc<Directory>,
    },
    StateFailed {
        state: String,
    },
    /// The place box changed; its lookup is under way.
    PlaceTyped(String),
    /// A place was found, or cleared (`None`). With a place the order is
    /// `order` when the request named one (a shared link), and otherwise
    /// nearest first.
    PlaceFound {
        place: Option<Rc<Place>>,
        order: Option<Order>,
    },
    PlaceStatus(PlaceStatus),
    SetOrder(Order),
    /// The page's clock, sent every half minute.
    Tick(i64),
    ToggleCompact,
    ToggleSelected(u32),
    ClearSelected,
    Notify(Option<Notice>),
    /// A shared link was opened: its words and filters (its place and state
    /// are looked up by the effects, which then send `PlaceFound` and
    /// `StateLoaded`).
    ApplyShared(Rc<SharedSearch>),
    /// Forget everything typed or chosen (quick exit, leaving the page).
    Forget,
}

/// The embed's scope as a filter, if it restricts anything.
fn scope_of(embed: Option<&EmbedConfig>) -> Option<Rc<Scope>> {
    let e = embed?;
    let scope = Scope {
        states: e.states.clone(),
        domains: e.domains.clone(),
        service_types: e.service_types.clone(),
        populations: e.populations.clone(),
    };
    (scope != Scope::default()).then(|| Rc::new(scope))
}

impl AppState {
    /// `clock` is now, in Unix milliseconds.
    pub fn new(site: Rc<Site>, embed: Option<Rc<EmbedConfig>>, clock: i64) -> AppState {
        let searcher = Shared::new(RefCell::new(site.searcher()));
        let lang = site.bundle.site.default_language.clone();
        let filters = Filters {
            scope: scope_of(embed.as_deref()),
            ..Filters::default()
        };
        let results = Shared::new(site.find(&mut searcher.borrow_mut(), "", &filters));
        let view = match embed.as_deref().map(|e| e.view) {
            Some(EmbedView::Guide) => View::Guide,
            _ => View::Directory,
        };
        AppState {
            site: Shared(site),
            searcher,
            embed,
            for_staff: false,
            lang,
            clock,
            nav: Navigation {
                view,
                last_opened: None,
            },
            search: SearchState {
                query: String::new(),
                filters,
                order: Order::Relevance,
                results,
                shown: PAGE,
                place_text: String::new(),
                place_status: PlaceStatus::Idle,
            },
            guide: GuideState::default(),
            staff: StaffState::default(),
            loaded: Loaded::default(),
            browser_languages: Shared::new(Vec::new()),
        }
    }

    /// The language to offer in one line ("Ver en español"): the first of
    /// the browser's preferred languages that the site offers, when it is
    /// not the one on screen. Nothing switches by itself.
    pub fn language_offer(&self) -> Option<&Catalog> {
        let catalogs = &self.site.bundle.locales;
        let first = self
            .browser_languages
            .iter()
            .find_map(|tag| catalogs.iter().find(|c| same_language(tag, &c.lang)))?;
        (first.lang != self.lang).then_some(first)
    }

    /// The same page as the staff console opens it.
    pub fn for_staff(mut self) -> AppState {
        self.for_staff = true;
        let (query, filters) = (self.search.query.clone(), self.search.filters.clone());
        self.new_search(query, filters);
        self
    }

    /// The strings of the language shown, with its full catalogue once it
    /// has been fetched.
    /// The whole catalogue of the language on screen, once its strings are
    /// here (its direction, tab title and review note come with them).
    pub fn catalog_shown(&self) -> Option<&Catalog> {
        Some(self.strings().current).filter(|c| c.lang == self.lang)
    }

    pub fn strings(&self) -> Strings<'_> {
        let strings = self.site.strings(&self.lang);
        match self.loaded.catalogs.iter().find(|c| c.lang == self.lang) {
            Some(full) => Strings {
                current: full,
                ..strings
            },
            None => strings,
        }
    }

    /// Whether choosing `state` needs its services fetched first, and from
    /// where.
    pub fn state_file(&self, state: &str) -> Option<String> {
        if self.loaded.states.iter().any(|s| s == state) {
            return None;
        }
        self.site
            .bundle
            .shards
            .iter()
            .find(|s| s.state == state)
            .map(|s| crate::bundle::paths::url(&s.file))
    }

    /// The home region file to fetch next (a regional deployment's own
    /// services come after the first load, in parts): the one nearest the
    /// chosen place, else the first the build wrote; none once all are
    /// here or one failed. Fetched one after another, so the first local
    /// results wait for one part, not all.
    pub fn next_home_file(&self) -> Option<String> {
        if self.loaded.state_error.is_some() {
            return None;
        }
        let near = self.search.filters.near.as_ref().map(|p| p.point);
        let far = |s: &crate::bundle::ShardInfo| match (near, s.center) {
            (Some(p), Some((lat, lon))) => {
                crate::geo::miles_between(p, crate::geo::Point { lat, lon })
            }
            _ => 0.0,
        };
        let pending = self
            .site
            .bundle
            .shards
            .iter()
            .filter(|s| s.home && !self.loaded.states.contains(&s.file));
        pending
            .min_by(|a, b| far(a).total_cmp(&far(b)))
            .map(|s| s.file.clone())
    }

    /// Whether switching to `lang` needs its strings fetched first.
    /// A new site (more services, or a language's search words), the index
    /// rebuilt; what the person typed and chose stays as it is.
    fn replace_site(&mut self, site: Site) {
        self.searcher = Shared::new(RefCell::new(site.searcher()));
        self.site = Shared::new(site);
        self.refresh_results();
    }

    /// The guide: the bundle's, or, on a built site, the one that came
    /// with a language's later strings (`Catalog::guide`).
    pub fn guide(&self) -> &Guide {
        self.loaded
            .catalogs
            .iter()
            .find_map(|c| c.guide.as_ref())
            .unwrap_or(&self.site.bundle.guide)
    }

    /// Whether the guide is still to come (with the strings the guide
    /// view waits for).
    pub fn needs_guide(&self) -> bool {
        self.guide().steps.is_empty()
    }

    pub fn needs_catalog(&self, lang: &str) -> bool {
        let complete = |c: &Catalog| c.lang == lang && c.complete;
        !(self.site.bundle.locales.iter().any(complete)
            || self.loaded.catalogs.iter().any(complete))
    }

    /// The services on the referral sheet, or failing that the one open.
    pub fn referral_targets(&self) -> Vec<u32> {
        match self.nav.view {
            View::Service(idx) if self.staff.selected.is_empty() => vec![idx],
            _ => (*self.staff.selected).clone(),
        }
    }

    /// Whether the guide is offered here (a partner may embed only the
    /// directory).
    pub fn offers_guide(&self) -> bool {
        self.embed
            .as_ref()
            .is_none_or(|e| e.view != EmbedView::Directory)
    }

    /// The next state. Pure: see the module's comment.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        next.apply(action);
        next
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Search(query) => self.new_search(query, self.search.filters.clone()),
            Action::Filter(change) => {
                let mut filters = self.search.filters.clone();
                change_filter(&mut filters, change, self.clock);
                self.new_search(self.search.query.clone(), filters);
            }
            Action::ClearFilters => {
                self.search.place_text.clear();
                self.search.place_status = PlaceStatus::Idle;
                self.search.order = Order::Relevance;
                // The place goes too, and so does a ZIP code typed as a word.
                let words = crate::geo::split_zip(&self.search.query).0;
                self.new_search(words, Filters::default());
            }
            Action::ShowMore => self.search.shown += MORE,
            Action::Open(service) => {
                self.nav = Navigation {
                    view: View::Service(service),
                    last_opened: Some(service),
                }
            }
            Action::BackToResults => self.nav.view = View::Directory,
            Action::ShowSafety => self.nav.view = View::Safety,
            Action::OpenGuide => self.nav.view = View::Guide,
            Action::GuideStart => {
                self.nav.view = View::Guide;
                self.guide.session = Some(Session::start(self.guide()));
            }
            Action::GuideReply(reply) => {
                let session = self.guide.session.as_ref().map(|g| g.reply(self.guide(), reply));
                self.guide.session = session;
                self.sync_guide_choices();
            }
            Action::GuideBack => {
                self.guide.session = match &self.guide.session {
                    Some(g) if g.can_go_back() => Some(g.back()),
                    // Back from the first question returns to the opening.
                    _ => None,
                };
                self.sync_guide_choices();
            }
            Action::GuideStartOver => self.guide = GuideState::default(),
            Action::GuideToggle(answer) => {
                let choices = &mut self.guide.choices;
                match choices.iter().position(|&a| a == answer) {
                    Some(i) => {
                        choices.remove(i);
                    }
                    None => choices.push(answer),
                }
                crate::sort::sort_by_key(choices, |&a| u64::from(a));
            }
            Action::GuideShowNeed(need) => {
                if let Some(need) = self.guide().needs.get(need as usize) {
                    let filters = Filters::for_need(need);
                    self.new_search(String::new(), filters);
                }
            }
            Action::SetLanguage(lang) => {
                if !self.needs_catalog(&lang) {
                    self.lang = lang;
                }
            }
            Action::CatalogFailed => self.loaded.catalog_failed = true,
            Action::SearchWordsLoaded(words) => {
                if self.site.catalog(&words.lang).is_none_or(|c| c.searchable) {
                    return;
                }
                let mut bundle = self.site.bundle.clone();
                if let Some(slot) = bundle.locales.iter_mut().find(|c| c.lang == words.lang) {
                    slot.add_search_words((*words).clone());
                }
                self.replace_site(Site::new(bundle));
            }
            Action::BrowserLanguages(tags) => self.browser_languages = Shared(tags),
            Action::CatalogLoaded { catalog, switch_to } => {
                if !catalog.complete || self.site.catalog(&catalog.lang).is_none() {
                    return;
                }
                let mut catalogs = (*self.loaded.catalogs).clone();
                catalogs.retain(|c| c.lang != catalog.lang);
                if switch_to {
                    self.lang = catalog.lang.clone();
                }
                self.loaded.catalog_failed = false;
                catalogs.push((*catalog).clone());
                self.loaded.catalogs = Shared::new(catalogs);
                // A language whose search words were not in the first
                // download: index them now, so its queries find records.
                if self
                    .site
                    .catalog(&catalog.lang)
                    .is_some_and(|c| !c.searchable)
                {
                    let mut bundle = self.site.bundle.clone();
                    if let Some(slot) = bundle.locales.iter_mut().find(|c| c.lang == catalog.lang) {
                        *slot = (*catalog).clone();
                    }
                    self.replace_site(Site::new(bundle));
                }
            }
            Action::StateLoaded { state, directory } => {
                if self.loaded.states.contains(&state) {
                    return;
                }
                // A new site with the state's services, the index rebuilt;
                // what the person typed and chose stays as it is.
                let mut states = (*self.loaded.states).clone();
                states.push(state);
                self.loaded.states = Rc::new(states);
                self.loaded.state_error = None;
                self.staff.notice = None;
                self.replace_site(Site::new(self.site.bundle.with_shard(&directory)));
            }
            Action::StateFailed { state } => self.loaded.state_error = Some(state),
            Action::PlaceTyped(text) => {
                self.search.place_status = if text.trim().is_empty() {
                    PlaceStatus::Idle
                } else {
                    PlaceStatus::Looking
                };
                self.search.place_text = text;
            }
            Action::PlaceFound { place, order } => {
                let mut filters = self.search.filters.clone();
                self.search.place_status = PlaceStatus::Idle;
                // Nearest first as soon as there is a place, unless the
                // request named an order; the person can switch back.
                self.search.order = match (&place, order) {
                    (Some(_), Some(named)) => named,
                    (Some(_), None) => Order::Distance,
                    (None, _) => Order::Relevance,
                };
                if place.is_none() {
                    self.search.place_text.clear();
                }
                filters.near = place;
                self.new_search(self.search.query.clone(), filters);
            }
            Action::PlaceStatus(status) => self.search.place_status = status,
            Action::SetOrder(order) => {
                self.search.order = order;
                self.loaded.state_error = None;
                self.staff.notice = None;
                self.refresh_results();
            }
            Action::Tick(clock) => {
                let minute_turned = clock / 60_000 != self.clock / 60_000;
                self.clock = clock;
                // "Open now" is judged to the minute: search again only when
                // the minute turns, keeping the view, how much is shown and
                // any notice on screen.
                if minute_turned && self.search.filters.open_at.is_some() {
                    self.search.filters.open_at = Some(clock);
                    self.refresh_results();
                }
            }
            Action::ToggleCompact => self.staff.compact = !self.staff.compact,
            Action::ToggleSelected(service) => {
                let mut selected = (*self.staff.selected).clone();
                match selected.iter().position(|&r| r == service) {
                    Some(i) => {
                        selected.remove(i);
                    }
                    None => selected.push(service),
                }
                self.staff.selected = Rc::new(selected);
            }
            Action::ClearSelected => self.staff.selected = Rc::new(Vec::new()),
            Action::Notify(notice) => self.staff.notice = notice,
            Action::ApplyShared(shared) => {
                let mut filters = shared.filters(&self.site.bundle.taxonomy);
                filters.open_at = shared.open_now.then_some(self.clock);
                self.search.order = shared.order.unwrap_or_default();
                self.search.place_text = shared.place.clone().unwrap_or_default();
                self.search.place_status = if shared.place.is_some() {
                    PlaceStatus::Looking
                } else {
                    PlaceStatus::Idle
                };
                self.new_search(shared.query.clone(), filters);
            }
            Action::Forget => {
                let mut fresh = AppState::new(self.site.0.clone(), self.embed.clone(), self.clock);
                if self.for_staff {
                    fresh = fresh.for_staff();
                }
                // The language stays, and so does what was fetched (the
                // site already holds any state's services it loaded).
                fresh.lang = std::mem::take(&mut self.lang);
                fresh.loaded = Loaded {
                    state_error: None,
                    catalog_failed: false,
                    ..self.loaded.clone()
                };
                *self = fresh;
            }
        }
    }

    /// On arriving at a step, its ticks are the answers given there before.
    fn sync_guide_choices(&mut self) {
        self.guide.choices = self
            .guide
            .session
            .as_ref()
            .map(|g| g.answers_on(g.current()).to_vec())
            .unwrap_or_default();
    }

    /// A new search: its results from the top, in the directory.
    fn new_search(&mut self, query: String, filters: Filters) {
        // The partner's scope rides on every search and survives Clear all.
        self.search.filters = Filters {
            scope: scope_of(self.embed.as_deref()),
            with_professionals: self.for_staff,
            ..filters
        };
        self.search.query = query;
        self.search.shown = PAGE;
        self.nav = Navigation {
            view: View::Directory,
            last_opened: None,
        };
        self.loaded.state_error = None;
        self.staff.notice = None;
        self.refresh_results();
    }

    /// The results of the search as it stands (after the words, the order,
    /// the clock or the data changed); nothing else moves.
    fn refresh_results(&mut self) {
        let search = &self.search;
        // A ZIP code in the box places the search; it is not a word to find.
        let (words, _) = crate::geo::split_zip(&search.query);
        let mut results = self
            .site
            .find(&mut self.searcher.borrow_mut(), &words, &search.filters);
        if let (Order::Distance, Some(place)) = (search.order, &search.filters.near) {
            self.site
                .sort_by_distance(&mut results.services, place, search.filters.radius);
        }
        self.search.results = Shared::new(results);
    }
}

fn change_filter(filters: &mut Filters, change: FilterChange, clock: i64) {
    match change {
        FilterChange::Domain(d) => {
            filters.domain = d;
            // A service code from another domain would hide everything.
            filters.service_type = None;
        }
        FilterChange::ServiceType(t) => filters.service_type = t,
        FilterChange::Population(p) => filters.population = p,
        FilterChange::Language(l) => filters.language = l,
        FilterChange::FreeOnly(b) => filters.free_only = b,
        FilterChange::Open247(b) => filters.open_24_7 = b,
        FilterChange::NationwideOrRemote(b) => filters.nationwide_or_remote = b,
        FilterChange::State(s) => {
            filters.state = s;
            filters.city = None;
        }
        FilterChange::City(c) => filters.city = c,
        FilterChange::Radius(r) => filters.radius = r,
        FilterChange::OpenNow(on) => filters.open_at = on.then_some(clock),
    }
}

/// Whether a browser's language tag ("es-MX", "zh-CN", "fil") names a
/// catalogue's language ("es", "zh-Hans", "tl"). Traditional Chinese
/// ("zh-TW", "zh-HK", "zh-Hant") is not offered Simplified.
fn same_language(tag: &str, lang: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    let lang = lang.to_ascii_lowercase();
    if tag == lang {
        return true;
    }
    let primary = |t: &str| -> String {
        let p = t.split('-').next().unwrap_or("");
        if p == "fil" {
            "tl".into()
        } else {
            p.to_string()
        }
    };
    if primary(&tag) != primary(&lang) {
        return false;
    }
    !(lang == "zh-hans"
        && ["zh-tw", "zh-hk", "zh-mo", "zh-hant"]
            .iter()
            .any(|t| tag.starts_with(t)))
}
