//! Yew function components. Each renders part of `AppState` and dispatches
//! `Action`s; none holds state of its own beyond what the DOM needs.

mod app;
mod directory;
mod filters;
mod guide;
mod help_bar;
mod highlight;
mod near;
mod quick_exit;
mod results;
mod safety;
mod screen;
mod service_detail;
mod shell;
mod staff;

pub use app::App;
pub use shell::{Shell, ShellProps};

use yew::prelude::*;

use super::state::AppState;

/// The reducer handle every component reads from context.
pub type AppContext = UseReducerHandle<AppState>;

#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components render inside Shell")
}
