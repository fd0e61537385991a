use yew::prelude::*;

use super::use_app;
use crate::ui::browser;
use crate::ui::state::Action;

/// "Staying safe online": what quick exit does and does not do, in the
/// catalogue's words. Sections are `safety.<n>.heading` / `safety.<n>.body`
/// from 1 up, so a deployment adds one without Rust.
#[function_component(SafetyPage)]
pub fn safety_page() -> Html {
    let state = use_app();
    let s = state.strings();
    use_effect_with((), |_| browser::focus("safety-title"));
    let back = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::BackToResults);
            yew::platform::spawn_local(async { browser::focus("open-safety") });
        })
    };
    let sections = (1..)
        .map_while(|n| {
            let heading = s.current.lookup(&format!("safety.{n}.heading")).or_else(|| s.fallback.lookup(&format!("safety.{n}.heading")))?;
            let body = s.label(&format!("safety.{n}.body"));
            Some((heading.to_string(), body))
        })
        .map(|(heading, body)| {
            html! {
                <section>
                    <h2>{ heading }</h2>
                    { for body.split("\n\n").map(|p| html! { <p>{ p.trim().to_string() }</p> }) }
                </section>
            }
        });
    html! {
        <article class="safety" aria-labelledby="safety-title">
            <button type="button" class="secondary back" onclick={back}>{ s.get("safety.back") }</button>
            <h1 id="safety-title" tabindex="-1">{ s.get("safety.title") }</h1>
            <p class="lede">{ s.get("safety.intro") }</p>
            { for sections }
        </article>
    }
}
