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
            .filter_map(|t| {
                match_word(t.as_bytes(), token.folded.as_bytes()).map(|m| (m, t.chars().count()))
            })
            .min_by_key(|(m, _)| *m);
        if let Some((how, term_chars)) = best {
            let original = &text[token.start..token.end];
            let end = match how {
                WordMatch::Prefix | WordMatch::PrefixTypo(_) => {
                    token.start + text::original_prefix_len(original, term_chars)
                }
                WordMatch::Exact | WordMatch::Typo(_) => token.end,
            };
            marks.push((token.start, end));
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in marks {
        if start > at {
            out.push(Segment {
                text: &text[at..start],
                matched: false,
            });
        }
        out.push(Segment {
            text: &text[start..end],
            matched: true,
        });
        at = end;
    }
    if at < text.len() {
        out.push(Segment {
            text: &text[at..],
            matched: false,
        });
    }
    out
}

/// A short excerpt of a long text for a result card: the sentence holding
/// the first matched word (or the start), cut at a word boundary near
/// `max_chars` characters.
pub fn snippet<'a>(text: &'a str, terms: &[String], max_chars: usize) -> std::borrow::Cow<'a, str> {
    let first_match = text::tokens(text)
        .into_iter()
        .find(|t| {
            terms
                .iter()
                .any(|term| match_word(term.as_bytes(), t.folded.as_bytes()).is_some())
        })
        .map(|t| t.start)
        .unwrap_or(0);
    // Start at the beginning of the sentence that holds the match.
    let start = text[..first_match].rfind(". ").map(|i| i + 2).unwrap_or(0);
    let rest = &text[start..];
    if rest.chars().count() <= max_chars {
        return if start == 0 {
            rest.into()
        } else {
            format!("…{rest}").into()
        };
    }
    let cut = rest
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let cut = rest[..cut].rfind(' ').filter(|&i| i > 0).unwrap_or(cut);
    let lead = if start == 0 { "" } else { "…" };
    format!(
        "{lead}{}…",
        rest[..cut].trim_end_matches([',', ';', ':', ' '])
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, terms: &[&str]) -> Vec<String> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        highlight(text, &terms)
            .into_iter()
            .filter(|s| s.matched)
            .map(|s| s.text.to_string())
            .collect()
    }

    #[test]
    fn marks_prefix_and_typo() {
        assert_eq!(
            marked("Immigration Legal Help", &["imigration"]),
            ["Immigration"]
        );
        assert_eq!(marked("Transitional housing", &["hou"]), ["hou"]);
        assert_eq!(marked("Asesoría legal", &["asesor"]), ["Asesor"]);
    }

    #[test]
    fn snippets_show_the_matching_sentence() {
        let text = "We train legal programs. Help includes immigration relief and vacatur for survivors of trafficking.";
        assert_eq!(
            snippet(text, &["imigration".into()], 200),
            "…Help includes immigration relief and vacatur for survivors of trafficking."
        );
        assert_eq!(snippet(text, &[], 30), "We train legal programs. Help…");
        assert_eq!(snippet("Short.", &[], 30), "Short.");
    }

    #[test]
    fn rebuilds_the_text() {
        let text = "Safe Haven — housing & shelter";
        let joined: String = highlight(text, &["shelter".into(), "hou".into()])
            .iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(joined, text);
    }
}
