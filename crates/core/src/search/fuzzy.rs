//! How one typed term matches one indexed word: exactly, as a prefix (the
//! person is still typing), or within a small number of typos.

/// How a term matched a word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    Exact,
    Prefix,
    /// Within `n` edits of the whole word.
    Typo(u8),
    /// Within `n` edits of the word's beginning: a typo while still typing.
    PrefixTypo(u8),
}

impl WordMatch {
    /// Points for the match, before the field's weight multiplies them.
    pub fn quality(self) -> u32 {
        match self {
            WordMatch::Exact => 12,
            WordMatch::Prefix => 9,
            WordMatch::Typo(1) => 7,
            WordMatch::PrefixTypo(1) => 5,
            WordMatch::Typo(_) => 4,
            WordMatch::PrefixTypo(_) => 3,
        }
    }
}

/// Typos forgiven for a term of this many bytes: none for short terms, where
/// a typo tolerance would match nearly everything.
pub fn typo_budget(term_len: usize) -> u8 {
    match term_len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The best way `term` matches `word`, or `None`. Both are folded.
pub fn match_word(term: &[u8], word: &[u8]) -> Option<WordMatch> {
    if word.starts_with(term) {
        return Some(if word.len() == term.len() {
            WordMatch::Exact
        } else {
            WordMatch::Prefix
        });
    }
    let budget = typo_budget(term.len());
    if budget == 0 || !could_be_typo(term, word) {
        return None;
    }
    let (whole, prefix) = edit_distances(term, word, budget)?;
    match whole {
        Some(d) => Some(WordMatch::Typo(d)),
        None => Some(WordMatch::PrefixTypo(prefix)),
    }
}

/// Cheap pre-check: most typos keep the first letter, and the ones that do
/// not are a swap or a dropped first letter ("mmigration", "imigration").
pub fn could_be_typo(term: &[u8], word: &[u8]) -> bool {
    match (term.first(), word.first()) {
        (Some(t), Some(w)) => t == w || term.get(1) == Some(w) || word.get(1) == Some(t),
        _ => false,
    }
}

/// Optimal-string-alignment distance from `term` to the whole `word` (if at
/// most `budget`) and the smallest distance to any prefix of `word`;
/// `None` when even the best prefix is over budget. Stops as soon as a row
/// cannot come back under budget.
fn edit_distances(term: &[u8], word: &[u8], budget: u8) -> Option<(Option<u8>, u8)> {
    const MAX: usize = 48;
    let m = term.len();
    if m >= MAX || word.is_empty() {
        return None;
    }
    let budget = budget as usize;
    let n = word.len().min(m + budget);
    // Three rows of the dynamic programme, indexed by term position.
    let mut before = [0usize; MAX];
    let mut prev = [0usize; MAX];
    let mut row = [0usize; MAX];
    for (i, cell) in prev.iter_mut().enumerate().take(m + 1) {
        *cell = i;
    }
    let mut best_prefix = if m <= budget { m } else { usize::MAX };
    for j in 1..=n {
        row[0] = j;
        let mut row_min = row[0];
        for i in 1..=m {
            let cost = usize::from(term[i - 1] != word[j - 1]);
            let mut d = (prev[i] + 1).min(row[i - 1] + 1).min(prev[i - 1] + cost);
            if i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1] {
                d = d.min(before[i - 2] + 1);
            }
            row[i] = d;
            row_min = row_min.min(d);
        }
        best_prefix = best_prefix.min(row[m]);
        if row_min > budget {
            break;
        }
        before[..=m].copy_from_slice(&prev[..=m]);
        prev[..=m].copy_from_slice(&row[..=m]);
    }
    if best_prefix > budget {
        return None;
    }
    let whole = (word.len().abs_diff(m) <= budget)
        .then(|| distance_full(term, word))
        .filter(|d| *d <= budget)
        .map(|d| d as u8);
    Some((whole, best_prefix as u8))
}

/// Plain optimal-string-alignment distance; called only for the few words
/// that already passed the bounded scan.
fn distance_full(a: &[u8], b: &[u8]) -> usize {
    let (m, n) = (a.len(), b.len());
    let mut d = vec![vec![0usize; n + 1]; m + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=n {
        d[0][j] = j;
    }
    for i in 1..=m {
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[m][n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(t: &str, w: &str) -> Option<WordMatch> {
        match_word(t.as_bytes(), w.as_bytes())
    }

    #[test]
    fn exact_and_prefix() {
        assert_eq!(m("legal", "legal"), Some(WordMatch::Exact));
        assert_eq!(m("hou", "housing"), Some(WordMatch::Prefix));
        assert_eq!(m("hox", "housing"), None, "short terms get no typo budget");
    }

    #[test]
    fn typos_in_whole_words() {
        assert_eq!(m("imigration", "immigration"), Some(WordMatch::Typo(1)));
        assert_eq!(m("housng", "housing"), Some(WordMatch::Typo(1)));
        assert_eq!(
            m("shleter", "shelter"),
            Some(WordMatch::Typo(1)),
            "a swap is one edit"
        );
        assert_eq!(m("vactaur", "vacatur"), Some(WordMatch::Typo(1)));
        assert_eq!(m("therpy", "therapy"), Some(WordMatch::Typo(1)));
        assert_eq!(m("lawyre", "lawyer"), Some(WordMatch::Typo(1)));
        assert_eq!(m("trauma", "drama"), None, "different first letters");
        assert_eq!(m("house", "horse"), Some(WordMatch::Typo(1)));
        assert_eq!(m("legal", "medical"), None);
    }

    #[test]
    fn typos_while_typing() {
        assert_eq!(m("imigra", "immigration"), Some(WordMatch::PrefixTypo(1)));
        assert_eq!(m("shelt", "shelter"), Some(WordMatch::Prefix));
        assert_eq!(m("sheltr", "shelters"), Some(WordMatch::PrefixTypo(1)));
    }

    #[test]
    fn budget_grows_with_length() {
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(10), 2);
        assert_eq!(m("imigrasion", "immigration"), Some(WordMatch::Typo(2)));
    }
}
