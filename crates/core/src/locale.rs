//! UI strings, one catalogue per language, loaded from `data/locales/*.toml`.
//!
//! Lookups never fail in front of a user: a missing key falls back to the
//! default catalogue, then to the key itself (the validator makes sure neither
//! happens in a shipped build).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// BCP 47 tag, used for the `lang` attribute.
    pub lang: String,
    /// The language's name in itself, for the switcher ("Español").
    pub name: String,
    /// Sorted by key, for binary search.
    entries: Vec<(String, String)>,
    /// False while only the search vocabulary is loaded (see `split`).
    pub complete: bool,
}

/// Keys the search index needs in every language from the first load, so a
/// Spanish query finds English records: taxonomy labels, their keywords,
/// stopwords, and each language's own name for the switcher.
const SEARCH_KEY_PREFIXES: [&str; 7] = ["domain.", "service.", "population.", "language.", "area.", "search.", "meta."];

/// Keys of the default language that wait until they are needed: the
/// guide's and the safety page's words, and the staff console's. The
/// directory never shows them, so a first visit does not download them
/// (about 4 KB compressed).
const LATER_KEY_PREFIXES: [&str; 6] = ["guide.", "safety.", "referral.", "share.", "keys.", "density."];
/// Except the directory's links to those views.
const FIRST_LOAD_KEYS: [&str; 3] = ["guide.ui.nav", "guide.ui.invite", "safety.link"];

impl Catalog {
    pub fn new(lang: impl Into<String>, name: impl Into<String>, mut entries: Vec<(String, String)>) -> Catalog {
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        Catalog { lang: lang.into(), name: name.into(), entries, complete: true }
    }

    /// Splits a catalogue into what search needs at once and the rest, which
    /// the browser fetches only when someone switches to the language.
    pub fn split(self) -> (Catalog, Catalog) {
        let (search, rest): (Vec<_>, Vec<_>) =
            self.entries.into_iter().partition(|(k, _)| SEARCH_KEY_PREFIXES.iter().any(|p| k.starts_with(p)));
        let part = |entries, complete| Catalog { lang: self.lang.clone(), name: self.name.clone(), entries, complete };
        (part(search, false), part(rest, false))
    }

    /// Splits the default language's catalogue into what the directory
    /// shows and what waits until the guide, the safety page or the staff
    /// tools open.
    pub fn split_later(self) -> (Catalog, Catalog) {
        let later = |k: &str| LATER_KEY_PREFIXES.iter().any(|p| k.starts_with(p)) && !FIRST_LOAD_KEYS.contains(&k);
        let (rest, first): (Vec<_>, Vec<_>) = self.entries.into_iter().partition(|(k, _)| later(k));
        let part = |entries| Catalog { lang: self.lang.clone(), name: self.name.clone(), entries, complete: false };
        (part(first), part(rest))
    }

    /// Adds the rest of a split catalogue; the result is complete. Both
    /// parts come sorted from the build, so they are merged in one pass (a
    /// sort here would put another copy of the sorting code in the wasm).
    pub fn merge(&mut self, rest: Catalog) {
        let mine = std::mem::take(&mut self.entries);
        let mut merged = Vec::with_capacity(mine.len() + rest.entries.len());
        let (mut a, mut b) = (mine.into_iter().peekable(), rest.entries.into_iter().peekable());
        loop {
            let take_mine = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => x.0 <= y.0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_mine { a.next() } else { b.next() };
            merged.extend(next);
        }
        merged.dedup_by(|a, b| a.0 == b.0);
        self.entries = merged;
        self.complete = true;
    }

    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|i| self.entries[i].1.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The catalogue in use plus the fallback, as the UI sees them.
#[derive(Debug, Clone, Copy)]
pub struct Strings<'a> {
    pub current: &'a Catalog,
    pub fallback: &'a Catalog,
}

impl<'a> Strings<'a> {
    pub fn get(&self, key: &'a str) -> &'a str {
        self.current.lookup(key).or_else(|| self.fallback.lookup(key)).unwrap_or(key)
    }

    /// Looks up a key built at run time (such as `service.<code>`).
    pub fn label(&self, key: &str) -> String {
        self.current.lookup(key).or_else(|| self.fallback.lookup(key)).unwrap_or(key).to_string()
    }

    /// Fills `{name}` placeholders.
    pub fn format(&self, key: &'a str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// Chooses `<key>.one` or `<key>.other` for a count, then fills `{count}`.
    pub fn plural(&self, key: &str, count: usize) -> String {
        let form = if count == 1 { "one" } else { "other" };
        let full = format!("{key}.{form}");
        let text = self.current.lookup(&full).or_else(|| self.fallback.lookup(&full)).unwrap_or(key);
        fill(text, &[("count", &count.to_string())])
    }
}

pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders a string uses, so translations can be checked
/// against the default language.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(lang: &str, pairs: &[(&str, &str)]) -> Catalog {
        Catalog::new(lang, lang, pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn falls_back_then_shows_key() {
        let en = cat("en", &[("a", "A"), ("b", "B")]);
        let es = cat("es", &[("a", "Á")]);
        let s = Strings { current: &es, fallback: &en };
        assert_eq!(s.get("a"), "Á");
        assert_eq!(s.get("b"), "B");
        assert_eq!(s.get("c"), "c");
    }

    #[test]
    fn split_and_merge_round_trip() {
        let full = cat("es", &[("service.hotline", "Línea"), ("detail.back", "Volver"), ("search.stopwords", "de la")]);
        let (search, rest) = full.clone().split();
        assert!(!search.complete && search.lookup("service.hotline").is_some() && search.lookup("detail.back").is_none());
        assert_eq!(rest.lookup("detail.back"), Some("Volver"));
        let mut merged = search;
        merged.merge(rest);
        assert_eq!(merged, full);
    }

    #[test]
    fn plurals_and_placeholders() {
        let en = cat("en", &[("results.one", "{count} service"), ("results.other", "{count} services")]);
        let s = Strings { current: &en, fallback: &en };
        assert_eq!(s.plural("results", 1), "1 service");
        assert_eq!(s.plural("results", 0), "0 services");
        assert_eq!(placeholders("{count} of {total} {count}"), ["count", "total"]);
        assert!(placeholders("no {} braces { here").is_empty());
    }
}

impl<'a> Strings<'a> {
    /// A date in the catalogue's own order and month names
    /// (`date.format`, `date.month.1` … `date.month.12`).
    pub fn date(&self, d: crate::model::Date) -> String {
        let month = self.label(&format!("date.month.{}", d.month));
        let template = self.label("date.format");
        fill(&template, &[("day", &d.day.to_string()), ("month", &month), ("year", &d.year.to_string())])
    }

    /// The record's date with what kind of date it is ("Confirmed with the
    /// provider on …", "From …'s export of …, not a check date"), or that
    /// it has none: the page and the referral say the same.
    pub fn verified(&self, service: &crate::model::Service) -> String {
        let source = ("source", service.source.name.as_str());
        match service.last_verified {
            Some(d) => self.format(&format!("verified.{}", service.source.check.code()), &[("date", &self.date(d)), source]),
            None => self.format("verified.undated", &[source]),
        }
    }

    /// "Call before you go" for a record not checked in a year, or never
    /// dated; nothing for a fresh one.
    pub fn stale_note(&self, service: &crate::model::Service, today: crate::model::Date) -> Option<&'a str> {
        match service.last_verified {
            Some(d) if !d.is_stale(today) => None,
            Some(_) => Some(self.get("detail.stale")),
            None => Some(self.get("detail.stale_undated")),
        }
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn dates_follow_the_catalogue() {
        let es = Catalog::new(
            "es",
            "Español",
            vec![("date.format".into(), "{day} de {month} de {year}".into()), ("date.month.11".into(), "noviembre".into())],
        );
        let s = Strings { current: &es, fallback: &es };
        assert_eq!(s.date(Date { year: 2026, month: 11, day: 28 }), "28 de noviembre de 2026");
    }
}
