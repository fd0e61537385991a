use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::results::contact_link;
use super::use_app;
use crate::filter::Filters;
use crate::guide::{Reply, StepKind};
use crate::model::PhoneKind;
use crate::ui::browser;
use crate::ui::state::Action;

/// The private self-screening guide: an opening, one step at a time, then
/// the result. Every screen keeps the help bar and quick exit around it
/// (they are in the shell), and nothing here leaves memory.
#[function_component(GuideView)]
pub fn guide_view() -> Html {
    let state = use_app();
    let current = state.guide.as_ref().map(|g| g.current());
    // Move focus to each new screen's heading, for keyboard and screen
    // reader users alike.
    use_effect_with(current, |_| browser::focus("guide-title"));
    match &state.guide {
        None => html! { <GuideIntro /> },
        Some(session) => {
            let step = state.site.bundle.guide.step(session.current());
            match step.kind {
                StepKind::Question | StepKind::ChooseAny => html! { <GuideQuestion key={session.current()} /> },
                StepKind::Emergency => html! { <GuideEmergency /> },
                StepKind::Result => html! { <GuideResult /> },
            }
        }
    }
}

fn dispatch(state: &super::AppContext, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
}

fn paragraphs(text: &str) -> Html {
    html! { { for text.split("\n\n").map(|p| html! { <p>{ p.trim().to_string() }</p> }) } }
}

#[function_component(GuideIntro)]
fn guide_intro() -> Html {
    let state = use_app();
    let s = state.strings();
    html! {
        <article class="guide" aria-labelledby="guide-title">
            <h1 id="guide-title" tabindex="-1">{ s.get("guide.intro.title") }</h1>
            { paragraphs(s.get("guide.intro.body")) }
            <div class="guide-actions">
                <button type="button" id="guide-start" class="primary" onclick={dispatch(&state, Action::GuideStart)}>{ s.get("guide.ui.start") }</button>
                <button type="button" class="secondary" onclick={dispatch(&state, Action::BackToResults)}>{ s.get("guide.ui.to_directory") }</button>
            </div>
        </article>
    }
}

#[function_component(GuideQuestion)]
fn guide_question() -> Html {
    let state = use_app();
    let s = state.strings();
    let guide = &state.site.bundle.guide;
    let session = state.guide.clone().expect("a guide session");
    let step_id = session.current();
    let step = guide.step(step_id);
    let previous = session.answers_on(step_id).to_vec();
    let chosen = use_state(|| previous.clone());
    let number = (session.questions_seen(guide) + 1).to_string();
    let help_key = format!("guide.{}.help", step.id);
    let help = s.current.lookup(&help_key).or_else(|| s.fallback.lookup(&help_key)).map(str::to_string);
    let answers: Html = match step.kind {
        StepKind::ChooseAny => html! {
            <fieldset class="choices">
                <legend class="visually-hidden">{ s.label(&format!("guide.{}.question", step.id)) }</legend>
                { for step.answers.iter().enumerate().map(|(i, a)| {
                    let i = i as u16;
                    let id = format!("answer-{}", a.id);
                    let checked = chosen.contains(&i);
                    let onchange = {
                        let chosen = chosen.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            let mut next: Vec<u16> = chosen.iter().copied().filter(|&x| x != i).collect();
                            if on { next.push(i); next.sort_unstable(); }
                            chosen.set(next);
                        })
                    };
                    html! {
                        <div class="check choice">
                            <input type="checkbox" id={id.clone()} autocomplete="off" {checked} {onchange} />
                            <label for={id}>{ s.label(&format!("guide.{}.{}", step.id, a.id)) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        },
        _ => html! {
            <div class="answers">
                { for step.answers.iter().enumerate().map(|(i, a)| {
                    let pressed = previous.contains(&(i as u16));
                    html! {
                        <button type="button" class="answer" id={format!("answer-{}", a.id)} aria-pressed={pressed.to_string()}
                            onclick={dispatch(&state, Action::GuideReply(Reply::Choose(vec![i as u16])))}>
                            { s.label(&format!("guide.{}.{}", step.id, a.id)) }
                        </button>
                    }
                }) }
                <button type="button" class="answer quiet" id="answer-rather-not-say" onclick={dispatch(&state, Action::GuideReply(Reply::RatherNotSay))}>
                    { s.get("guide.ui.rather_not_say") }
                </button>
            </div>
        },
    };
    let next = (step.kind == StepKind::ChooseAny).then(|| {
        let chosen = (*chosen).clone();
        html! {
            <button type="button" id="guide-next" class="primary" onclick={dispatch(&state, Action::GuideReply(Reply::Choose(chosen)))}>{ s.get("guide.ui.next") }</button>
        }
    });
    html! {
        <article class="guide" aria-labelledby="guide-title">
            <p class="guide-progress">{ s.format("guide.ui.progress", &[("number", &number)]) }</p>
            <h1 id="guide-title" tabindex="-1">{ s.label(&format!("guide.{}.question", step.id)) }</h1>
            if let Some(help) = help { <p class="guide-help">{ help }</p> }
            { answers }
            <div class="guide-actions">
                { for next }
                <button type="button" id="guide-skip" class="link" onclick={dispatch(&state, Action::GuideReply(Reply::Skip))}>{ s.get("guide.ui.skip") }</button>
                <button type="button" id="guide-back" class="secondary" onclick={dispatch(&state, Action::GuideBack)}>{ s.get("guide.ui.back") }</button>
            </div>
        </article>
    }
}

/// Emergency options before anything else, then the choice to go on.
#[function_component(GuideEmergency)]
fn guide_emergency() -> Html {
    let state = use_app();
    let s = state.strings();
    let step = state.site.bundle.guide.step(state.guide.as_ref().expect("a guide session").current());
    let lang = state.site.bundle.site.default_language.clone();
    let help = state.site.help_service();
    html! {
        <article class="guide emergency" aria-labelledby="guide-title">
            <h1 id="guide-title" tabindex="-1">{ s.label(&format!("guide.{}.title", step.id)) }</h1>
            <p><a class="call-911 contact-link" href="tel:911">{ s.get("guide.ui.call_911") }</a></p>
            if let Some(help) = help {
                <section class="guide-hotline">
                    <h2 lang={lang.clone()}>{ &help.name }</h2>
                    { for help.phones.iter().filter(|p| matches!(p.kind, PhoneKind::Hotline | PhoneKind::Text)).map(|p| contact_link(p, &s, &lang)) }
                </section>
            }
            { paragraphs(&s.label(&format!("guide.{}.body", step.id))) }
            <div class="guide-actions">
                <button type="button" id="guide-continue" class="primary" onclick={dispatch(&state, Action::GuideReply(Reply::Skip))}>{ s.get("guide.ui.continue") }</button>
                <button type="button" id="guide-back" class="secondary" onclick={dispatch(&state, Action::GuideBack)}>{ s.get("guide.ui.back") }</button>
            </div>
        </article>
    }
}

/// The result: calm words, what was noticed, the hotlines first, then the
/// directory already narrowed to each need, safety tips, and Start over.
#[function_component(GuideResult)]
fn guide_result() -> Html {
    let state = use_app();
    let s = state.strings();
    let site = &state.site;
    let guide = &site.bundle.guide;
    let session = state.guide.as_ref().expect("a guide session");
    let Some(outcome) = session.outcome(guide).map(|o| &guide.outcomes[o as usize]) else { return html! {} };
    let lang = site.bundle.site.default_language.clone();
    let signs: Vec<String> =
        session.signs(guide).iter().map(|&i| &guide.signs[i as usize]).filter(|x| x.shown).map(|x| s.label(&format!("guide.sign.{}", x.id))).collect();
    let needs = session.needs(guide);
    let hotlines = outcome.hotlines.iter().filter_map(|id| site.service_by_id(id)).map(|(_, service)| {
        html! {
            <li class="card">
                <h3 lang={lang.clone()}>{ &service.name }</h3>
                { for service.phones.iter().filter(|p| p.kind != PhoneKind::Fax).map(|p| contact_link(p, &s, &lang)) }
                if let Some(chat) = service.chat_url.as_ref().filter(|u| u.starts_with("https://")) {
                    <p class="contact"><a class="contact-link" href={chat.clone()} rel="noopener noreferrer" target="_blank">{ s.get("contact.chat") }</a></p>
                }
            </li>
        }
    });
    let tips = (1..).map_while(|n| s.current.lookup(&format!("guide.tip.{n}")).or_else(|| s.fallback.lookup(&format!("guide.tip.{n}"))));
    html! {
        <article class="guide result" aria-labelledby="guide-title">
            <h1 id="guide-title" tabindex="-1">{ s.label(&format!("guide.outcome.{}.title", outcome.id)) }</h1>
            { paragraphs(&s.label(&format!("guide.outcome.{}.body", outcome.id))) }
            if !signs.is_empty() {
                <section aria-labelledby="guide-signs">
                    <h2 id="guide-signs">{ s.get("guide.result.signs_heading") }</h2>
                    <ul class="signs">{ for signs.into_iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                </section>
            }
            <section aria-labelledby="guide-hotlines">
                <h2 id="guide-hotlines">{ s.get("guide.result.help_heading") }</h2>
                // An outcome may say something more careful than "confidential"
                // (young people: some lines must report harm).
                <p>{ s.current.lookup(&format!("guide.outcome.{}.confidential", outcome.id)).map(str::to_string).unwrap_or_else(|| s.label("guide.result.confidential")) }</p>
                <ul class="cards">{ for hotlines }</ul>
            </section>
            <section aria-labelledby="guide-services">
                <h2 id="guide-services">{ s.get("guide.result.services_heading") }</h2>
                if needs.is_empty() {
                    <p>{ s.get("guide.result.services_none") }</p>
                }
                <ul class="need-links">
                    { for needs.iter().map(|&n| {
                        let need = &guide.needs[n as usize];
                        let count = site.count_matching(&Filters::for_need(need));
                        html! {
                            <li>
                                <button type="button" class="secondary need" id={format!("need-{}", need.id)} onclick={dispatch(&state, Action::GuideShowNeed(n))}>
                                    { s.label(&format!("guide.need.{}", need.id)) }{ " · " }{ s.plural("guide.result.count", count) }
                                </button>
                            </li>
                        }
                    }) }
                    <li><button type="button" class="secondary" id="guide-browse" onclick={dispatch(&state, Action::BackToResults)}>{ s.get("guide.result.browse") }</button></li>
                </ul>
            </section>
            <section aria-labelledby="guide-tips">
                <h2 id="guide-tips">{ s.get("guide.result.tips_heading") }</h2>
                <ul class="tips">{ for tips.map(|t| html! { <li>{ t }</li> }) }</ul>
            </section>
            <div class="guide-actions">
                <button type="button" id="guide-start-over" class="primary" aria-describedby="start-over-note" onclick={dispatch(&state, Action::GuideStartOver)}>{ s.get("guide.ui.start_over") }</button>
                <p id="start-over-note" class="note">{ s.get("guide.ui.start_over_note") }</p>
            </div>
        </article>
    }
}
