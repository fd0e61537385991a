//! The browser app's entry point, built by Trunk for wasm32.

fn main() {
    waypoint_web::start();
}

// See Cargo.toml: smaller and faster than the default allocator.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
