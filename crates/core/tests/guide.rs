//! The self-screening guide's engine over the real guide in data/.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use proptest::prelude::*;
use waypoint_core::guide::{check, Guide, Reply, Session, StepKind};

fn guide() -> Guide {
    support::default_bundle().guide
}

fn step_named(g: &Guide, id: &str) -> u16 {
    g.steps
        .iter()
        .position(|s| s.id == id)
        .unwrap_or_else(|| panic!("no step {id}")) as u16
}

/// Answers by name: `("danger", &["no"])`. Steps not named are skipped.
fn walk(g: &Guide, answers: &[(&str, &[&str])]) -> Session {
    let mut s = Session::start(g);
    for _ in 0..64 {
        let step = g.step(s.current());
        if step.kind == StepKind::Result {
            return s;
        }
        let reply = match answers.iter().find(|(id, _)| *id == step.id) {
            Some((_, chosen)) => Reply::Choose(
                chosen
                    .iter()
                    .map(|a| {
                        step.answers
                            .iter()
                            .position(|x| x.id == *a)
                            .unwrap_or_else(|| panic!("no answer {a} on {}", step.id))
                            as u16
                    })
                    .collect(),
            ),
            None => Reply::Skip,
        };
        s = s.reply(g, reply);
    }
    panic!("the guide did not end");
}

fn outcome(g: &Guide, s: &Session) -> String {
    g.outcomes[s.outcome(g).expect("an outcome") as usize]
        .id
        .clone()
}

fn need_codes(g: &Guide, s: &Session) -> Vec<String> {
    let t = support::default_bundle().taxonomy;
    let mut codes: Vec<String> = s
        .needs(g)
        .iter()
        .map(|&n| {
            let need = &g.needs[n as usize];
            match (need.service_type, need.domain) {
                (Some(st), _) => t.service_types[st as usize].code.clone(),
                (None, Some(d)) => format!("domain:{}", t.domains[d as usize]),
                _ => unreachable!(),
            }
        })
        .collect();
    codes.sort();
    codes
}

#[test]
fn the_default_guide_has_no_structural_problems() {
    let g = guide();
    assert_eq!(
        check(&g),
        vec![],
        "every step and outcome reachable, no dead ends"
    );
}

#[test]
fn skipping_from_any_step_still_reaches_an_outcome() {
    let g = guide();
    // Skip everything.
    assert_eq!(outcome(&g, &walk(&g, &[])), "no-signs");
    // Answer the first k questions with their first answer, skip the rest.
    for k in 0..g.steps.len() {
        let mut s = Session::start(&g);
        for i in 0..64 {
            let step = g.step(s.current());
            if step.kind == StepKind::Result {
                break;
            }
            let reply = if i < k && !step.answers.is_empty() {
                Reply::Choose(vec![0])
            } else {
                Reply::Skip
            };
            s = s.reply(&g, reply);
        }
        assert!(
            s.outcome(&g).is_some(),
            "answering {k} then skipping ends at an outcome"
        );
    }
}

#[test]
fn the_longest_path_is_about_ten_questions() {
    let g = guide();
    fn longest(g: &Guide, step: u16, depth: usize) -> usize {
        let s = g.step(step);
        if s.kind == StepKind::Result || depth > 64 {
            return 0;
        }
        let here = usize::from(matches!(s.kind, StepKind::Question | StepKind::ChooseAny));
        here + g
            .successors(step)
            .into_iter()
            .map(|n| longest(g, n, depth + 1))
            .max()
            .unwrap_or(0)
    }
    let n = longest(&g, g.start, 0);
    println!("longest path: {n} questions");
    assert!((8..=11).contains(&n), "longest path has {n} questions");
}

#[test]
fn in_danger_shows_the_emergency_step_first() {
    let g = guide();
    for answer in ["yes", "unsure"] {
        let s =
            Session::start(&g).reply(&g, Reply::Choose(vec![answer_index(&g, "danger", answer)]));
        assert_eq!(g.step(s.current()).kind, StepKind::Emergency, "{answer}");
        let after = s.reply(&g, Reply::Skip);
        assert_eq!(
            g.step(after.current()).id,
            "age",
            "and the person can go on"
        );
    }
    let s = Session::start(&g).reply(&g, Reply::Choose(vec![answer_index(&g, "danger", "no")]));
    assert_eq!(g.step(s.current()).id, "age");
}

fn answer_index(g: &Guide, step: &str, answer: &str) -> u16 {
    g.step(step_named(g, step))
        .answers
        .iter()
        .position(|a| a.id == answer)
        .unwrap() as u16
}

/// Answer scenarios and the help each must lead to.
#[test]
fn needs_and_situations_map_to_the_right_services() {
    let g = guide();
    type Scenario<'a> = (
        &'a str,
        Vec<(&'a str, &'a [&'a str])>,
        &'a str,
        &'a [&'a str],
    );
    let scenarios: Vec<Scenario> = vec![
        ("nothing shared", vec![], "no-signs", &[]),
        (
            "documents held",
            vec![("documents", &["yes"])],
            "signs",
            &["identity-credit-repair", "immigration-legal"],
        ),
        (
            "unpaid work",
            vec![("work", &["yes"]), ("pay", &["yes"])],
            "signs",
            &["labor-rights"],
        ),
        (
            "debt only",
            vec![("work", &["yes"]), ("debt", &["yes"])],
            "signs",
            &[],
        ),
        (
            "moved around",
            vec![("work", &["yes"]), ("moved", &["yes"])],
            "signs",
            &[],
        ),
        ("not free to leave", vec![("free", &["no"])], "signs", &[]),
        (
            "not always free",
            vec![("free", &["not-always"])],
            "signs",
            &[],
        ),
        ("free to leave", vec![("free", &["yes"])], "no-signs", &[]),
        (
            "threats",
            vec![("threats", &["yes"])],
            "signs",
            &["domain:mental-health"],
        ),
        (
            "adult commercial sex",
            vec![("age", &["adult"]), ("sex", &["yes"])],
            "signs",
            &[],
        ),
        (
            "minor commercial sex",
            vec![("age", &["under-18"]), ("sex", &["yes"])],
            "young-person",
            &["domain:comprehensive"],
        ),
        (
            "minor, nothing else",
            vec![("age", &["under-18"])],
            "no-signs",
            &["domain:comprehensive"],
        ),
        (
            "needs a safe place",
            vec![("needs", &["shelter"])],
            "no-signs",
            &["domain:housing"],
        ),
        (
            "a record from what happened",
            vec![("needs", &["record"])],
            "no-signs",
            &["criminal-record-relief"],
        ),
        (
            "children and custody",
            vec![("needs", &["children"])],
            "no-signs",
            &["family-law"],
        ),
        (
            "several needs",
            vec![("needs", &["shelter", "medical", "basics"])],
            "no-signs",
            &["basic-needs", "domain:housing", "medical-care"],
        ),
        (
            "papers held and wants immigration help",
            vec![("documents", &["yes"]), ("needs", &["immigration"])],
            "signs",
            &["identity-credit-repair", "immigration-legal"],
        ),
        (
            "in danger, then skip everything",
            vec![("danger", &["yes"])],
            "no-signs",
            &[],
        ),
        (
            "not working skips pay and debt",
            vec![("work", &["no"])],
            "no-signs",
            &[],
        ),
    ];
    assert!(scenarios.len() >= 15);
    for (name, answers, expected_outcome, expected_codes) in scenarios {
        let s = walk(&g, &answers);
        assert_eq!(outcome(&g, &s), expected_outcome, "{name}: outcome");
        let mut want: Vec<String> = expected_codes.iter().map(|c| c.to_string()).collect();
        want.sort();
        assert_eq!(need_codes(&g, &s), want, "{name}: needs");
    }
}

#[test]
fn not_working_never_asks_about_pay_or_debt() {
    let g = guide();
    let mut s = Session::start(&g);
    let mut seen = Vec::new();
    while g.step(s.current()).kind != StepKind::Result {
        let step = g.step(s.current());
        seen.push(step.id.clone());
        s = if step.id == "work" {
            s.reply(&g, Reply::Choose(vec![answer_index(&g, "work", "no")]))
        } else {
            s.reply(&g, Reply::Skip)
        };
    }
    assert!(
        !seen.contains(&"pay".to_string()) && !seen.contains(&"debt".to_string()),
        "{seen:?}"
    );
}

#[test]
fn back_restores_the_previous_step_and_forgets_its_answer() {
    let g = guide();
    let s = walk(&g, &[("documents", &["yes"])]);
    assert!(s
        .signs(&g)
        .iter()
        .any(|&x| g.signs[x as usize].id == "documents"));
    let mut back = s.clone();
    while g.step(back.current()).id != "documents" {
        back = back.back();
    }
    assert!(
        back.signs(&g).is_empty(),
        "the answer on the step returned to is undone"
    );
    let documents = step_named(&g, "documents");
    assert_eq!(
        back.answers_on(documents),
        &[answer_index(&g, "documents", "yes")],
        "but shown again as chosen"
    );
    assert_eq!(
        Session::start(&g).back(),
        Session::start(&g),
        "back at the start stays"
    );
    let again = back.reply(&g, Reply::Skip);
    assert!(
        again.answers_on(documents).is_empty(),
        "skipping it this time clears it"
    );
}

#[test]
fn replies_that_do_not_fit_change_nothing() {
    let g = guide();
    let s = Session::start(&g);
    assert_eq!(s.reply(&g, Reply::Choose(vec![99])), s);
    assert_eq!(
        s.reply(&g, Reply::Choose(vec![0, 1])),
        s,
        "one answer only on a question"
    );
}

proptest! {
    /// Any sequence of replies, fitting or not, never panics; finishing with
    /// skips always ends at an outcome.
    #[test]
    fn random_answers_always_end_at_an_outcome(moves in prop::collection::vec((0u8..5, prop::collection::vec(0u16..10, 0..4)), 0..40)) {
        thread_local!(static GUIDE: Guide = guide());
        GUIDE.with(|g| {
            let mut s = Session::start(g);
            for (kind, answers) in moves {
                s = match kind {
                    0 => s.back(),
                    1 => s.reply(g, Reply::Skip),
                    2 => s.reply(g, Reply::RatherNotSay),
                    _ => s.reply(g, Reply::Choose(answers)),
                };
            }
            for _ in 0..64 {
                s = s.reply(g, Reply::Skip);
            }
            prop_assert!(s.outcome(g).is_some());
            Ok(())
        })?;
    }
}
