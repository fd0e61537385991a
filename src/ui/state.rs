//! The app's state and its transitions. `reduce` is pure in what it returns:
//! the same state and action always give the same next state (the searcher's
//! scratch memory is reused between calls but holds nothing between them).

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::embed::{EmbedConfig, EmbedView};
use crate::filter::{Filters, Scope};
use crate::guide::{NeedId, Reply, Session};
use crate::locale::{Catalog, Strings};
use crate::model::Directory;
use crate::search::Searcher;
use crate::site::{Results, Site};
use crate::taxonomy::{DomainId, PopulationId, ServiceTypeId};

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

pub struct AppState {
    pub site: Rc<Site>,
    searcher: Rc<RefCell<Searcher>>,
    pub lang: String,
    pub query: String,
    pub filters: Filters,
    pub results: Rc<Results>,
    pub shown: usize,
    pub view: View,
    /// The service last opened, so focus returns to it in the list.
    pub last_opened: Option<u32>,
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
    /// Set when the app runs inside a partner's page.
    pub embed: Option<Rc<EmbedConfig>>,
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
}

#[derive(Debug, Clone, PartialEq)]
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
    /// A language's full strings arrived; switch to it.
    CatalogLoaded(Rc<Catalog>),
    /// A state's services arrived (national directories).
    StateLoaded(String, Rc<Directory>),
    StateFailed(String),
    /// Forget everything typed or chosen (quick exit, leaving the page).
    Forget,
}

/// The embed's scope as a filter, if it restricts anything.
fn scope_of(embed: Option<&EmbedConfig>) -> Option<Rc<Scope>> {
    let e = embed?;
    let scope = Scope { states: e.states.clone(), domains: e.domains.clone(), service_types: e.service_types.clone(), populations: e.populations.clone() };
    (scope != Scope::default()).then(|| Rc::new(scope))
}

/// Yew compares states to decide what to draw again: every field that is
/// drawn must be here.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.site, &other.site)
            && self.lang == other.lang
            && self.query == other.query
            && self.filters == other.filters
            && self.shown == other.shown
            && self.view == other.view
            && Rc::ptr_eq(&self.results, &other.results)
            && self.guide == other.guide
            && self.guide_choices == other.guide_choices
            && self.last_opened == other.last_opened
            && Rc::ptr_eq(&self.loaded_catalogs, &other.loaded_catalogs)
            && Rc::ptr_eq(&self.loaded_states, &other.loaded_states)
            && self.state_error == other.state_error
    }
}

impl AppState {
    pub fn new(site: Rc<Site>, embed: Option<Rc<EmbedConfig>>) -> AppState {
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
            results,
            shown: PAGE,
            view,
            last_opened: None,
            guide: None,
            guide_choices: Vec::new(),
            loaded_catalogs: Rc::new(Vec::new()),
            loaded_states: Rc::new(Vec::new()),
            state_error: None,
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

    fn with_search(&self, query: String, filters: Filters) -> AppState {
        // The partner's scope rides on every search and survives Clear all.
        let filters = Filters { scope: scope_of(self.embed.as_deref()), ..filters };
        let results = Rc::new(self.site.find(&mut self.searcher.borrow_mut(), &query, &filters));
        AppState {
            site: self.site.clone(),
            searcher: self.searcher.clone(),
            lang: self.lang.clone(),
            query,
            filters,
            results,
            shown: PAGE,
            view: View::Directory,
            last_opened: None,
            guide: self.guide.clone(),
            guide_choices: self.guide_choices.clone(),
            loaded_catalogs: self.loaded_catalogs.clone(),
            loaded_states: self.loaded_states.clone(),
            state_error: None,
            embed: self.embed.clone(),
        }
    }

    fn with(&self, change: impl FnOnce(&mut AppState)) -> AppState {
        let mut next = AppState {
            site: self.site.clone(),
            searcher: self.searcher.clone(),
            lang: self.lang.clone(),
            query: self.query.clone(),
            filters: self.filters.clone(),
            results: self.results.clone(),
            shown: self.shown,
            view: self.view,
            last_opened: self.last_opened,
            guide: self.guide.clone(),
            guide_choices: self.guide_choices.clone(),
            loaded_catalogs: self.loaded_catalogs.clone(),
            loaded_states: self.loaded_states.clone(),
            state_error: self.state_error.clone(),
            embed: self.embed.clone(),
        };
        change(&mut next);
        next
    }
}

fn apply(filters: &mut Filters, change: FilterChange) {
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
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Search(query) => self.with_search(query, self.filters.clone()),
            Action::Filter(change) => {
                let mut filters = self.filters.clone();
                apply(&mut filters, change);
                self.with_search(self.query.clone(), filters)
            }
            Action::ClearFilters => self.with_search(self.query.clone(), Filters::default()),
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
                s.guide_choices.sort_unstable();
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
            Action::CatalogLoaded(catalog) => {
                if !catalog.complete || self.site.catalog(&catalog.lang).is_none() {
                    return self;
                }
                self.with(|s| {
                    let mut loaded = (*s.loaded_catalogs).clone();
                    loaded.retain(|c| c.lang != catalog.lang);
                    s.lang = catalog.lang.clone();
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
                let view = base.view;
                let mut next = base.with_search(base.query.clone(), base.filters.clone());
                next.view = view;
                next
            }
            Action::StateFailed(state) => self.with(|s| s.state_error = Some(state)),
            Action::Forget => {
                let fresh = AppState::new(self.site.clone(), self.embed.clone());
                fresh.with(|s| {
                    s.lang = self.lang.clone();
                    s.loaded_catalogs = self.loaded_catalogs.clone();
                })
            }
        };
        Rc::new(next)
    }
}
