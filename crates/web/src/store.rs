//! The core's `AppState` as Yew's reducer, and the handle every view gets:
//! it reads the state and sends actions, with one helper for callbacks so
//! views never clone the handle by hand.

use std::ops::Deref;
use std::rc::Rc;

use waypoint_core::app::{Action, AppState};
use yew::prelude::*;

/// `AppState` behind Yew's `Reducible`. The transitions are the core's; an
/// action that changes nothing returns the same state, so nothing redraws.
#[derive(PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

/// What a view holds: the state to draw and the way to send actions.
#[derive(Clone, PartialEq)]
pub struct AppHandle(UseReducerHandle<Store>);

impl Deref for AppHandle {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0 .0
    }
}

impl AppHandle {
    pub fn send(&self, action: Action) {
        self.0.dispatch(action);
    }

    /// A callback that sends the action its event makes.
    pub fn on<E: 'static>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let app = self.clone();
        Callback::from(move |e| app.send(make(e)))
    }

    /// A callback that sends this action, whatever the event.
    pub fn act<E: 'static>(&self, action: Action) -> Callback<E> {
        self.on(move |_| action.clone())
    }

    /// A callback that runs an effect (see `effects`) with the handle.
    pub fn run<E: 'static>(&self, effect: impl Fn(&AppHandle, E) + 'static) -> Callback<E> {
        let app = self.clone();
        Callback::from(move |e| effect(&app, e))
    }
}

/// The state for a site, created once by the shell.
#[hook]
pub fn use_store(init: impl FnOnce() -> AppState) -> AppHandle {
    AppHandle(use_reducer(move || Store(init())))
}

/// The handle, from the shell's context.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("views render inside Shell")
}
