//! `cargo run --release --bin waypoint -- <command>`: see `waypoint help`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(waypoint_cli::run(&args));
}
