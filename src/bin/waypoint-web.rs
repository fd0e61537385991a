//! The browser app's entry point, built by Trunk for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    waypoint::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("waypoint-web is the browser app: build it with `make dist` (Trunk)");
}
