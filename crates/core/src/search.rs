//! The search index: an inverted index from folded words to the records that
//! contain them, with the weight of the field each word came from.
//!
//! A query is split into terms; each term is matched against the sorted
//! vocabulary (exact, prefix, or a typo within budget) rather than against
//! every record, so the cost of a keystroke grows with the vocabulary, not
//! with the directory. Terms are combined with AND, rarest first, so later
//! terms only touch records that are still candidates.

pub mod fuzzy;
pub mod highlight;
pub mod synonyms;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::text;
use fuzzy::{match_word, WordMatch};

/// How much a field counts: names beat service names beat places and
/// populations beat descriptions beat synonyms, the words a record gains
/// from the synonym table without saying them (`synonyms`), so a record
/// that says a word ranks above one that only means it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Synonym = 1,
    Description = 2,
    Detail = 4,
    ServiceType = 6,
    Name = 8,
}

/// One searchable record: its fields as plain text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub fields: Vec<(Field, String)>,
}

impl Document {
    pub fn add(&mut self, field: Field, text: impl Into<String>) {
        self.fields.push((field, text.into()));
    }
}

/// A record holding a word, and the weight of the best field it is in,
/// packed in 4 bytes (28 bits of record, 4 of weight): at 100k services
/// the postings are most of the index's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting(u32);

const WEIGHT_BITS: u32 = 4;

/// Records an index can hold with 28-bit record numbers.
pub const MAX_RECORDS: usize = 1 << (32 - WEIGHT_BITS);

impl Posting {
    fn new(record: u32, weight: u8) -> Posting {
        Posting(record << WEIGHT_BITS | u32::from(weight))
    }
    fn record(self) -> u32 {
        self.0 >> WEIGHT_BITS
    }
    fn weight(self) -> u32 {
        self.0 & ((1 << WEIGHT_BITS) - 1)
    }
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Sorted, unique folded words.
    words: Vec<Box<str>>,
    /// `postings[starts[w]..starts[w + 1]]` are the records holding word `w`.
    starts: Vec<u32>,
    postings: Vec<Posting>,
    records: usize,
    /// Words too common to mean anything on their own ("the", "de").
    stopwords: Vec<String>,
}

impl SearchIndex {
    pub fn build(
        documents: impl IntoIterator<Item = Document>,
        stopwords: &[String],
    ) -> SearchIndex {
        // Words are looked up by `&str` and only a new word is allocated.
        let mut by_word: HashMap<String, Vec<Posting>, FxBuild> = HashMap::default();
        let mut records = 0;
        for (record, doc) in documents.into_iter().enumerate() {
            assert!(
                record < MAX_RECORDS,
                "the index holds at most {MAX_RECORDS} records"
            );
            records += 1;
            for (field, value) in &doc.fields {
                text::each_word(value, |word| {
                    // One lookup for a word already seen (nearly every
                    // word): looking up, inserting, then looking up again
                    // hashed and compared each word three times.
                    let list = match by_word.get_mut(word) {
                        Some(list) => list,
                        None => by_word.entry(word.to_string()).or_default(),
                    };
                    match list.last_mut() {
                        Some(last) if last.record() == record as u32 => {
                            *last =
                                Posting::new(record as u32, (last.weight() as u8).max(*field as u8))
                        }
                        _ => list.push(Posting::new(record as u32, *field as u8)),
                    }
                });
            }
        }
        let mut words: Vec<String> = by_word.keys().cloned().collect();
        words.sort_unstable();
        let mut index = SearchIndex {
            records,
            ..SearchIndex::default()
        };
        index.starts.reserve(words.len() + 1);
        for word in words {
            let postings = by_word.remove(&word).unwrap_or_default();
            index.starts.push(index.postings.len() as u32);
            index.postings.extend(postings);
            index.words.push(word.into_boxed_str());
        }
        index.starts.push(index.postings.len() as u32);
        index.stopwords = stopwords
            .iter()
            .map(|w| text::words(w).collect::<String>())
            .collect();
        index
    }

    pub fn record_count(&self) -> usize {
        self.records
    }

    pub fn vocabulary_size(&self) -> usize {
        self.words.len()
    }

    fn postings_of(&self, word: usize) -> &[Posting] {
        &self.postings[self.starts[word] as usize..self.starts[word + 1] as usize]
    }

    /// The vocabulary range whose words start with `first` byte.
    fn words_starting_with(&self, first: u8) -> std::ops::Range<usize> {
        let lo = self.words.partition_point(|w| w.as_bytes()[0] < first);
        let hi = self.words.partition_point(|w| w.as_bytes()[0] <= first);
        lo..hi
    }

    /// Every vocabulary word the term matches, with how.
    fn match_term(&self, term: &str) -> TermMatches {
        let t = term.as_bytes();
        let mut words = Vec::new();
        // Exact and prefix matches form one contiguous run of the sorted words.
        let start = self.words.partition_point(|w| w.as_ref() < term);
        let mut end = start;
        while end < self.words.len() && self.words[end].as_bytes().starts_with(t) {
            let how = if self.words[end].len() == t.len() {
                WordMatch::Exact
            } else {
                WordMatch::Prefix
            };
            words.push((end as u32, how));
            end += 1;
        }
        if fuzzy::typo_budget(t.len()) > 0 {
            // A typo keeps the first letter or swaps/drops it: scan only the
            // runs that could hold such words.
            let mut firsts = vec![t[0]];
            if t.len() > 1 && t[1] != t[0] {
                firsts.push(t[1]);
            }
            for first in firsts {
                for w in self.words_starting_with(first) {
                    if (start..end).contains(&w) {
                        continue;
                    }
                    if let Some(how) = match_word(t, self.words[w].as_bytes()) {
                        words.push((w as u32, how));
                    }
                }
            }
            // An extra letter typed first ("mimigration") is not forgiven:
            // scanning every run for it would cost about 20 times more.
        }
        let postings = words
            .iter()
            .map(|&(w, _)| self.postings_of(w as usize).len())
            .sum();
        TermMatches { words, postings }
    }
}

#[derive(Debug, Clone, Default)]
struct TermMatches {
    words: Vec<(u32, WordMatch)>,
    /// Total postings behind these words: the term's cost and rarity.
    postings: usize,
}

/// The parsed query: folded terms, stopwords dropped unless they are all
/// there is.
pub fn query_terms(query: &str, stopwords: &[String]) -> Vec<String> {
    let all: Vec<String> = text::words(query).collect();
    let kept: Vec<String> = all
        .iter()
        .filter(|w| !stopwords.contains(w))
        .cloned()
        .collect();
    let mut terms = if kept.is_empty() { all } else { kept };
    terms.dedup();
    terms
}

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub record: u32,
    pub score: u32,
    /// How many of the query's terms the record matched.
    pub matched_terms: u8,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub terms: Vec<String>,
    /// True when no record had every term, so these match only some.
    pub partial: bool,
}

/// Runs queries against an index, keeping scratch memory and recent term
/// matches between keystrokes so typing one more letter reuses the rest.
#[derive(Debug, Default)]
pub struct Searcher {
    index: Rc<SearchIndex>,
    /// Recent terms and their matches, newest last.
    cache: Vec<(String, Rc<TermMatches>)>,
    best: Vec<u32>,
    total: Vec<u32>,
    seen: Vec<u8>,
    touched: Vec<u32>,
}

impl Searcher {
    pub fn new(index: Rc<SearchIndex>) -> Searcher {
        let n = index.records;
        Searcher {
            index,
            cache: Vec::new(),
            best: vec![0; n],
            total: vec![0; n],
            seen: vec![0; n],
            touched: Vec::new(),
        }
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    fn term(&mut self, term: &str) -> Rc<TermMatches> {
        if let Some((_, hit)) = self.cache.iter().find(|(t, _)| t == term) {
            return hit.clone();
        }
        // Typing and deleting revisits the last few terms; older ones rarely
        // come back.
        if self.cache.len() >= 32 {
            self.cache.remove(0);
        }
        let found = Rc::new(self.index.match_term(term));
        self.cache.push((term.to_string(), found.clone()));
        found
    }

    /// Scores every record that matches the query and passes `keep`. Records
    /// matching all terms come first; if none does, records matching some
    /// terms are returned and `partial` is set. Unsorted; see `rank`.
    pub fn search(&mut self, query: &str, keep: impl Fn(u32) -> bool) -> Found {
        let terms = query_terms(query, &self.index.stopwords);
        if terms.is_empty() {
            return Found::default();
        }
        let mut matches: Vec<Rc<TermMatches>> = terms.iter().map(|t| self.term(t)).collect();
        crate::sort::sort_by_key(&mut matches, |m| m.postings as u64);
        let index = self.index.clone();
        for &r in &self.touched {
            self.seen[r as usize] = 0;
            self.total[r as usize] = 0;
        }
        self.touched.clear();
        // Pass 1..n: the rarest term creates candidates; each later term
        // only raises records that matched every term before it.
        for (t, m) in matches.iter().enumerate() {
            let t = t as u8;
            for &(word, how) in &m.words {
                let quality = how.quality();
                for p in index.postings_of(word as usize) {
                    let r = p.record() as usize;
                    let score = quality * p.weight();
                    if self.seen[r] == t {
                        if t == 0 {
                            self.touched.push(p.record());
                        }
                        self.seen[r] = t + 1;
                        self.best[r] = score;
                        self.total[r] += score;
                    } else if self.seen[r] == t + 1 && score > self.best[r] {
                        self.total[r] += score - self.best[r];
                        self.best[r] = score;
                    }
                }
            }
        }
        let all = matches.len() as u8;
        let hits: Vec<Hit> = self
            .touched
            .iter()
            .filter(|&&r| self.seen[r as usize] == all && keep(r))
            .map(|&r| Hit {
                record: r,
                score: self.total[r as usize],
                matched_terms: all,
            })
            .collect();
        if !hits.is_empty() || matches.len() == 1 {
            return Found {
                hits,
                terms,
                partial: false,
            };
        }
        let hits = self.any_term(&matches, &keep);
        Found {
            partial: !hits.is_empty(),
            hits,
            terms,
        }
    }

    /// The fallback when no record has every term: score each record by the
    /// terms it has, reusing the scratch arrays (`seen` counts terms here).
    fn any_term(&mut self, matches: &[Rc<TermMatches>], keep: &impl Fn(u32) -> bool) -> Vec<Hit> {
        for &r in &self.touched {
            self.seen[r as usize] = 0;
            self.total[r as usize] = 0;
        }
        self.touched.clear();
        let index = self.index.clone();
        for m in matches {
            // `best` holds this term's best score per record; clear the
            // records it touches first.
            for &(word, _) in &m.words {
                for p in index.postings_of(word as usize) {
                    self.best[p.record() as usize] = 0;
                }
            }
            for &(word, how) in &m.words {
                for p in index.postings_of(word as usize) {
                    let r = p.record() as usize;
                    let score = how.quality() * p.weight();
                    if self.seen[r] == 0 && self.total[r] == 0 && self.best[r] == 0 {
                        self.touched.push(p.record());
                    }
                    if score > self.best[r] {
                        if self.best[r] == 0 {
                            self.seen[r] += 1;
                        }
                        self.total[r] += score - self.best[r];
                        self.best[r] = score;
                    }
                }
            }
        }
        self.touched
            .iter()
            .filter(|&&r| keep(r))
            .map(|&r| Hit {
                record: r,
                score: self.total[r as usize],
                matched_terms: self.seen[r as usize],
            })
            .collect()
    }
}

/// A small fast hash for short words (the index build and the synonym
/// table look up every word of every service); std's default is made for
/// untrusted keys, and these are the site's own. Measured against
/// rustc-hash: nearly as fast here (0.20 s against 0.17 s for 10,000
/// services) and 1.6 KB less wasm, because its hasher is one loop.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` hasher for our own words (the index, the synonym table).
pub type FxBuild = BuildHasherDefault<Fx>;

/// Orders hits: more terms matched, then higher score, then the caller's
/// tie-break (a precomputed rank). Packed into one integer key so a
/// 100k-hit keystroke sorts plain numbers.
pub fn rank(hits: &mut Vec<Hit>, tie_break: impl Fn(u32) -> u32) {
    crate::sort::sort_by_key(hits, |h| {
        let terms = u64::from(u8::MAX - h.matched_terms) << 56;
        let score = u64::from(0x00FF_FFFF - h.score.min(0x00FF_FFFF)) << 32;
        terms | score | u64::from(tie_break(h.record))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(pairs: &[(Field, &str)]) -> Document {
        Document {
            fields: pairs.iter().map(|(f, t)| (*f, t.to_string())).collect(),
        }
    }

    fn sample() -> Searcher {
        let docs = vec![
            doc(&[
                (Field::Name, "Harbor Immigration Legal Clinic"),
                (Field::Description, "T visa and U visa help"),
            ]),
            doc(&[
                (Field::Name, "Safe Haven Housing"),
                (Field::ServiceType, "Emergency shelter"),
                (Field::Detail, "San Diego"),
            ]),
            doc(&[
                (Field::Name, "Lighthouse Counselling"),
                (
                    Field::Description,
                    "Trauma therapy in Spanish and housing referrals",
                ),
            ]),
        ];
        Searcher::new(Rc::new(SearchIndex::build(
            docs,
            &["the".to_string(), "in".to_string()],
        )))
    }

    fn records(found: &Found) -> Vec<u32> {
        let mut hits = found.hits.clone();
        rank(&mut hits, |r| r);
        hits.iter().map(|h| h.record).collect()
    }

    #[test]
    fn typo_finds_the_word() {
        let mut s = sample();
        assert_eq!(records(&s.search("imigration", |_| true)), [0]);
        assert_eq!(
            records(&s.search("housng", |_| true)),
            [1, 2],
            "name match ranks above description"
        );
    }

    #[test]
    fn all_terms_must_match() {
        let mut s = sample();
        let found = s.search("housing san diego", |_| true);
        assert_eq!(records(&found), [1]);
        assert!(!found.partial);
    }

    #[test]
    fn partial_matches_when_nothing_has_every_term() {
        let mut s = sample();
        let found = s.search("immigration zebra", |_| true);
        assert!(found.partial);
        assert_eq!(records(&found), [0]);
    }

    #[test]
    fn filter_applies() {
        let mut s = sample();
        assert_eq!(records(&s.search("housing", |r| r != 1)), [2]);
    }

    #[test]
    fn stopwords_are_dropped_unless_alone() {
        assert_eq!(
            query_terms("shelter in the city", &["in".into(), "the".into()]),
            ["shelter", "city"]
        );
        assert_eq!(query_terms("the", &["the".into()]), ["the"]);
    }

    #[test]
    fn repeated_searches_reset_scratch() {
        let mut s = sample();
        let a = s.search("housing", |_| true);
        s.search("legal", |_| true);
        let b = s.search("housing", |_| true);
        assert_eq!(records(&a), records(&b));
        assert_eq!(
            a.hits.iter().map(|h| h.score).sum::<u32>(),
            b.hits.iter().map(|h| h.score).sum::<u32>()
        );
    }
}
