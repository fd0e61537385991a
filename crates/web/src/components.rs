//! The views. Each is a plain function of the state (through `AppHandle`)
//! that draws it and sends actions or runs effects; the only components are
//! the loader (`App`), the frame (`Shell`) and quick exit, which keep DOM
//! listeners and the gesture's progress.

mod app;
mod directory;
mod filters;
mod help_bar;
mod highlight;
mod near;
mod quick_exit;
mod results;
mod screen;
mod service_detail;
mod shell;
mod staff;

pub use app::App;
pub use shell::{Shell, ShellProps};
