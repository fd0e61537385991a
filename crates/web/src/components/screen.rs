//! One renderer for the text-led screens (the guide's steps, the safety
//! page): each screen is described as plain data (`Screen`) by a pure
//! function and drawn here. One set of `html!` for all of them keeps the
//! wasm small (each hand-written screen cost 2-4 KB gzip) and the screens'
//! content testable without a browser.

use yew::prelude::*;

use super::results::contact_link;
use super::use_app;
use waypoint_core::model::Phone;
use crate::state::Action;

#[derive(Clone)]
pub struct Screen {
    /// Classes on the article, e.g. "guide emergency".
    pub class: &'static str,
    pub progress: Option<String>,
    /// The heading's id: focus moves to it when the screen changes.
    pub title_id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone)]
pub enum Block {
    /// Paragraphs, split on blank lines.
    Text(String),
    /// A section heading, with its id for `aria-labelledby`.
    Heading(&'static str, String),
    Bullets(&'static str, Vec<String>),
    /// A service's name and its call/text links; `lang` is the data's.
    Phones { name: Option<String>, phones: Vec<Phone>, chat: Option<String>, lang: String },
    /// A plain link (tel:911).
    Link { class: &'static str, href: String, label: String },
    Buttons(&'static str, Vec<Button>),
    Checks(Vec<Check>),
    Note(String, String),
}

#[derive(Clone)]
pub struct Button {
    pub id: String,
    pub label: String,
    pub class: &'static str,
    pub action: Action,
    /// For answers: whether this was the answer given before.
    pub pressed: Option<bool>,
}

#[derive(Clone)]
pub struct Check {
    pub id: String,
    pub label: String,
    pub checked: bool,
    pub action: Action,
}

#[derive(Properties)]
pub struct ScreenProps {
    pub screen: Screen,
}

/// Never equal: a screen is built fresh from the state each time its view
/// renders, which is only when the state changed. Comparing would need
/// `PartialEq` on every `Action` (3 KB of wasm) to save nothing.
impl PartialEq for ScreenProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[function_component(ScreenView)]
pub fn screen_view(props: &ScreenProps) -> Html {
    let state = use_app();
    let s = state.strings();
    let screen = &props.screen;
    let on = |action: &Action| {
        let (state, action) = (state.clone(), action.clone());
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let on_change = |action: &Action| {
        let (state, action) = (state.clone(), action.clone());
        Callback::from(move |_: Event| state.dispatch(action.clone()))
    };
    let block = |b: &Block| -> Html {
        match b {
            Block::Text(text) => html! { { for text.split("\n\n").map(|p| html! { <p>{ p.trim().to_string() }</p> }) } },
            Block::Heading(id, text) => html! { <h2 id={(!id.is_empty()).then_some(*id)}>{ text }</h2> },
            Block::Bullets(class, items) => html! { <ul class={*class}>{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ul> },
            Block::Phones { name, phones, chat, lang } => html! {
                <div class="card">
                    if let Some(name) = name { <h3 lang={lang.clone()}>{ name }</h3> }
                    { for phones.iter().map(|p| contact_link(p, &s, lang)) }
                    if let Some(chat) = chat {
                        <p class="contact"><a class="contact-link" href={chat.clone()} rel="noopener noreferrer" target="_blank">{ s.get("contact.chat") }</a></p>
                    }
                </div>
            },
            Block::Link { class, href, label } => html! { <p><a class={classes!("contact-link", *class)} href={href.clone()}>{ label }</a></p> },
            Block::Buttons(class, buttons) => html! {
                <div class={*class}>
                    { for buttons.iter().map(|b| html! {
                        <button type="button" id={b.id.clone()} class={b.class} aria-pressed={b.pressed.map(|p| p.to_string())} onclick={on(&b.action)}>{ &b.label }</button>
                    }) }
                </div>
            },
            Block::Checks(checks) => html! {
                <div class="choices" role="group" aria-labelledby={screen.title_id}>
                    { for checks.iter().map(|c| html! {
                        <div class="check choice">
                            <input type="checkbox" id={c.id.clone()} autocomplete="off" checked={c.checked} onchange={on_change(&c.action)} />
                            <label for={c.id.clone()}>{ &c.label }</label>
                        </div>
                    }) }
                </div>
            },
            Block::Note(id, text) => html! { <p id={id.clone()} class="note">{ text }</p> },
        }
    };
    html! {
        <article class={screen.class} aria-labelledby={screen.title_id}>
            if let Some(p) = &screen.progress { <p class="guide-progress">{ p }</p> }
            <h1 id={screen.title_id} tabindex="-1">{ &screen.title }</h1>
            { for screen.blocks.iter().map(block) }
        </article>
    }
}

/// While a view's words are on their way (or could not come): a calm
/// notice; the help bar above stays on screen either way.
pub fn words_pending(state: &crate::state::AppState) -> Html {
    let s = state.strings();
    if state.catalog_failed {
        html! { <p class="load-error" role="alert">{ s.get("app.strings_failed") }</p> }
    } else {
        html! { <p class="loading" role="status">{ s.get("app.loading") }</p> }
    }
}
