//! Flesch-Kincaid grade level, for keeping the guide's English at a reading
//! grade of 6 or below. Syllables are counted by the usual vowel-group rule
//! with the common English exceptions; it is an estimate, as every
//! readability formula is, but a stable one that flags long words and long
//! sentences.

/// Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per
/// word − 15.59. `None` for text with no words.
pub fn flesch_kincaid_grade(text: &str) -> Option<f64> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—' || c == '–')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = text
        .split(['.', '!', '?', ':', ';', '\n'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let (w, s, y) = (words.len() as f64, sentences as f64, syllables as f64);
    Some(0.39 * (w / s) + 11.8 * (y / w) - 15.59)
}

/// Syllables in one English word (numerals count as one).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = w.len();
    // A silent final "e" ("make", "phone"), but not "-le" ("people").
    if w[n - 1] == 'e' && !(n > 2 && w[n - 2] == 'l' && !vowel(w[n - 3])) && count > 1 {
        count -= 1;
    }
    // "-ed" is usually silent ("moved"), except after t or d ("wanted").
    if n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd' && !matches!(w[n - 3], 't' | 'd') && count > 1 {
        count -= 1;
    }
    // "-es" after most letters is silent ("takes"), not after s, x, z, ch, sh.
    if n > 3
        && w[n - 2] == 'e'
        && w[n - 1] == 's'
        && !matches!(w[n - 3], 's' | 'x' | 'z' | 'h' | 'c' | 'g')
        && count > 1
    {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables() {
        for (word, n) in [
            ("you", 1),
            ("danger", 2),
            ("people", 2),
            ("moved", 1),
            ("wanted", 2),
            ("phone", 1),
            ("immigration", 4),
            ("family", 3),
            ("takes", 1),
            ("passes", 2),
            ("right", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn grades_plain_and_hard_text() {
        let plain =
            flesch_kincaid_grade("Are you safe right now? You can skip any question.").unwrap();
        assert!(plain < 3.0, "{plain}");
        let hard = flesch_kincaid_grade(
            "Individuals experiencing exploitative employment circumstances, including involuntary servitude, should immediately contact appropriate organizations.",
        )
        .unwrap();
        assert!(hard > 12.0, "{hard}");
        assert_eq!(flesch_kincaid_grade("   "), None);
    }
}
