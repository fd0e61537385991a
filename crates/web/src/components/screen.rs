//! One renderer for the text-led screens (the guide's steps, the safety
//! page), which the core describes as data (`waypoint_core::app::screen`).

use yew::prelude::*;

use waypoint_core::app::screen::{guide_screen, safety_screen, Block, Screen};

use super::results::contact_link;
use crate::store::AppHandle;

/// An opening, one step at a time, then the result. The shell keeps the
/// help bar and quick exit around every screen; nothing leaves memory.
/// (The frame moves focus to each new screen's heading.)
pub fn guide_view(app: &AppHandle) -> Html {
    if app.needs_catalog(&app.lang) || app.needs_guide() {
        return words_pending(app);
    }
    screen_view(app, &guide_screen(app))
}

/// "Staying safe online": what quick exit does and does not do, in the
/// catalogue's words. (The frame moves focus to its title once the words
/// are here.)
pub fn safety_page(app: &AppHandle) -> Html {
    if app.needs_catalog(&app.lang) {
        return words_pending(app);
    }
    screen_view(app, &safety_screen(app))
}

fn screen_view(app: &AppHandle, screen: &Screen) -> Html {
    let s = app.strings();
    let block = |b: &Block| -> Html {
        match b {
            Block::Text(text) => {
                html! { { for text.split("\n\n").map(|p| html! { <p>{ p.trim().to_string() }</p> }) } }
            }
            Block::Heading(id, text) => {
                html! { <h2 id={(!id.is_empty()).then_some(*id)}>{ text }</h2> }
            }
            Block::Bullets(class, items) => {
                html! { <ul class={*class}>{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ul> }
            }
            Block::Phones {
                name,
                phones,
                chat,
                lang,
            } => html! {
                <div class="card">
                    if let Some(name) = name { <h3 lang={lang.clone()} dir="auto">{ name }</h3> }
                    { for phones.iter().map(|p| contact_link(p, &s, lang)) }
                    if let Some(chat) = chat {
                        <p class="contact"><a class="contact-link" href={chat.clone()} rel="noopener noreferrer" target="_blank">{ s.get("contact.chat") }</a></p>
                    }
                </div>
            },
            Block::Link { class, href, label } => {
                html! { <p><a class={classes!("contact-link", *class)} href={href.clone()}>{ label }</a></p> }
            }
            Block::Buttons(class, buttons) => html! {
                <div class={*class}>
                    { for buttons.iter().map(|b| html! {
                        <button type="button" id={b.id.clone()} class={b.class} aria-pressed={b.pressed.map(|p| p.to_string())} onclick={app.act(b.action.clone())}>{ &b.label }</button>
                    }) }
                </div>
            },
            Block::Checks(checks) => html! {
                <div class="choices" role="group" aria-labelledby={screen.title_id}>
                    { for checks.iter().map(|c| html! {
                        <div class="check choice">
                            <input type="checkbox" id={c.id.clone()} autocomplete="off" checked={c.checked} onchange={app.act(c.action.clone())} />
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
fn words_pending(app: &AppHandle) -> Html {
    let s = app.strings();
    if app.loaded.catalog_failed {
        html! { <p class="load-error" role="alert">{ s.get("app.strings_failed") }</p> }
    } else {
        html! { <p class="loading" role="status">{ s.get("app.loading") }</p> }
    }
}
