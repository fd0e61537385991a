//! Waypoint: a private resource directory and self-screening guide for people
//! affected by human trafficking.
//!
//! This crate is the core: plain Rust with no I/O and no browser types,
//! tested natively. The browser app (`waypoint-web`) and the data steward's
//! tool (`waypoint-cli`) depend on it, never the other way round; its
//! manifest names no browser crate, so the crate graph keeps it pure.

pub mod app;
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
