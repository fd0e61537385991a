//! `cargo run --release --bin waypoint -- <command>`: see `waypoint help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(waypoint::cli::run(&args));
}

// The CLI is native only; this keeps `cargo build --target wasm32` working.
#[cfg(target_arch = "wasm32")]
fn main() {}
