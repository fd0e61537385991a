//! The browser app: Yew views over the core's state (`waypoint_core::app`).
//!
//! - `store`: the core's reducer as Yew's, and the handle views hold;
//! - `effects`: every fetch, copy, location request and timer, turning
//!   results into actions;
//! - `browser`: the few calls that reach outside Yew's tree (title, `lang`,
//!   quick exit, focus, the raw fetch);
//! - `components`: views, plain functions of the state that send actions.

pub mod browser;
pub mod components;
pub mod effects;
pub mod store;

/// Mounts the app on `#app`; the static `#boot` notice in index.html stays
/// until the directory is ready.
pub fn start() {
    let root = browser::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    yew::Renderer::<components::App>::with_root(root).render();
}

// See Cargo.toml: smaller and faster than the default allocator. In the
// library, so the app, the bench page and the component tests all use it.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
