//! The self-screening guide's engine: a pure state machine over the guide
//! in `data/guide.toml`. Answers in, next step and finally an outcome out.
//! Nothing here touches the browser; the session lives only in memory.

use serde::{Deserialize, Serialize};

pub type StepId = u16;
pub type AnswerId = u16;
pub type SignId = u16;
pub type NeedId = u16;
pub type OutcomeId = u16;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Guide {
    pub start: StepId,
    pub steps: Vec<Step>,
    pub signs: Vec<Sign>,
    pub needs: Vec<Need>,
    /// In order: the first whose conditions hold is the result.
    pub outcomes: Vec<Outcome>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    /// Where skipping, "I'd rather not say", or an answer without its own
    /// `next` leads.
    pub next: Option<StepId>,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepKind {
    /// Choose one answer.
    Question,
    /// Choose any number of answers.
    ChooseAny,
    /// Emergency options first, then the choice to go on.
    Emergency,
    /// The end: an outcome.
    Result,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub next: Option<StepId>,
    pub signs: Vec<SignId>,
    pub needs: Vec<NeedId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sign {
    pub id: String,
    /// False for a fact that shapes the outcome but is no sign of anything.
    pub shown: bool,
}

/// What a need opens in the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub id: String,
    pub service_type: Option<u16>,
    pub domain: Option<u16>,
    pub population: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: String,
    /// Every one of these signs…
    pub all_of: Vec<SignId>,
    /// …and at least one of these (when any are listed).
    pub any_of: Vec<SignId>,
    /// Services (by id) shown first on the result: the hotlines.
    pub hotlines: Vec<String>,
}

impl Outcome {
    pub fn holds(&self, signs: &[SignId]) -> bool {
        self.all_of.iter().all(|s| signs.contains(s))
            && (self.any_of.is_empty() || self.any_of.iter().any(|s| signs.contains(s)))
    }
}

impl Guide {
    pub fn step(&self, id: StepId) -> &Step {
        &self.steps[id as usize]
    }

    /// The first outcome whose conditions hold for these signs.
    pub fn outcome_for(&self, signs: &[SignId]) -> Option<OutcomeId> {
        self.outcomes
            .iter()
            .position(|o| o.holds(signs))
            .map(|i| i as OutcomeId)
    }

    /// The most questions any way from `step` to a result can still ask,
    /// `step` included: for "Question 3 of 11" (the check refuses a guide
    /// with a loop, so the walk ends).
    pub fn questions_ahead(&self, step: StepId) -> usize {
        let s = self.step(step);
        let here = usize::from(matches!(s.kind, StepKind::Question | StepKind::ChooseAny));
        // Every step a reply can lead to (as `successors`, without sorting).
        let next = s
            .answers
            .iter()
            .filter_map(|a| a.next.or(s.next))
            .chain(s.next);
        here + next.map(|n| self.questions_ahead(n)).max().unwrap_or(0)
    }

    /// Every step a reply can lead to from `step`.
    pub fn successors(&self, step: StepId) -> Vec<StepId> {
        let s = self.step(step);
        let mut next: Vec<StepId> = s
            .answers
            .iter()
            .filter_map(|a| a.next.or(s.next))
            .chain(s.next)
            .collect();
        crate::sort::sort_by_key(&mut next, |&s| u64::from(s));
        next.dedup();
        next
    }
}

/// What a person does on a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// One answer on a question; any number on a choose-any step.
    Choose(Vec<AnswerId>),
    /// "I'd rather not say": an answer that adds nothing.
    RatherNotSay,
    /// Skip the step (also "Continue" on the emergency step).
    Skip,
}

/// One person's way through the guide: the steps passed with the answers
/// chosen, and where they are now. Lives only in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    trail: Vec<(StepId, Vec<AnswerId>)>,
    current: StepId,
    /// The answer taken back by Back: shown again (not counted) so the
    /// person sees what they chose.
    undone: Option<(StepId, Vec<AnswerId>)>,
}

impl Session {
    pub fn start(guide: &Guide) -> Session {
        Session {
            trail: Vec::new(),
            current: guide.start,
            undone: None,
        }
    }

    pub fn current(&self) -> StepId {
        self.current
    }

    /// Questions answered or skipped so far: for "Question 3".
    pub fn questions_seen(&self, guide: &Guide) -> usize {
        self.trail
            .iter()
            .filter(|(s, _)| {
                matches!(
                    guide.step(*s).kind,
                    StepKind::Question | StepKind::ChooseAny
                )
            })
            .count()
    }

    /// How many questions this way through can have in all: those asked so
    /// far and the most still ahead (it only shrinks as answers cut
    /// branches away).
    pub fn questions_total(&self, guide: &Guide) -> usize {
        self.questions_seen(guide) + guide.questions_ahead(self.current)
    }

    pub fn can_go_back(&self) -> bool {
        !self.trail.is_empty()
    }

    /// The session after a reply. Replies that do not fit the step (an
    /// unknown answer, two answers to a one-answer question) change nothing.
    pub fn reply(&self, guide: &Guide, reply: Reply) -> Session {
        let step = guide.step(self.current);
        if step.kind == StepKind::Result {
            return self.clone();
        }
        let chosen = match reply {
            Reply::Choose(answers) => answers,
            Reply::RatherNotSay | Reply::Skip => Vec::new(),
        };
        let valid = chosen.iter().all(|&a| (a as usize) < step.answers.len())
            && match step.kind {
                StepKind::Question => chosen.len() <= 1,
                StepKind::ChooseAny => true,
                StepKind::Emergency | StepKind::Result => chosen.is_empty(),
            };
        if !valid {
            return self.clone();
        }
        let next = match (step.kind, chosen.first()) {
            (StepKind::Question, Some(&a)) => step.answers[a as usize].next.or(step.next),
            _ => step.next,
        };
        let Some(next) = next else {
            return self.clone();
        };
        let mut trail = self.trail.clone();
        trail.push((self.current, chosen));
        Session {
            trail,
            current: next,
            undone: None,
        }
    }

    pub fn back(&self) -> Session {
        let mut trail = self.trail.clone();
        match trail.pop() {
            Some((step, answers)) => Session {
                trail,
                current: step,
                undone: Some((step, answers)),
            },
            None => self.clone(),
        }
    }

    fn chosen<'a>(&'a self, guide: &'a Guide) -> impl Iterator<Item = &'a Answer> + 'a {
        self.trail.iter().flat_map(move |(s, answers)| {
            answers
                .iter()
                .map(move |&a| &guide.step(*s).answers[a as usize])
        })
    }

    /// Signs from the answers given, in the guide's order.
    pub fn signs(&self, guide: &Guide) -> Vec<SignId> {
        let mut signs: Vec<SignId> = self
            .chosen(guide)
            .flat_map(|a| a.signs.iter().copied())
            .collect();
        crate::sort::sort_by_key(&mut signs, |&s| u64::from(s));
        signs.dedup();
        signs
    }

    /// Needs from the answers given, in the guide's order.
    pub fn needs(&self, guide: &Guide) -> Vec<NeedId> {
        let mut needs: Vec<NeedId> = self
            .chosen(guide)
            .flat_map(|a| a.needs.iter().copied())
            .collect();
        crate::sort::sort_by_key(&mut needs, |&n| u64::from(n));
        needs.dedup();
        needs
    }

    /// The outcome, once the result step is reached.
    pub fn outcome(&self, guide: &Guide) -> Option<OutcomeId> {
        (guide.step(self.current).kind == StepKind::Result)
            .then(|| guide.outcome_for(&self.signs(guide)))
            .flatten()
    }

    /// The answers chosen on a step, for showing them again after Back.
    pub fn answers_on(&self, step: StepId) -> &[AnswerId] {
        self.trail
            .iter()
            .rev()
            .chain(self.undone.iter())
            .find(|(s, _)| *s == step)
            .map(|(_, a)| a.as_slice())
            .unwrap_or(&[])
    }
}

/// A structural problem in a guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideProblem {
    /// "step <id>" or "outcome <id>".
    pub record: String,
    pub message: String,
}

/// Checks what the types cannot: every step reachable from the start, every
/// step able to reach a result, every outcome reachable by some answers.
pub fn check(guide: &Guide) -> Vec<GuideProblem> {
    let mut problems = Vec::new();
    let n = guide.steps.len();
    if n == 0 || guide.start as usize >= n {
        problems.push(GuideProblem {
            record: "guide".into(),
            message: "no start step".into(),
        });
        return problems;
    }
    let mut reached = vec![false; n];
    let mut stack = vec![guide.start];
    while let Some(s) = stack.pop() {
        if std::mem::replace(&mut reached[s as usize], true) {
            continue;
        }
        stack.extend(guide.successors(s));
    }
    for (i, step) in guide.steps.iter().enumerate() {
        if !reached[i] {
            problems.push(GuideProblem {
                record: format!("step {}", step.id),
                message: "cannot be reached from the start".into(),
            });
        }
        if step.kind != StepKind::Result && guide.successors(i as StepId).is_empty() {
            problems.push(GuideProblem {
                record: format!("step {}", step.id),
                message: "leads nowhere: give it a next step".into(),
            });
        }
        if matches!(step.kind, StepKind::Question | StepKind::ChooseAny) && step.answers.is_empty()
        {
            problems.push(GuideProblem {
                record: format!("step {}", step.id),
                message: "a question needs answers".into(),
            });
        }
    }
    // Walk (step, signs so far) states: each is visited once, so this stays
    // small however many paths there are.
    let mut outcomes = vec![false; guide.outcomes.len()];
    let mut seen = std::collections::BTreeSet::new();
    let mut stack: Vec<(StepId, u64)> = vec![(guide.start, 0)];
    let mut ends_somewhere = false;
    while let Some((s, signs)) = stack.pop() {
        if !seen.insert((s, signs)) {
            continue;
        }
        let step = guide.step(s);
        if step.kind == StepKind::Result {
            ends_somewhere = true;
            let list: Vec<SignId> = (0..64).filter(|b| signs & (1u64 << b) != 0).collect();
            if let Some(o) = guide.outcome_for(&list) {
                outcomes[o as usize] = true;
            }
            continue;
        }
        let bits = |a: &Answer| a.signs.iter().fold(0u64, |acc, &x| acc | 1u64 << (x % 64));
        if let Some(next) = step.next {
            stack.push((next, signs));
        }
        match step.kind {
            StepKind::ChooseAny => {
                if let Some(next) = step.next {
                    let all = step.answers.iter().fold(signs, |acc, a| acc | bits(a));
                    // Each answer alone and all together cover what sign
                    // sets a choose-any step can add for outcome checks.
                    for a in &step.answers {
                        stack.push((next, signs | bits(a)));
                    }
                    stack.push((next, all));
                }
            }
            _ => {
                for a in &step.answers {
                    if let Some(next) = a.next.or(step.next) {
                        stack.push((next, signs | bits(a)));
                    }
                }
            }
        }
    }
    if !ends_somewhere {
        problems.push(GuideProblem {
            record: "guide".into(),
            message: "no path reaches a result step".into(),
        });
    }
    for (i, reached) in outcomes.iter().enumerate() {
        if !reached {
            problems.push(GuideProblem {
                record: format!("outcome {}", guide.outcomes[i].id),
                message: "no answers lead to it (an earlier outcome always wins, or its signs cannot all be given)".into(),
            });
        }
    }
    problems
}
