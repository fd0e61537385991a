use yew::prelude::*;

use super::screen::{Block, Button, Screen, ScreenView};
use crate::state::{Action, AppState};

/// "Staying safe online": what quick exit does and does not do, in the
/// catalogue's words.
/// (The frame moves focus to its title once the words are here.)
pub fn safety_page(state: &AppState) -> Html {
    if state.needs_catalog(&state.lang) {
        return super::screen::words_pending(state);
    }
    html! { <ScreenView screen={safety_screen(state)} /> }
}

/// Sections are `safety.<n>.heading` / `safety.<n>.body` from 1 up, so a
/// deployment adds one without Rust.
pub fn safety_screen(state: &AppState) -> Screen {
    let s = state.strings();
    let lookup = |key: String| s.current.lookup(&key).or_else(|| s.fallback.lookup(&key)).map(str::to_string);
    let back = Button { id: "safety-back".into(), label: s.label("safety.back"), class: "secondary back", action: Action::BackToResults, pressed: None };
    let mut blocks = vec![Block::Buttons("safety-actions", vec![back]), Block::Text(s.label("safety.intro"))];
    for n in 1.. {
        let Some(heading) = lookup(format!("safety.{n}.heading")) else { break };
        blocks.push(Block::Heading("", heading));
        blocks.push(Block::Text(lookup(format!("safety.{n}.body")).unwrap_or_default()));
    }
    Screen { class: "safety", progress: None, title_id: "safety-title", title: s.label("safety.title"), blocks }
}
