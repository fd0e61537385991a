//! The app's state and its transitions. `reduce` is pure in what it returns:
//! the same state and action always give the same next state (the searcher's
//! scratch memory is reused between calls but holds nothing between them).

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use waypoint_core::embed::{EmbedConfig, EmbedView};
use waypoint_core::filter::{Filters, Scope};
use waypoint_core::guide::{NeedId, Reply, Session};
use waypoint_core::locale::{Catalog, Strings};
use waypoint_core::model::Directory;
use waypoint_core::search::Searcher;
use waypoint_core::geo::Place;
use waypoint_core::share::SharedSearch;
use waypoint_core::site::{Order, Results, Site};
use waypoint_core::taxonomy::{DomainId, PopulationId, ServiceTypeId};

/// How many results are drawn at first; "Show more" adds this many again.
pub const PAGE: usize = 30;

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

/// Yew compares states to decide what to draw again (see `PartialEq`):
/// every field that is drawn must be compared there.
#[derive(Clone)]
pub struct AppState {
    pub site: Rc<Site>,
    searcher: Rc<RefCell<Searcher>>,
    pub lang: String,
    /// The search box as typed; a ZIP code in it becomes the place.
    pub query: String,
    pub filters: Filters,
    pub order: Order,
    pub results: Rc<Results>,
    pub shown: usize,
    pub view: View,
    /// The service last opened, so focus returns to it in the list.
    pub last_opened: Option<u32>,
    /// The place box as typed, and where its lookup stands.
    pub place_text: String,
    pub place_status: PlaceStatus,
    /// Now, in Unix milliseconds: what "open now" is judged against. The
    /// page sends it once a minute, so the reducer never reads a clock.
    pub clock: i64,
    /// A shared link named the order: the place it names, once found, keeps
    /// it instead of switching to nearest first.
    keep_order: bool,
    /// The staff's compact list: chosen on the page, never remembered.
    pub compact: bool,
    /// Services picked for the referral sheet, in the order picked.
    pub selected: Rc<Vec<u32>>,
    /// A copy succeeded or failed; failures carry the text to copy by hand.
    pub notice: Option<Notice>,
    /// The guide's answers, only ever in memory; `None` before it starts.
    pub guide: Option<Session>,
    /// Answers ticked on the current choose-any step, not yet sent.
    pub guide_choices: Vec<u16>,
    /// Languages whose full strings were fetched after load.
    pub loaded_catalogs: Rc<Vec<Catalog>>,
    /// States whose services were fetched (national directories only).
    pub loaded_states: Rc<Vec<String>>,
    /// A state whose services could not be loaded.
    pub state_error: Option<String>,
    /// The guide's or safety page's words could not be fetched.
    pub catalog_failed: bool,
    /// Set when the app runs inside a partner's page.
    pub embed: Option<Rc<EmbedConfig>>,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Copied { count: usize },
    LinkCopied,
    /// The clipboard refused (a partner's frame, an old browser): the text
    /// is shown to copy by hand.
    CopyFailed { text: String },
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
    /// A language's full strings arrived; switch to it if asked.
    CatalogLoaded(Rc<Catalog>, bool),
    /// The rest of the strings could not be fetched.
    CatalogFailed,
    /// A state's services arrived (national directories).
    StateLoaded(String, Rc<Directory>),
    StateFailed(String),
    /// The place box changed; its lookup is under way.
    PlaceTyped(String),
    /// A place was found (nearest first from now on), or cleared.
    PlaceFound(Option<Rc<Place>>),
    PlaceStatus(PlaceStatus),
    SetOrder(Order),
    /// The minute changed.
    Tick(i64),
    ToggleCompact,
    ToggleSelected(u32),
    ClearSelected,
    Notify(Option<Notice>),
    /// A shared link was opened: its words and filters.
    ApplyShared(Rc<SharedSearch>),
    /// Forget everything typed or chosen (quick exit, leaving the page).
    Forget,
}

/// The embed's scope as a filter, if it restricts anything.
fn scope_of(embed: Option<&EmbedConfig>) -> Option<Rc<Scope>> {
    let e = embed?;
    let scope = Scope { states: e.states.clone(), domains: e.domains.clone(), service_types: e.service_types.clone(), populations: e.populations.clone() };
    (scope != Scope::default()).then(|| Rc::new(scope))
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.site, &other.site)
            && self.lang == other.lang
            && self.query == other.query
            && self.filters == other.filters
            && self.order == other.order
            && self.shown == other.shown
            && self.view == other.view
            && Rc::ptr_eq(&self.results, &other.results)
            && self.place_text == other.place_text
            && self.place_status == other.place_status
            && self.clock / 60_000 == other.clock / 60_000
            && self.compact == other.compact
            && self.selected == other.selected
            && self.notice == other.notice
            && self.guide == other.guide
            && self.guide_choices == other.guide_choices
            && self.last_opened == other.last_opened
            && Rc::ptr_eq(&self.loaded_catalogs, &other.loaded_catalogs)
            && Rc::ptr_eq(&self.loaded_states, &other.loaded_states)
            && self.state_error == other.state_error
            && self.catalog_failed == other.catalog_failed
    }
}

impl AppState {
    /// `clock` is now, in Unix milliseconds.
    pub fn new(site: Rc<Site>, embed: Option<Rc<EmbedConfig>>, clock: i64) -> AppState {
        let searcher = Rc::new(RefCell::new(site.searcher()));
        let lang = site.bundle.site.default_language.clone();
        let filters = Filters { scope: scope_of(embed.as_deref()), ..Filters::default() };
        let results = Rc::new(site.find(&mut searcher.borrow_mut(), "", &filters));
        let view = match embed.as_deref().map(|e| e.view) {
            Some(EmbedView::Guide) => View::Guide,
            _ => View::Directory,
        };
        AppState {
            site,
            searcher,
            lang,
            query: String::new(),
            filters,
            order: Order::Relevance,
            results,
            shown: PAGE,
            view,
            last_opened: None,
            place_text: String::new(),
            place_status: PlaceStatus::Idle,
            clock,
            keep_order: false,
            compact: false,
            selected: Rc::new(Vec::new()),
            notice: None,
            guide: None,
            guide_choices: Vec::new(),
            loaded_catalogs: Rc::new(Vec::new()),
            loaded_states: Rc::new(Vec::new()),
            state_error: None,
            catalog_failed: false,
            embed,
        }
    }

    pub fn strings(&self) -> Strings<'_> {
        let strings = self.site.strings(&self.lang);
        match self.loaded_catalogs.iter().find(|c| c.lang == self.lang) {
            Some(full) => Strings { current: full, ..strings },
            None => strings,
        }
    }

    /// On arriving at a step, its ticks are the answers given there before.
    fn sync_guide_choices(&mut self) {
        self.guide_choices = self.guide.as_ref().map(|g| g.answers_on(g.current()).to_vec()).unwrap_or_default();
    }

    /// Whether choosing `state` needs its services fetched first, and from
    /// where.
    pub fn state_file(&self, state: &str) -> Option<String> {
        if self.loaded_states.iter().any(|s| s == state) {
            return None;
        }
        self.site.bundle.shards.iter().find(|s| s.state == state).map(|s| s.file.clone())
    }

    /// Whether switching to `lang` needs its strings fetched first.
    pub fn needs_catalog(&self, lang: &str) -> bool {
        let complete = |c: &Catalog| c.lang == lang && c.complete;
        !(self.site.bundle.locales.iter().any(complete) || self.loaded_catalogs.iter().any(complete))
    }

    /// The services on the referral sheet, or failing that the one open.
    pub fn referral_targets(&self) -> Vec<u32> {
        match self.view {
            View::Service(idx) if self.selected.is_empty() => vec![idx],
            _ => (*self.selected).clone(),
        }
    }

    fn with_search(&self, query: String, filters: Filters) -> AppState {
        // The partner's scope rides on every search and survives Clear all.
        let filters = Filters { scope: scope_of(self.embed.as_deref()), ..filters };
        // A ZIP code in the box places the search; it is not a word to find.
        let (words, _) = waypoint_core::geo::split_zip(&query);
        let mut results = self.site.find(&mut self.searcher.borrow_mut(), &words, &filters);
        if let (Order::Distance, Some(place)) = (self.order, &filters.near) {
            self.site.sort_by_distance(&mut results.services, place, filters.radius);
        }
        self.with(|s| {
            s.query = query;
            s.filters = filters;
            s.results = Rc::new(results);
            s.shown = PAGE;
            s.view = View::Directory;
            s.last_opened = None;
            s.state_error = None;
            s.notice = None;
        })
    }

    /// The same search again (after the order, the clock or the data
    /// changed), keeping the view, the place in it and how much is shown.
    fn research(&self) -> AppState {
        let mut next = self.with_search(self.query.clone(), self.filters.clone());
        next.view = self.view;
        next.last_opened = self.last_opened;
        next.shown = self.shown;
        next
    }

    fn with(&self, change: impl FnOnce(&mut AppState)) -> AppState {
        let mut next = self.clone();
        change(&mut next);
        next
    }
}

fn apply(filters: &mut Filters, change: FilterChange, clock: i64) {
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

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Search(query) => self.with_search(query, self.filters.clone()),
            Action::Filter(change) => {
                let mut filters = self.filters.clone();
                apply(&mut filters, change, self.clock);
                self.with_search(self.query.clone(), filters)
            }
            Action::ClearFilters => {
                let cleared = self.with(|s| {
                    s.place_text.clear();
                    s.place_status = PlaceStatus::Idle;
                    s.order = Order::Relevance;
                });
                // The place goes too, and so does a ZIP code typed as a word.
                cleared.with_search(waypoint_core::geo::split_zip(&self.query).0, Filters::default())
            }
            Action::ShowMore => self.with(|s| s.shown += PAGE),
            Action::Open(service) => self.with(|s| {
                s.view = View::Service(service);
                s.last_opened = Some(service);
            }),
            Action::BackToResults => self.with(|s| s.view = View::Directory),
            Action::ShowSafety => self.with(|s| s.view = View::Safety),
            Action::OpenGuide => self.with(|s| s.view = View::Guide),
            Action::GuideStart => self.with(|s| {
                s.view = View::Guide;
                s.guide = Some(Session::start(&s.site.bundle.guide));
            }),
            Action::GuideReply(reply) => self.with(|s| {
                let guide = &s.site.bundle.guide;
                s.guide = s.guide.as_ref().map(|g| g.reply(guide, reply));
                s.sync_guide_choices();
            }),
            Action::GuideBack => self.with(|s| {
                s.guide = match &s.guide {
                    Some(g) if g.can_go_back() => Some(g.back()),
                    // Back from the first question returns to the opening.
                    _ => None,
                };
                s.sync_guide_choices();
            }),
            Action::GuideStartOver => self.with(|s| {
                s.guide = None;
                s.guide_choices.clear();
            }),
            Action::GuideToggle(answer) => self.with(|s| {
                match s.guide_choices.iter().position(|&a| a == answer) {
                    Some(i) => {
                        s.guide_choices.remove(i);
                    }
                    None => s.guide_choices.push(answer),
                }
                waypoint_core::sort::sort_by_key(&mut s.guide_choices, |&a| u64::from(a));
            }),
            Action::GuideShowNeed(need) => {
                let Some(need) = self.site.bundle.guide.needs.get(need as usize) else { return self };
                self.with_search(String::new(), Filters::for_need(need))
            }
            Action::SetLanguage(lang) => {
                if self.needs_catalog(&lang) {
                    return self;
                }
                self.with(|s| s.lang = lang)
            }
            Action::CatalogFailed => self.with(|s| s.catalog_failed = true),
            Action::CatalogLoaded(catalog, switch) => {
                if !catalog.complete || self.site.catalog(&catalog.lang).is_none() {
                    return self;
                }
                self.with(|s| {
                    let mut loaded = (*s.loaded_catalogs).clone();
                    loaded.retain(|c| c.lang != catalog.lang);
                    if switch {
                        s.lang = catalog.lang.clone();
                    }
                    s.catalog_failed = false;
                    loaded.push((*catalog).clone());
                    s.loaded_catalogs = Rc::new(loaded);
                })
            }
            Action::StateLoaded(state, directory) => {
                // A new site with the state's services, the index rebuilt;
                // what the person typed and chose stays as it is.
                let site = Rc::new(Site::new(self.site.bundle.with_shard(&directory)));
                let searcher = Rc::new(RefCell::new(site.searcher()));
                let mut loaded = (*self.loaded_states).clone();
                loaded.push(state);
                let base = self.with(|s| {
                    s.site = site;
                    s.searcher = searcher;
                    s.loaded_states = Rc::new(loaded);
                    s.state_error = None;
                });
                base.research()
            }
            Action::StateFailed(state) => self.with(|s| s.state_error = Some(state)),
            Action::PlaceTyped(text) => self.with(|s| {
                s.place_status = if text.trim().is_empty() { PlaceStatus::Idle } else { PlaceStatus::Looking };
                s.place_text = text;
            }),
            Action::PlaceFound(place) => {
                let mut filters = self.filters.clone();
                let found = place.is_some();
                filters.near = place;
                let next = self.with(|s| {
                    s.place_status = PlaceStatus::Idle;
                    // Nearest first as soon as there is a place; the person
                    // can switch back to best match.
                    s.order = match (found, s.keep_order) {
                        (true, true) => s.order,
                        (true, false) => Order::Distance,
                        (false, _) => Order::Relevance,
                    };
                    s.keep_order = false;
                    if !found {
                        s.place_text.clear();
                    }
                });
                next.with_search(self.query.clone(), filters)
            }
            Action::PlaceStatus(status) => self.with(|s| s.place_status = status),
            Action::SetOrder(order) => self.with(|s| s.order = order).research(),
            Action::Tick(clock) => {
                let next = self.with(|s| s.clock = clock);
                // "Open now" is judged to the minute: search again only when
                // the minute turns.
                if next.filters.open_at.is_some() && clock / 60_000 != self.clock / 60_000 {
                    let mut filters = next.filters.clone();
                    filters.open_at = Some(clock);
                    let mut moved = next.with(|s| s.filters = filters);
                    moved = moved.research();
                    moved.notice = self.notice.clone();
                    moved
                } else {
                    next
                }
            }
            Action::ToggleCompact => self.with(|s| s.compact = !s.compact),
            Action::ToggleSelected(service) => self.with(|s| {
                let mut selected = (*s.selected).clone();
                match selected.iter().position(|&r| r == service) {
                    Some(i) => {
                        selected.remove(i);
                    }
                    None => selected.push(service),
                }
                s.selected = Rc::new(selected);
            }),
            Action::ClearSelected => self.with(|s| s.selected = Rc::new(Vec::new())),
            Action::Notify(notice) => self.with(|s| s.notice = notice),
            Action::ApplyShared(shared) => {
                let mut filters = shared.filters(&self.site.bundle.taxonomy);
                filters.open_at = shared.open_now.then_some(self.clock);
                let next = self.with(|s| {
                    s.order = shared.order.unwrap_or_default();
                    s.keep_order = shared.order.is_some();
                    s.place_text = shared.place.clone().unwrap_or_default();
                    s.place_status = if shared.place.is_some() { PlaceStatus::Looking } else { PlaceStatus::Idle };
                });
                next.with_search(shared.query.clone(), filters)
            }
            Action::Forget => {
                let fresh = AppState::new(self.site.clone(), self.embed.clone(), self.clock);
                fresh.with(|s| {
                    s.lang = self.lang.clone();
                    s.loaded_catalogs = self.loaded_catalogs.clone();
                })
            }
        };
        Rc::new(next)
    }
}
