//! The text-led screens (the guide's steps, the safety page) described as
//! plain data by pure functions of the state; the web crate draws every
//! one with the same renderer. As data, their content is testable without
//! a browser, and one set of `html!` for all of them keeps the wasm small
//! (each hand-written screen cost 2-4 KB gzip).

use crate::filter::Filters;
use crate::guide::{Reply, StepKind};
use crate::model::{Phone, PhoneKind};

use super::{Action, AppState};

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
    Phones {
        name: Option<String>,
        phones: Vec<Phone>,
        chat: Option<String>,
        lang: String,
    },
    /// A plain link (tel:911).
    Link {
        class: &'static str,
        href: String,
        label: String,
    },
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

/// The hotline's call and text numbers: the way forward when nothing else
/// is listed.
pub fn hotline_phones(help: &crate::model::Service, s: &crate::locale::Strings) -> Vec<Phone> {
    s.phones(help)
        .into_iter()
        .filter(|p| {
            matches!(
                p.kind,
                PhoneKind::Hotline | PhoneKind::Voice | PhoneKind::Text
            )
        })
        .collect()
}

/// A service's name and phones as a block, in the reader's language where
/// the record has it.
fn phones_block(
    service: &crate::model::Service,
    phones: Vec<Phone>,
    chat: Option<String>,
    s: &crate::locale::Strings,
) -> Block {
    let name = s.record(&service.id, "name", &service.name).to_string();
    Block::Phones {
        name: Some(name),
        phones,
        chat,
        lang: s.record_lang(&service.id).to_string(),
    }
}

pub fn button(id: impl Into<String>, label: String, class: &'static str, action: Action) -> Button {
    Button {
        id: id.into(),
        label,
        class,
        action,
        pressed: None,
    }
}

/// The screen for where the person is in the guide.
pub fn guide_screen(state: &AppState) -> Screen {
    let s = state.strings();
    let guide = state.guide();
    let screen = |class, title: String, blocks| Screen {
        class,
        progress: None,
        title_id: "guide-title",
        title,
        blocks,
    };
    let Some(session) = &state.guide.session else {
        return screen(
            "guide",
            s.label("guide.intro.title"),
            vec![
                Block::Text(s.label("guide.intro.body")),
                Block::Buttons(
                    "guide-actions",
                    vec![
                        button(
                            "guide-start",
                            s.label("guide.ui.start"),
                            "primary",
                            Action::GuideStart,
                        ),
                        button(
                            "guide-to-directory",
                            s.label("guide.ui.to_directory"),
                            "secondary",
                            Action::BackToResults,
                        ),
                    ],
                ),
            ],
        );
    };
    let step = guide.step(session.current());
    let key = |part: &str| s.label(&format!("guide.{}.{part}", step.id));
    let back = button(
        "guide-back",
        s.label("guide.ui.back"),
        "secondary",
        Action::GuideBack,
    );
    match step.kind {
        StepKind::Question | StepKind::ChooseAny => {
            let mut blocks = Vec::new();
            let help_key = format!("guide.{}.help", step.id);
            if let Some(help) = s
                .current
                .lookup(&help_key)
                .or_else(|| s.fallback.lookup(&help_key))
            {
                blocks.push(Block::Text(help.to_string()));
            }
            let answered = session.answers_on(session.current());
            let mut actions = Vec::new();
            if step.kind == StepKind::ChooseAny {
                blocks.push(Block::Checks(
                    step.answers
                        .iter()
                        .enumerate()
                        .map(|(i, a)| Check {
                            id: format!("answer-{}", a.id),
                            label: key(&a.id),
                            checked: state.guide.choices.contains(&(i as u16)),
                            action: Action::GuideToggle(i as u16),
                        })
                        .collect(),
                ));
                actions.push(button(
                    "guide-next",
                    s.label("guide.ui.next"),
                    "primary",
                    Action::GuideReply(Reply::Choose(state.guide.choices.clone())),
                ));
            } else {
                let mut answers: Vec<Button> = step
                    .answers
                    .iter()
                    .enumerate()
                    .map(|(i, a)| Button {
                        pressed: Some(answered.contains(&(i as u16))),
                        ..button(
                            format!("answer-{}", a.id),
                            key(&a.id),
                            "answer",
                            Action::GuideReply(Reply::Choose(vec![i as u16])),
                        )
                    })
                    .collect();
                answers.push(button(
                    "answer-rather-not-say",
                    s.label("guide.ui.rather_not_say"),
                    "answer quiet",
                    Action::GuideReply(Reply::RatherNotSay),
                ));
                blocks.push(Block::Buttons("answers", answers));
            }
            actions.push(button(
                "guide-skip",
                s.label("guide.ui.skip"),
                "link",
                Action::GuideReply(Reply::Skip),
            ));
            actions.push(back);
            blocks.push(Block::Buttons("guide-actions", actions));
            let number = (session.questions_seen(guide) + 1).to_string();
            let total = session.questions_total(guide).to_string();
            Screen {
                progress: Some(s.format(
                    "guide.ui.progress",
                    &[("number", &number), ("total", &total)],
                )),
                ..screen("guide", key("question"), blocks)
            }
        }
        StepKind::Emergency => {
            // Emergency options before anything else, Call 911 the main
            // action; then the choice to go on.
            let mut blocks = vec![Block::Link {
                class: "call call-911",
                href: "tel:911".into(),
                label: s.label("guide.ui.call_911"),
            }];
            if let Some(help) = state.site.help_service() {
                blocks.push(phones_block(help, hotline_phones(help, &s), None, &s));
            }
            blocks.push(Block::Text(key("body")));
            blocks.push(Block::Buttons(
                "guide-actions",
                vec![
                    button(
                        "guide-continue",
                        s.label("guide.ui.continue"),
                        "secondary",
                        Action::GuideReply(Reply::Skip),
                    ),
                    back,
                ],
            ));
            screen("guide emergency", key("title"), blocks)
        }
        StepKind::Result => result_screen(state),
    }
}

/// Calm words, what was noticed, the hotlines first, then the directory
/// already narrowed to each need, safety tips, and Start over.
pub fn result_screen(state: &AppState) -> Screen {
    let s = state.strings();
    let site = &state.site;
    let guide = state.guide();
    let session = state.guide.session.as_ref().expect("a guide session");
    let outcome = &guide.outcomes[session.outcome(guide).unwrap_or(0) as usize];
    let label = |key: String| s.label(&key);
    let mut blocks = vec![Block::Text(label(format!(
        "guide.outcome.{}.body",
        outcome.id
    )))];
    let signs: Vec<String> = session
        .signs(guide)
        .iter()
        .map(|&i| &guide.signs[i as usize])
        .filter(|x| x.shown)
        .map(|x| label(format!("guide.sign.{}", x.id)))
        .collect();
    if !signs.is_empty() {
        blocks.push(Block::Heading(
            "guide-signs",
            s.label("guide.result.signs_heading"),
        ));
        blocks.push(Block::Bullets("signs", signs));
    }
    blocks.push(Block::Heading(
        "guide-hotlines",
        s.label("guide.result.help_heading"),
    ));
    // An outcome may say something more careful than "confidential"
    // (young people: some lines must report harm).
    let confidential = s
        .current
        .lookup(&format!("guide.outcome.{}.confidential", outcome.id))
        .map(str::to_string);
    blocks.push(Block::Text(
        confidential.unwrap_or_else(|| s.label("guide.result.confidential")),
    ));
    for (_, service) in outcome
        .hotlines
        .iter()
        .filter_map(|id| site.service_by_id(id))
    {
        let phones = s
            .phones(service)
            .into_iter()
            .filter(|p| p.kind != PhoneKind::Fax)
            .collect();
        blocks.push(phones_block(
            service,
            phones,
            service
                .chat_url
                .clone()
                .filter(|u| u.starts_with("https://")),
            &s,
        ));
    }
    blocks.push(Block::Heading(
        "guide-services",
        s.label("guide.result.services_heading"),
    ));
    let needs = session.needs(guide);
    if needs.is_empty() {
        blocks.push(Block::Text(s.label("guide.result.services_none")));
    }
    // Never a choice that leads to an empty list: a need with no service
    // listed is named with the hotline as its way forward instead.
    let mut links = Vec::new();
    let mut unlisted = Vec::new();
    for &n in &needs {
        let need = &guide.needs[n as usize];
        let name = label(format!("guide.need.{}", need.id));
        match site.count_matching(&Filters::for_need(need)) {
            0 => unlisted.push(name),
            count => {
                let text = format!("{name} · {}", s.plural("guide.result.count", count));
                links.push(button(
                    format!("need-{}", need.id),
                    text,
                    "secondary need",
                    Action::GuideShowNeed(n),
                ));
            }
        }
    }
    links.push(button(
        "guide-browse",
        s.label("guide.result.browse"),
        "secondary",
        Action::BackToResults,
    ));
    blocks.push(Block::Buttons("need-links", links));
    if let (false, Some(help)) = (unlisted.is_empty(), site.help_service()) {
        blocks.push(Block::Note(
            "needs-unlisted".into(),
            s.format("guide.result.need_none", &[("needs", &unlisted.join(", "))]),
        ));
        blocks.push(phones_block(help, hotline_phones(help, &s), None, &s));
    }
    blocks.push(Block::Heading(
        "guide-tips",
        s.label("guide.result.tips_heading"),
    ));
    let tips = (1..).map_while(|n| {
        s.current
            .lookup(&format!("guide.tip.{n}"))
            .or_else(|| s.fallback.lookup(&format!("guide.tip.{n}")))
    });
    blocks.push(Block::Bullets("tips", tips.map(str::to_string).collect()));
    blocks.push(Block::Buttons(
        "guide-actions",
        vec![button(
            "guide-start-over",
            s.label("guide.ui.start_over"),
            "secondary",
            Action::GuideStartOver,
        )],
    ));
    blocks.push(Block::Note(
        "start-over-note".into(),
        s.label("guide.ui.start_over_note"),
    ));
    Screen {
        class: "guide result",
        progress: None,
        title_id: "guide-title",
        title: label(format!("guide.outcome.{}.title", outcome.id)),
        blocks,
    }
}

/// Sections are `safety.<n>.heading` / `safety.<n>.body` from 1 up, so a
/// deployment adds one without Rust.
pub fn safety_screen(state: &AppState) -> Screen {
    let s = state.strings();
    let lookup = |key: String| {
        s.current
            .lookup(&key)
            .or_else(|| s.fallback.lookup(&key))
            .map(str::to_string)
    };
    let back = Button {
        id: "safety-back".into(),
        label: s.label("safety.back"),
        class: "secondary back",
        action: Action::BackToResults,
        pressed: None,
    };
    let mut blocks = vec![
        Block::Buttons("safety-actions", vec![back]),
        Block::Text(s.label("safety.intro")),
    ];
    for n in 1.. {
        let Some(heading) = lookup(format!("safety.{n}.heading")) else {
            break;
        };
        blocks.push(Block::Heading("", heading));
        blocks.push(Block::Text(
            lookup(format!("safety.{n}.body")).unwrap_or_default(),
        ));
    }
    Screen {
        class: "safety",
        progress: None,
        title_id: "safety-title",
        title: s.label("safety.title"),
        blocks,
    }
}
