//! The self-screening guide: its graph and the strings it needs.

use std::collections::{HashMap, HashSet};

use crate::load::Sources;
use crate::problem::Problems;
use waypoint_core::guide::{Answer, Guide, Need, Outcome, Sign, Step, StepKind};
use waypoint_core::locale::Catalog;
use waypoint_core::model::Directory;
use waypoint_core::taxonomy::Taxonomy;

/// The guide's structure, with names turned into indices, every reference
/// checked, the engine's reachability checks run, and every string it needs
/// present in the default language (the locale check covers the others).
pub(super) fn compile_guide(
    sources: &Sources,
    taxonomy: &Taxonomy,
    directory: &Directory,
    locales: &[Catalog],
    default_lang: &str,
    problems: &mut Problems,
) -> Guide {
    let Some((file, g)) = &sources.guide else {
        problems.error("guide.toml", "-", "-", "missing");
        return Guide::default();
    };
    let index = |names: Vec<&str>| -> HashMap<String, u16> {
        names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i as u16))
            .collect()
    };
    let steps = index(g.steps.iter().map(|s| s.id.as_str()).collect());
    let signs = index(g.signs.iter().map(|s| s.id.as_str()).collect());
    let needs = index(g.needs.iter().map(|n| n.id.as_str()).collect());
    for (what, list) in [
        ("step", g.steps.iter().map(|s| &s.id).collect::<Vec<_>>()),
        ("sign", g.signs.iter().map(|s| &s.id).collect()),
        ("need", g.needs.iter().map(|s| &s.id).collect()),
        ("outcome", g.outcomes.iter().map(|s| &s.id).collect()),
    ] {
        let mut seen = HashSet::new();
        for id in list {
            if !seen.insert(id) {
                problems.error(file, &format!("{what} {id}"), "id", "used twice");
            }
        }
    }
    let mut look =
        |map: &HashMap<String, u16>, record: &str, field: &str, name: &str| -> Option<u16> {
            let found = map.get(name).copied();
            if found.is_none() {
                problems.error(
                    file,
                    record,
                    field,
                    format!("no such {}: {name:?}", field.trim_end_matches('s')),
                );
            }
            found
        };
    let start = look(&steps, "guide", "start", &g.start).unwrap_or(0);
    let mut guide = Guide {
        start,
        ..Guide::default()
    };
    guide.signs = g
        .signs
        .iter()
        .map(|s| Sign {
            id: s.id.clone(),
            shown: s.shown,
        })
        .collect();
    for n in &g.needs {
        let record = format!("need {}", n.id);
        let service_type = n.service.as_ref().and_then(|c| {
            let id = taxonomy.service_type_id(c);
            if id.is_none() {
                problems.error(
                    file,
                    &record,
                    "service",
                    format!("unknown service code {c:?}"),
                );
            }
            id
        });
        let domain = n.domain.as_ref().and_then(|c| {
            let id = taxonomy.domain_id(c);
            if id.is_none() {
                problems.error(file, &record, "domain", format!("unknown domain {c:?}"));
            }
            id
        });
        let population = n.population.as_ref().and_then(|c| {
            let id = taxonomy.population_id(c);
            if id.is_none() {
                problems.error(
                    file,
                    &record,
                    "population",
                    format!("unknown population {c:?}"),
                );
            }
            id
        });
        if n.service.is_none() && n.domain.is_none() {
            problems.error(
                file,
                &record,
                "service",
                "a need opens a service code or a domain",
            );
        }
        guide.needs.push(Need {
            id: n.id.clone(),
            service_type,
            domain,
            population,
        });
    }
    let mut look =
        |map: &HashMap<String, u16>, record: &str, field: &str, name: &str| -> Option<u16> {
            let found = map.get(name).copied();
            if found.is_none() {
                problems.error(
                    file,
                    record,
                    field,
                    format!("no such {}: {name:?}", field.trim_end_matches('s')),
                );
            }
            found
        };
    for s in &g.steps {
        let record = format!("step {}", s.id);
        let kind = match s.kind.as_str() {
            "question" => StepKind::Question,
            "choose-any" => StepKind::ChooseAny,
            "emergency" => StepKind::Emergency,
            "result" => StepKind::Result,
            other => {
                look(&HashMap::new(), &record, "kind", other);
                StepKind::Question
            }
        };
        let next = s
            .next
            .as_ref()
            .and_then(|n| look(&steps, &record, "next", n));
        let answers = s
            .answers
            .iter()
            .map(|a| {
                let record = format!("step {} answer {}", s.id, a.id);
                Answer {
                    id: a.id.clone(),
                    next: a
                        .next
                        .as_ref()
                        .and_then(|n| look(&steps, &record, "next", n)),
                    signs: a
                        .signs
                        .iter()
                        .filter_map(|x| look(&signs, &record, "signs", x))
                        .collect(),
                    needs: a
                        .needs
                        .iter()
                        .filter_map(|x| look(&needs, &record, "needs", x))
                        .collect(),
                }
            })
            .collect();
        guide.steps.push(Step {
            id: s.id.clone(),
            kind,
            next,
            answers,
        });
    }
    let mut missing_hotlines = Vec::new();
    for o in &g.outcomes {
        let record = format!("outcome {}", o.id);
        let all_of = o
            .all_of
            .iter()
            .filter_map(|x| look(&signs, &record, "all_of", x))
            .collect();
        let any_of = o
            .any_of
            .iter()
            .filter_map(|x| look(&signs, &record, "any_of", x))
            .collect();
        missing_hotlines.extend(
            o.hotlines
                .iter()
                .filter(|h| !directory.services.iter().any(|s| &s.id == *h))
                .map(|h| (record.clone(), h.clone())),
        );
        guide.outcomes.push(Outcome {
            id: o.id.clone(),
            all_of,
            any_of,
            hotlines: o.hotlines.clone(),
        });
    }
    // A generated test directory has no real hotlines to show.
    let fictional =
        !directory.services.is_empty() && directory.services.iter().all(|s| s.fictional);
    for (record, h) in missing_hotlines {
        let message = format!("no such service: {h:?}");
        if fictional {
            problems.warning(file, &record, "hotlines", message);
        } else {
            problems.error(file, &record, "hotlines", message);
        }
    }
    if problems.has_errors() {
        return guide;
    }
    for p in waypoint_core::guide::check(&guide) {
        problems.error(file, &p.record, "-", p.message);
    }
    // Strings the guide needs, in the default language.
    let Some(base) = locales.iter().find(|c| c.lang == default_lang) else {
        return guide;
    };
    let mut keys: Vec<String> = GUIDE_UI_KEYS.iter().map(|k| k.to_string()).collect();
    for step in &guide.steps {
        match step.kind {
            StepKind::Question | StepKind::ChooseAny => {
                keys.push(format!("guide.{}.question", step.id));
                keys.extend(
                    step.answers
                        .iter()
                        .map(|a| format!("guide.{}.{}", step.id, a.id)),
                );
            }
            StepKind::Emergency => keys.extend([
                format!("guide.{}.title", step.id),
                format!("guide.{}.body", step.id),
            ]),
            StepKind::Result => {}
        }
    }
    keys.extend(
        guide
            .signs
            .iter()
            .filter(|s| s.shown)
            .map(|s| format!("guide.sign.{}", s.id)),
    );
    keys.extend(guide.needs.iter().map(|n| format!("guide.need.{}", n.id)));
    keys.extend(guide.outcomes.iter().flat_map(|o| {
        [
            format!("guide.outcome.{}.title", o.id),
            format!("guide.outcome.{}.body", o.id),
        ]
    }));
    for key in keys {
        if base.lookup(&key).is_none() {
            problems.error(
                &format!("locales/{default_lang}"),
                &key,
                "guide",
                "string missing in the default language",
            );
        }
    }
    guide
}

/// Strings every guide screen uses.
const GUIDE_UI_KEYS: &[&str] = &[
    "guide.ui.nav",
    "guide.ui.invite",
    "guide.ui.start",
    "guide.ui.rather_not_say",
    "guide.ui.skip",
    "guide.ui.back",
    "guide.ui.next",
    "guide.ui.progress",
    "guide.ui.continue",
    "guide.ui.call_911",
    "guide.ui.start_over",
    "guide.ui.start_over_note",
    "guide.ui.to_directory",
    "guide.intro.title",
    "guide.intro.body",
    "guide.result.signs_heading",
    "guide.result.help_heading",
    "guide.result.confidential",
    "guide.result.services_heading",
    "guide.result.services_none",
    "guide.result.browse",
    "guide.result.tips_heading",
    "guide.result.count.one",
    "guide.result.count.other",
    "guide.tip.1",
];
