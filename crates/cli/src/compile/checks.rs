//! Checks every kind of record shares: text, web addresses.

use crate::problem::Problems;

/// Longest name and longest free text a record may carry: enough for any
/// real record, and a stop to a pasted page or a runaway export.
pub(super) const NAME_MAX: usize = 200;
pub(super) const TEXT_MAX: usize = 4000;

/// Text is always shown as text (never parsed as HTML), so markup is inert;
/// what is refused is what would mislead or swamp a reader: characters that
/// reverse or hide text, control characters, and text far beyond any real
/// record.
pub(super) fn check_text(
    problems: &mut Problems,
    file: &str,
    record: &str,
    field: &str,
    value: &str,
    max: usize,
) {
    let chars = value.chars().count();
    if chars > max {
        problems.error(
            file,
            record,
            field,
            format!("is {chars} characters long; at most {max} are allowed"),
        );
    }
    if let Some(c) = value.chars().find(|&c| is_bidi_control(c)) {
        problems.error(
            file,
            record,
            field,
            format!(
                "contains an invisible character that changes text direction (U+{:04X}); remove it",
                c as u32
            ),
        );
    }
    if let Some(c) = value
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        problems.error(
            file,
            record,
            field,
            format!("contains a control character (U+{:04X})", c as u32),
        );
    }
    let lower = value.to_ascii_lowercase();
    if [
        "<script",
        "<img",
        "<iframe",
        "javascript:",
        "onerror=",
        "onload=",
    ]
    .iter()
    .any(|m| lower.contains(m))
    {
        problems.warning(
            file,
            record,
            field,
            "looks like HTML or script; it will be shown as plain text",
        );
    }
}

pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

pub(super) fn clean(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Only web addresses become links: never `javascript:` or `data:`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > 10
        && !url.contains(char::is_whitespace)
}

pub(super) fn check_url(
    problems: &mut Problems,
    file: &str,
    record: &str,
    field: &str,
    url: Option<&str>,
) {
    if let Some(u) = url {
        if !is_web_url(u) {
            problems.error(
                file,
                record,
                field,
                format!("expected an http:// or https:// address, found {u:?}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls() {
        assert!(is_web_url("https://example.org/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,hi"));
        assert!(!is_web_url("https://exa mple.org"));
    }
}
