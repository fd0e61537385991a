//! The guide's and the safety page's screens, as the core describes them
//! for the browser to draw: what each step says and offers, in order.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::app::screen::{
    guide_screen, result_screen, safety_screen, Block, Button, Screen,
};
use waypoint_core::app::{Action, AppState};
use waypoint_core::filter::Filters;
use waypoint_core::guide::Reply;

fn fresh() -> AppState {
    AppState::new(support::default_site(), None, 0)
}

fn buttons(screen: &Screen) -> Vec<&Button> {
    screen
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Buttons(_, list) = b {
                Some(list)
            } else {
                None
            }
        })
        .flatten()
        .collect()
}

fn button_ids(screen: &Screen) -> Vec<&str> {
    buttons(screen).iter().map(|b| b.id.as_str()).collect()
}

#[test]
fn the_opening_offers_to_start_or_go_to_the_directory() {
    let state = fresh().reduce(Action::OpenGuide);
    let screen = guide_screen(&state);
    let s = state.strings();
    assert_eq!(screen.title, s.label("guide.intro.title"));
    assert_eq!(button_ids(&screen), ["guide-start", "guide-to-directory"]);
    assert_eq!(
        buttons(&screen)[0].class,
        "primary",
        "starting is the main action"
    );
    assert!(matches!(buttons(&screen)[0].action, Action::GuideStart));
}

#[test]
fn a_question_shows_its_number_its_answers_and_a_way_past_it() {
    let state = fresh().reduce(Action::GuideStart);
    let screen = guide_screen(&state);
    let s = state.strings();
    assert_eq!(screen.title, s.label("guide.danger.question"));
    let guide = &state.site.bundle.guide;
    let total = state.guide.session.as_ref().unwrap().questions_total(guide);
    assert_eq!(
        total,
        guide.questions_ahead(guide.start),
        "at the start, the longest way through"
    );
    assert!(
        total >= 5,
        "the default guide asks several questions, counted {total}"
    );
    assert_eq!(
        screen.progress,
        Some(s.format(
            "guide.ui.progress",
            &[("number", "1"), ("total", &total.to_string())]
        ))
    );
    assert!(
        screen
            .progress
            .as_deref()
            .unwrap()
            .contains(&total.to_string()),
        "the total is shown: {:?}",
        screen.progress
    );
    assert_eq!(
        screen.title_id, "guide-title",
        "the frame focuses this heading"
    );
    assert_eq!(
        button_ids(&screen),
        [
            "answer-yes",
            "answer-unsure",
            "answer-no",
            "answer-rather-not-say",
            "guide-skip",
            "guide-back"
        ],
        "every answer, then rather not say, skip and back"
    );
    for b in buttons(&screen)
        .iter()
        .filter(|b| b.id.starts_with("answer-") && b.id != "answer-rather-not-say")
    {
        assert_eq!(b.pressed, Some(false), "{}: nothing answered yet", b.id);
    }
    // Answered, then back: the answer given shows as pressed.
    let again = state
        .reduce(Action::GuideReply(Reply::Choose(vec![2])))
        .reduce(Action::GuideBack);
    let again = guide_screen(&again);
    let pressed: Vec<&str> = buttons(&again)
        .iter()
        .filter(|b| b.pressed == Some(true))
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(pressed, ["answer-no"]);
}

#[test]
fn the_emergency_screen_puts_911_and_the_hotline_before_going_on() {
    // "Am I in danger?" "Yes" leads to the emergency step.
    let state = fresh()
        .reduce(Action::GuideStart)
        .reduce(Action::GuideReply(Reply::Choose(vec![0])));
    let screen = guide_screen(&state);
    assert!(screen.class.contains("emergency"));
    assert!(
        matches!(&screen.blocks[0], Block::Link { href, class, .. } if href == "tel:911" && class.split(' ').any(|c| c == "call")),
        "911 comes first, as a call button"
    );
    let Block::Phones { phones, .. } = &screen.blocks[1] else {
        panic!(
            "the hotline's phones second, got {:?}",
            screen.blocks[1].kind()
        )
    };
    assert!(!phones.is_empty());
    assert_eq!(button_ids(&screen), ["guide-continue", "guide-back"]);
    assert!(
        buttons(&screen).iter().all(|b| b.class != "primary"),
        "calling is the main action here, not going on"
    );
}

#[test]
fn the_result_offers_the_directory_narrowed_to_each_need_with_its_count() {
    // Under 18 signs the youth need; skip everything else to the end.
    let mut state = fresh()
        .reduce(Action::GuideStart)
        .reduce(Action::GuideReply(Reply::Choose(vec![2])));
    state = state.reduce(Action::GuideReply(Reply::Choose(vec![0])));
    for _ in 0..40 {
        if state
            .guide
            .session
            .as_ref()
            .unwrap()
            .outcome(&state.site.bundle.guide)
            .is_some()
        {
            break;
        }
        state = state.reduce(Action::GuideReply(Reply::Skip));
    }
    let screen = result_screen(&state);
    assert_eq!(
        screen.title,
        guide_screen(&state).title,
        "the result is what the guide shows at the end"
    );
    let guide = &state.site.bundle.guide;
    let needs = state.guide.session.as_ref().unwrap().needs(guide);
    assert!(!needs.is_empty(), "under 18 names the youth need");
    let s = state.strings();
    for &n in &needs {
        let need = &guide.needs[n as usize];
        let button = buttons(&screen)
            .into_iter()
            .find(|b| b.id == format!("need-{}", need.id))
            .expect("a button for each need");
        let count = state.site.count_matching(&Filters::for_need(need));
        assert!(
            button
                .label
                .ends_with(&s.plural("guide.result.count", count)),
            "{}: {}",
            need.id,
            button.label
        );
        assert!(matches!(button.action, Action::GuideShowNeed(m) if m == n));
    }
    assert_eq!(button_ids(&screen).last(), Some(&"guide-start-over"));
    assert_eq!(
        buttons(&screen).last().unwrap().class,
        "secondary",
        "Start over is not the main action of a result"
    );
}

#[test]
fn the_safety_page_has_every_numbered_section_of_the_catalogue() {
    let state = fresh().reduce(Action::ShowSafety);
    let screen = safety_screen(&state);
    let s = state.strings();
    let headings: Vec<&str> = screen
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Heading(_, h) = b {
                Some(h.as_str())
            } else {
                None
            }
        })
        .collect();
    let expected: Vec<String> = (1..)
        .map_while(|n| {
            s.current
                .lookup(&format!("safety.{n}.heading"))
                .map(str::to_string)
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(headings, expected);
    assert_eq!(button_ids(&screen), ["safety-back"]);
}

/// A block's variant, for messages.
trait Kind {
    fn kind(&self) -> &'static str;
}

impl Kind for Block {
    fn kind(&self) -> &'static str {
        match self {
            Block::Text(_) => "text",
            Block::Heading(..) => "heading",
            Block::Bullets(..) => "bullets",
            Block::Phones { .. } => "phones",
            Block::Link { .. } => "link",
            Block::Buttons(..) => "buttons",
            Block::Checks(_) => "checks",
            Block::Note(..) => "note",
        }
    }
}
