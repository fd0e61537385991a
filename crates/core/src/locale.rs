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
    /// Whether its search words (taxonomy labels, keywords, stopwords)
    /// are here: a language whose words are not in the first download has
    /// them indexed when its strings arrive.
    pub searchable: bool,
    /// The guide's questions and outcomes, in every language's later
    /// strings (`waypoint build` takes them out of the first download):
    /// the guide view waits for its words anyway, so it waits for nothing
    /// more, and the first visit downloads 0.3 KB less.
    pub guide: Option<crate::guide::Guide>,
}

/// Keys the search index needs in every language from the first load, so a
/// Spanish query finds English records: taxonomy labels, their keywords,
/// stopwords, and each language's own name for the switcher.
const SEARCH_KEY_PREFIXES: [&str; 7] = [
    "domain.",
    "service.",
    "population.",
    "language.",
    "area.",
    "search.",
    "meta.",
];

/// Keys of the default language that wait until they are needed: the
/// guide's and the safety page's words, and the staff console's. The
/// directory never shows them, so a first visit does not download them
/// (about 4 KB compressed).
const LATER_KEY_PREFIXES: [&str; 6] = [
    "guide.",
    "safety.",
    "referral.",
    "share.",
    "keys.",
    "density.",
];
/// Except the directory's links to those views.
const FIRST_LOAD_KEYS: [&str; 3] = ["guide.ui.nav", "guide.ui.invite", "safety.link"];

impl Catalog {
    pub fn new(
        lang: impl Into<String>,
        name: impl Into<String>,
        mut entries: Vec<(String, String)>,
    ) -> Catalog {
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        Catalog {
            lang: lang.into(),
            name: name.into(),
            entries,
            complete: true,
            searchable: true,
            guide: None,
        }
    }

    /// Splits a catalogue into what the first download needs and the rest,
    /// which the browser fetches only when someone switches to the
    /// language. With `vocabulary`, the first part keeps what search needs
    /// (so a query in this language finds records before anyone switches);
    /// either way, the language's name and its offer line.
    pub fn split(self, vocabulary: bool) -> (Catalog, Catalog) {
        // The offer line is shown before anyone switches; the language's
        // direction, title and review note only once its strings are here
        // (the switch waits for them), so they wait too: about 0.7 KB of the
        // first download across ten languages.
        let first = |k: &str| {
            k == "meta.offer" || (vocabulary && !k.starts_with("meta.") && SEARCH_KEY_PREFIXES.iter().any(|p| k.starts_with(p)))
        };
        let (search, rest): (Vec<_>, Vec<_>) =
            self.entries.into_iter().partition(|(k, _)| first(k));
        let part = |entries, searchable| Catalog {
            lang: self.lang.clone(),
            name: self.name.clone(),
            entries,
            complete: false,
            searchable,
            guide: None,
        };
        (part(search, vocabulary), part(rest, true))
    }

    /// Written right to left (`meta.dir = "rtl"`): Arabic.
    pub fn rtl(&self) -> bool {
        self.lookup("meta.dir") == Some("rtl")
    }

    /// A translation not yet checked by a native speaker says so, in its
    /// own words (`meta.reviewed = false`, `meta.review_note`).
    pub fn review_note(&self) -> Option<&str> {
        (self.lookup("meta.reviewed") == Some("false"))
            .then(|| self.lookup("meta.review_note"))
            .flatten()
    }

    /// The neutral tab title in this language (site.toml `title_in`), for
    /// `SiteConfig::title` in the default language.
    pub fn tab_title(&self) -> Option<&str> {
        self.lookup("meta.title")
    }

    /// "Ver en español": the one line offering this language to a browser
    /// that prefers it, written in the language itself.
    pub fn offer(&self) -> &str {
        self.lookup("meta.offer").unwrap_or(&self.name)
    }

    /// A record's text in this language (`record.<service id>.<field>`,
    /// from the provider file's translations), if it has one.
    pub fn record(&self, id: &str, field: &str) -> Option<&str> {
        self.lookup(&record_key(id, field))
    }

    /// Splits the default language's catalogue into what the directory
    /// shows and what waits until the guide, the safety page or the staff
    /// tools open.
    pub fn split_later(self) -> (Catalog, Catalog) {
        let later = |k: &str| {
            LATER_KEY_PREFIXES.iter().any(|p| k.starts_with(p)) && !FIRST_LOAD_KEYS.contains(&k)
        };
        let (rest, first): (Vec<_>, Vec<_>) = self.entries.into_iter().partition(|(k, _)| later(k));
        let part = |entries| Catalog {
            lang: self.lang.clone(),
            name: self.name.clone(),
            entries,
            complete: false,
            searchable: true,
            guide: None,
        };
        (part(first), part(rest))
    }

    /// Adds entries (the build adds records' translations); an entry
    /// already here keeps its value.
    pub fn extend(&mut self, more: Vec<(String, String)>) {
        self.entries.extend(more);
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        self.entries.dedup_by(|a, b| a.0 == b.0);
    }

    /// Adds the rest of a split catalogue; the result is complete. Both
    /// parts come sorted from the build, so they are merged in one pass (a
    /// sort here would put another copy of the sorting code in the wasm).
    /// Adds a language's search words (`Bundle::split_languages`) to what
    /// is here; the catalogue is searchable, and as complete as it was.
    pub fn add_search_words(&mut self, words: Catalog) {
        let complete = self.complete;
        self.merge(words);
        self.complete = complete;
    }

    pub fn merge(&mut self, rest: Catalog) {
        let mine = std::mem::take(&mut self.entries);
        let mut merged = Vec::with_capacity(mine.len() + rest.entries.len());
        let (mut a, mut b) = (
            mine.into_iter().peekable(),
            rest.entries.into_iter().peekable(),
        );
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
        self.searchable = true;
        if rest.guide.is_some() {
            self.guide = rest.guide;
        }
    }

    /// Whether any key starts with `prefix` (the entries are sorted).
    pub fn has_prefix(&self, prefix: &str) -> bool {
        let at = self.entries.partition_point(|(k, _)| k.as_str() < prefix);
        self.entries.get(at).is_some_and(|(k, _)| k.starts_with(prefix))
    }

    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| self.entries[i].1.as_str())
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
    /// Whether a record is shown in the reader's language: the build
    /// accepts a record's translation only whole, so a record has every
    /// field in a language or none.
    pub fn translated(&self, id: &str) -> bool {
        let prefix = record_key(id, "");
        let entries = &self.current.entries;
        let at = entries.partition_point(|(k, _)| k.as_str() < prefix.as_str());
        self.current.lang != self.fallback.lang
            && entries.get(at).is_some_and(|(k, _)| k.starts_with(&prefix))
    }

    /// The language a record's text is shown in (for `lang` attributes).
    pub fn record_lang(&self, id: &str) -> &'a str {
        if self.translated(id) {
            &self.current.lang
        } else {
            &self.fallback.lang
        }
    }

    /// A record's field in the reader's language where it has one,
    /// otherwise as written.
    pub fn record<'t>(&self, id: &str, field: &str, original: &'t str) -> &'t str
    where
        'a: 't,
    {
        if self.current.lang == self.fallback.lang {
            return original;
        }
        self.current.record(id, field).unwrap_or(original)
    }

    /// A service's phones, their notes in the reader's language where it
    /// has them.
    pub fn phones(&self, service: &crate::model::Service) -> Vec<crate::model::Phone> {
        let mut phones = service.phones.clone();
        // In the records' own language (every keystroke's cards) there is
        // nothing to look up.
        if self.current.lang == self.fallback.lang {
            return phones;
        }
        for (n, phone) in phones.iter_mut().enumerate() {
            if let Some(note) = phone.note.as_mut() {
                *note = self
                    .record(&service.id, &format!("phone.{n}"), note)
                    .to_string();
            }
        }
        phones
    }

    pub fn get(&self, key: &'a str) -> &'a str {
        self.current
            .lookup(key)
            .or_else(|| self.fallback.lookup(key))
            .unwrap_or(key)
    }

    /// Looks up a key built at run time (such as `service.<code>`).
    pub fn label(&self, key: &str) -> String {
        self.current
            .lookup(key)
            .or_else(|| self.fallback.lookup(key))
            .unwrap_or(key)
            .to_string()
    }

    /// Fills `{name}` placeholders.
    pub fn format(&self, key: &'a str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// Chooses `<key>.one` or `<key>.other` for a count, then fills `{count}`.
    pub fn plural(&self, key: &str, count: usize) -> String {
        let form = if count == 1 { "one" } else { "other" };
        let full = format!("{key}.{form}");
        let text = self
            .current
            .lookup(&full)
            .or_else(|| self.fallback.lookup(&full))
            .unwrap_or(key);
        fill(text, &[("count", &count.to_string())])
    }
}

/// The catalogue key of a record's translated field: `record.<id>.<field>`
/// (a phone's note is `phone.<n>`, counting from 0 in the record's order;
/// the organisation's and the source's text are `org_description`,
/// `source_note`).
pub fn record_key(id: &str, field: &str) -> String {
    format!("record.{id}.{field}")
}

/// Where a language's catalogue keeps the synonym words a service gains in
/// that language (`Bundle::move_synonyms`): fetched with the language.
pub const SYNONYMS_PREFIX: &str = "search.synonyms.";

pub fn synonyms_key(id: &str) -> String {
    format!("{SYNONYMS_PREFIX}{id}")
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
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(lang: &str, pairs: &[(&str, &str)]) -> Catalog {
        Catalog::new(
            lang,
            lang,
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn falls_back_then_shows_key() {
        let en = cat("en", &[("a", "A"), ("b", "B")]);
        let es = cat("es", &[("a", "Á")]);
        let s = Strings {
            current: &es,
            fallback: &en,
        };
        assert_eq!(s.get("a"), "Á");
        assert_eq!(s.get("b"), "B");
        assert_eq!(s.get("c"), "c");
    }

    #[test]
    fn split_and_merge_round_trip() {
        let full = cat(
            "es",
            &[
                ("service.hotline", "Línea"),
                ("detail.back", "Volver"),
                ("search.stopwords", "de la"),
            ],
        );
        let (search, rest) = full.clone().split(true);
        assert!(
            !search.complete
                && search.lookup("service.hotline").is_some()
                && search.lookup("detail.back").is_none()
        );
        assert_eq!(rest.lookup("detail.back"), Some("Volver"));
        let mut merged = search;
        merged.merge(rest);
        assert_eq!(merged, full);
        // Without its search words in the first part, only its offer line:
        // its direction comes with its strings.
        let named = cat(
            "ar",
            &[
                ("meta.offer", "عرض بالعربية"),
                ("meta.dir", "rtl"),
                ("service.hotline", "خط"),
            ],
        );
        let (first, rest) = named.clone().split(false);
        assert!(!first.searchable && !first.rtl() && first.lookup("service.hotline").is_none());
        assert_eq!(first.offer(), "عرض بالعربية");
        assert!(rest.rtl());
        let mut merged = first;
        merged.merge(rest);
        assert_eq!(merged, named);
    }

    #[test]
    fn plurals_and_placeholders() {
        let en = cat(
            "en",
            &[
                ("results.one", "{count} service"),
                ("results.other", "{count} services"),
            ],
        );
        let s = Strings {
            current: &en,
            fallback: &en,
        };
        assert_eq!(s.plural("results", 1), "1 service");
        assert_eq!(s.plural("results", 0), "0 services");
        assert_eq!(
            placeholders("{count} of {total} {count}"),
            ["count", "total"]
        );
        assert!(placeholders("no {} braces { here").is_empty());
    }
}

impl<'a> Strings<'a> {
    /// A date in the catalogue's own order and month names
    /// (`date.format`, `date.month.1` … `date.month.12`).
    pub fn date(&self, d: crate::model::Date) -> String {
        let month = self.label(&format!("date.month.{}", d.month));
        let template = self.label("date.format");
        fill(
            &template,
            &[
                ("day", &d.day.to_string()),
                ("month", &month),
                ("year", &d.year.to_string()),
            ],
        )
    }

    /// The record's date with what kind of date it is ("Confirmed with the
    /// provider on …", "From …'s export of …, not a check date"), or that
    /// it has none: the page and the referral say the same.
    pub fn verified(&self, service: &crate::model::Service) -> String {
        let source = ("source", service.source.name.as_str());
        match service.last_verified {
            Some(d) => self.format(
                &format!("verified.{}", service.source.check.code()),
                &[("date", &self.date(d)), source],
            ),
            None => self.format("verified.undated", &[source]),
        }
    }

    /// "Call before you go" for a record not checked in a year, or never
    /// dated; nothing for a fresh one.
    pub fn stale_note(
        &self,
        service: &crate::model::Service,
        today: crate::model::Date,
    ) -> Option<&'a str> {
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
            vec![
                ("date.format".into(), "{day} de {month} de {year}".into()),
                ("date.month.11".into(), "noviembre".into()),
            ],
        );
        let s = Strings {
            current: &es,
            fallback: &es,
        };
        assert_eq!(
            s.date(Date {
                year: 2026,
                month: 11,
                day: 28
            }),
            "28 de noviembre de 2026"
        );
    }
}
