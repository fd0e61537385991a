//! Synonym groups: words and phrases that mean the same thing in a search of
//! this directory ("food stamps", "SNAP", "EBT"). The data steward writes
//! them per language in `data/locales/<lang>/synonyms.toml`.
//!
//! They are applied when the bundle is built, not in the browser: each
//! service gains the other members of every group its searchable text
//! contains (`expand`), indexed at the lowest weight (`Field::Synonym`). A
//! query for any member then finds it, a phrase works both ways ("food
//! stamps" finds a record that says SNAP, "snap" one that says food stamps),
//! and a record that says the word itself still ranks above one that only
//! means it. The browser runs no code for this and downloads no table;
//! the words only a language other than the default and the instant-search
//! ones has come in that language's file (`Bundle::move_synonyms`).

use std::collections::HashMap;

use super::{Document, Field};
use crate::text;

/// The groups, each member folded into its words.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    /// `groups[g][m]` is member `m` of group `g` as folded words.
    groups: Vec<Vec<Vec<String>>>,
    /// Every word of every member, with the members that start with it:
    /// (group, member).
    by_word: HashMap<String, Vec<(usize, usize)>, crate::search::FxBuild>,
}

impl Synonyms {
    /// Groups of members as written ("Food stamps", "SNAP"). Members that
    /// fold to nothing are skipped; checking the table is the caller's.
    pub fn new<G, M>(groups: G) -> Synonyms
    where
        G: IntoIterator<Item = M>,
        M: IntoIterator,
        M::Item: AsRef<str>,
    {
        let mut table = Synonyms::default();
        for group in groups {
            let mut members: Vec<Vec<String>> = Vec::new();
            for member in group {
                let words: Vec<String> = text::words(member.as_ref()).collect();
                if !words.is_empty() && !members.contains(&words) {
                    members.push(words);
                }
            }
            let g = table.groups.len();
            for (m, words) in members.iter().enumerate() {
                table
                    .by_word
                    .entry(words[0].clone())
                    .or_default()
                    .push((g, m));
                for word in &words[1..] {
                    table.by_word.entry(word.clone()).or_default();
                }
            }
            table.groups.push(members);
        }
        table
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The groups a document's text names, in table order. Words it holds
    /// from the table already (`Field::Synonym`) name none.
    pub fn groups_in(&self, doc: &Document) -> Vec<usize> {
        let found = self.scan(doc, &mut String::new()).0;
        (0..found.len()).filter(|&g| found[g]).collect()
    }

    /// Which groups the document names, and the words it holds that a
    /// member has (as written or as a plural). Folds each word once, into
    /// one buffer: the build scans every word of every service (15 million
    /// at 100k generated services).
    fn scan<'a>(&self, doc: &Document, folded: &'a mut String) -> (Vec<bool>, Vec<&'a str>) {
        let mut found = vec![false; self.groups.len()];
        let mut spans: Vec<(usize, usize, bool)> = Vec::new();
        for (field, value) in &doc.fields {
            let names = *field != Field::Synonym;
            text::each_word(value, |word| {
                let start = folded.len();
                folded.push_str(word);
                spans.push((start, folded.len(), names));
            });
            // A phrase never runs from one field into the next.
            spans.push((0, 0, false));
        }
        let words: Vec<&str> = spans.iter().map(|&(s, e, _)| &folded[s..e]).collect();
        // Each word looked up once, in each of its forms: the members it
        // may start, and whether any member has it.
        let none: &[(usize, usize)] = &[];
        let mut starts: Vec<[&[(usize, usize)]; 3]> = Vec::with_capacity(words.len());
        let mut held = Vec::new();
        for w in &words {
            let mut lists = [none; 3];
            let mut known = false;
            for (i, form) in singular_forms(w).enumerate() {
                if let Some(list) = self.by_word.get(form) {
                    lists[i] = list;
                    known = true;
                }
            }
            if known {
                held.push(*w);
            }
            starts.push(lists);
        }
        let mut run = 0;
        for (i, &(_, _, names)) in spans.iter().enumerate() {
            if !names {
                if run < i {
                    self.mark(&words[run..i], &starts[run..i], &mut found);
                }
                run = i + 1;
            }
        }
        (found, held)
    }

    /// Marks the groups with a member in this run of words, given the
    /// members each word's forms may start.
    fn mark(&self, words: &[&str], starts: &[[&[(usize, usize)]; 3]], found: &mut [bool]) {
        for at in 0..words.len() {
            for &(g, m) in starts[at].iter().copied().flatten() {
                let member = &self.groups[g][m];
                let rest = &words[at..];
                if rest.len() >= member.len()
                    && member.iter().zip(rest).all(|(m, w)| same_word(m, w))
                {
                    found[g] = true;
                }
            }
        }
    }

    /// The words a document gains: those of every member of the groups its
    /// text names that it does not already hold (as written or as a
    /// plural), folded, once each, in table order, separated by spaces.
    /// Empty when it names no group. `skip` (sorted) are words never worth
    /// adding: the stopwords, which a query drops.
    pub fn expand(&self, doc: &Document, skip: &[String]) -> String {
        let mut folded = String::new();
        let (found, mut have) = self.scan(doc, &mut folded);
        if !found.contains(&true) {
            return String::new();
        }
        have.sort_unstable();
        have.dedup();
        let mut added: Vec<&str> = Vec::new();
        for g in (0..found.len()).filter(|&g| found[g]) {
            for word in self.groups[g].iter().flatten() {
                // Words that start with this one follow it in sorted order.
                let from = have.partition_point(|h| *h < word.as_str());
                let held = have[from..]
                    .iter()
                    .take_while(|h| h.starts_with(word.as_str()))
                    .any(|h| same_word(word, h));
                let held = held || skip.binary_search(word).is_ok();
                if !held && !added.contains(&word.as_str()) {
                    added.push(word);
                }
            }
        }
        added.join(" ")
    }
}

/// A member's word matches the same word in a text, or its plural in -s or
/// -es ("lawyer" matches "lawyers", "albergue" "albergues").
fn same_word(member: &str, word: &str) -> bool {
    word == member
        || word
            .strip_prefix(member)
            .is_some_and(|rest| rest == "s" || rest == "es")
}

/// The forms a text's word may have as a member's first word: itself, and
/// without a plural ending.
fn singular_forms(word: &str) -> impl Iterator<Item = &str> {
    let s = word.strip_suffix('s').filter(|w| !w.is_empty());
    let es = word.strip_suffix("es").filter(|w| !w.is_empty());
    std::iter::once(word).chain(s).chain(es)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{rank, SearchIndex, Searcher};
    use std::rc::Rc;

    fn doc(text: &str) -> Document {
        let mut d = Document::default();
        d.add(Field::Description, text);
        d
    }

    impl Synonyms {
        fn expand_all(&self, doc: &Document) -> String {
            self.expand(doc, &[])
        }
    }

    fn table() -> Synonyms {
        Synonyms::new([
            vec!["food stamps", "SNAP", "EBT"],
            vec!["lawyer", "attorney", "legal aid"],
            vec!["shelter", "place to stay"],
        ])
    }

    #[test]
    fn expansion_is_symmetric_for_phrases() {
        let t = table();
        assert_eq!(
            t.expand_all(&doc("We help you apply for SNAP.")),
            "food stamps ebt"
        );
        assert_eq!(
            t.expand_all(&doc("Food stamps and other benefits")),
            "snap ebt"
        );
        assert_eq!(t.expand_all(&doc("A place to stay tonight")), "shelter");
        assert_eq!(t.expand_all(&doc("An emergency shelter")), "place to stay");
        // A query drops its stopwords, so they are not worth adding.
        assert_eq!(
            t.expand(&doc("An emergency shelter"), &["to".to_string()]),
            "place stay"
        );
    }

    #[test]
    fn a_phrase_matches_only_as_a_whole() {
        let t = table();
        assert_eq!(t.expand_all(&doc("Food, clothes and stamps")), "");
        assert_eq!(t.expand_all(&doc("A place to rest; stay safe")), "");
        assert!(t.groups_in(&doc("food")).is_empty());
    }

    #[test]
    fn plurals_match_and_words_already_there_are_not_added() {
        let t = table();
        assert_eq!(
            t.expand_all(&doc("Free attorneys and legal help")),
            "lawyer aid"
        );
        assert_eq!(t.expand_all(&doc("Shelters for families")), "place to stay");
    }

    #[test]
    fn every_field_counts_and_groups_add_once() {
        let t = table();
        let mut d = doc("Lawyers on call");
        d.add(Field::ServiceType, "Emergency shelter");
        d.add(Field::Name, "Attorney and shelter");
        assert_eq!(t.groups_in(&d), [1, 2]);
        assert_eq!(t.expand_all(&d), "legal aid place to stay");
        // What the table gave already is held, and names no group itself.
        d.add(Field::Synonym, "legal aid ebt");
        assert_eq!(t.groups_in(&d), [1, 2]);
        assert_eq!(t.expand_all(&d), "place to stay");
    }

    /// Documents as the build leaves them: their text plus what it gains.
    fn searcher(t: &Synonyms, texts: &[&str]) -> Searcher {
        let docs = texts.iter().map(|text| {
            let mut d = doc(text);
            let gained = t.expand(&d, &["to".to_string()]);
            d.add(Field::Synonym, gained);
            d
        });
        Searcher::new(Rc::new(SearchIndex::build(docs, &["to".to_string()])))
    }

    fn found(s: &mut Searcher, query: &str) -> Vec<u32> {
        let mut hits = s.search(query, |_| true).hits;
        rank(&mut hits, |r| r);
        hits.iter().map(|h| h.record).collect()
    }

    #[test]
    fn a_query_for_any_member_finds_the_record() {
        let t = table();
        let mut s = searcher(
            &t,
            &[
                "Apply for SNAP here",
                "Food stamps office",
                "Overnight shelter",
                "A place to stay",
            ],
        );
        assert_eq!(found(&mut s, "food stamps"), [1, 0]);
        assert_eq!(found(&mut s, "snap"), [0, 1]);
        assert_eq!(found(&mut s, "ebt"), [0, 1]);
        assert_eq!(found(&mut s, "place to stay"), [3, 2]);
        assert_eq!(found(&mut s, "shelter"), [2, 3]);
    }

    #[test]
    fn a_record_that_says_the_word_outranks_one_that_means_it() {
        let t = table();
        // The synonym-only record comes first in the tie-break order.
        let mut s = searcher(
            &t,
            &[
                "Free attorneys for workers",
                "A volunteer lawyer for workers",
            ],
        );
        let hits = s.search("lawyer", |_| true).hits;
        let score = |r: u32| {
            hits.iter()
                .find(|h| h.record == r)
                .map(|h| h.score)
                .unwrap()
        };
        assert!(
            score(1) > score(0),
            "direct {} vs synonym {}",
            score(1),
            score(0)
        );
        assert_eq!(found(&mut s, "lawyer"), [1, 0]);
        assert_eq!(found(&mut s, "attorney"), [0, 1]);
    }

    #[test]
    fn members_fold_like_the_index() {
        let t = Synonyms::new([["Medi-Cal", "Medicaid"], ["Asesoría jurídica", "abogado"]]);
        assert_eq!(t.expand_all(&doc("Help with MEDI-CAL forms")), "medicaid");
        assert_eq!(t.expand_all(&doc("Abogados gratis")), "asesoria juridica");
        assert_eq!(t.expand_all(&doc("asesoria juridica")), "abogado");
    }
}
