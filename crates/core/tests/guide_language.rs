//! The guide's English reads at grade 6 or below (Flesch-Kincaid): every
//! question with its help text, every outcome, the opening, the emergency
//! screen and the safety tips. Prints each grade, fails on any above 6.

// One support module for every native suite, kept with the CLI it calls.
#[path = "../../cli/tests/support/mod.rs"]
mod support;

use waypoint_core::readability::flesch_kincaid_grade;

const MAX_GRADE: f64 = 6.0;

#[test]
fn guide_english_is_at_grade_6_or_below() {
    let bundle = support::default_bundle();
    let en = bundle.locales.iter().find(|c| c.lang == "en").unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    for (key, value) in en.entries() {
        let Some(rest) = key.strip_prefix("guide.") else {
            continue;
        };
        let graded = rest.ends_with(".question")
            || rest.ends_with(".help")
            || (rest.starts_with("outcome.") && rest.ends_with(".body"))
            || rest == "intro.body"
            || rest == "emergency.body"
            || rest.starts_with("tip.");
        if !graded {
            continue;
        }
        // A question is read with its help text.
        let text = match rest.strip_suffix(".question") {
            Some(step) => match en.lookup(&format!("guide.{step}.help")) {
                Some(help) => format!("{value} {help}"),
                None => value.to_string(),
            },
            None => value.to_string(),
        };
        if rest.ends_with(".help") && en.lookup(&key.replace(".help", ".question")).is_some() {
            continue;
        }
        texts.push((key.to_string(), text));
    }
    assert!(
        texts.len() >= 15,
        "the guide has questions and outcomes to grade: {}",
        texts.len()
    );
    let mut too_hard = Vec::new();
    println!("{:<40} grade", "text");
    for (key, text) in &texts {
        let grade = flesch_kincaid_grade(text).unwrap_or(0.0);
        println!("{key:<40} {grade:5.1}");
        if grade > MAX_GRADE {
            too_hard.push(format!("{key}: grade {grade:.1}: {text}"));
        }
    }
    assert!(
        too_hard.is_empty(),
        "above grade {MAX_GRADE}:\n{}",
        too_hard.join("\n")
    );
}
