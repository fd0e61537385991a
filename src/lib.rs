//! Waypoint: a private resource directory and self-screening guide for people
//! affected by human trafficking.
//!
//! The core (`model`, `taxonomy`, `locale`, `text`, `search`, `filter`,
//! `bundle`, `site`) is plain Rust with no browser types, tested natively.
//! The browser UI (`ui`) and the data steward's tools (`cli`) depend on it,
//! never the other way round.

pub mod bundle;
pub mod embed;
pub mod filter;
pub mod geo;
pub mod guide;
pub mod hours;
pub mod locale;
pub mod model;
pub mod quick_exit;
pub mod readability;
pub mod referral;
pub mod search;
pub mod share;
pub mod shortcuts;
pub mod site;
pub mod sort;
pub mod taxonomy;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
