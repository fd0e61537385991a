//! The browser UI: thin Yew function components over one reducer.
//! `state` holds the pure transitions; `components` only render state and
//! dispatch actions; `browser` is the one place that touches the page
//! outside Yew's tree (title, `lang`, quick exit, fetching the bundle).

pub mod browser;
pub mod components;
pub mod state;

/// Mounts the app on `#app`; the static `#boot` notice in index.html stays
/// until the directory is ready.
pub fn start() {
    let root = browser::document().get_element_by_id("app").expect("index.html has #app");
    yew::Renderer::<components::App>::with_root(root).render();
}
