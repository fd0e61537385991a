//! Which parts of a displayed text the query matched, so the UI can mark
//! them. Computed only for the few results on screen.

use crate::text;

use super::fuzzy::{match_word, WordMatch};

/// A run of a text, marked or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub matched: bool,
}

/// Splits `text` into runs, marking each word (or word beginning) that one
/// of the folded `terms` matches.
pub fn highlight<'a>(text: &'a str, terms: &[String]) -> Vec<Segment<'a>> {
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for token in text::tokens(text) {
        let best = terms
            .iter()
            .filter_map(|t| match_word(t.as_bytes(), token.folded.as_bytes()).map(|m| (m, t.chars().count())))
            .min_by_key(|(m, _)| *m);
        if let Some((how, term_chars)) = best {
            let original = &text[token.start..token.end];
            let end = match how {
                WordMatch::Prefix | WordMatch::PrefixTypo(_) => token.start + text::original_prefix_len(original, term_chars),
                WordMatch::Exact | WordMatch::Typo(_) => token.end,
            };
            marks.push((token.start, end));
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in marks {
        if start > at {
            out.push(Segment { text: &text[at..start], matched: false });
        }
        out.push(Segment { text: &text[start..end], matched: true });
        at = end;
    }
    if at < text.len() {
        out.push(Segment { text: &text[at..], matched: false });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, terms: &[&str]) -> Vec<String> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        highlight(text, &terms).into_iter().filter(|s| s.matched).map(|s| s.text.to_string()).collect()
    }

    #[test]
    fn marks_prefix_and_typo() {
        assert_eq!(marked("Immigration Legal Help", &["imigration"]), ["Immigration"]);
        assert_eq!(marked("Transitional housing", &["hou"]), ["hou"]);
        assert_eq!(marked("Asesoría legal", &["asesor"]), ["Asesor"]);
    }

    #[test]
    fn rebuilds_the_text() {
        let text = "Safe Haven — housing & shelter";
        let joined: String = highlight(text, &["shelter".into(), "hou".into()]).iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
}
