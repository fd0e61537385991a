//! The deployment's mapping from other taxonomies onto Waypoint's codes
//! (`data/hsds-mapping.toml`; its header comment documents the format),
//! with the vocabulary of `taxonomy.toml` it is checked against.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::raw::RawTerm;
use crate::problem::Problems;
use crate::source::TaxonomySource;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    confidential_markers: Vec<String>,
    #[serde(default)]
    interpretation_phrases: Vec<String>,
    #[serde(default)]
    airs: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    exclude_airs: Vec<String>,
    #[serde(default)]
    open_eligibility: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    categories: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    languages: BTreeMap<String, String>,
}

/// The service code a service offering interpretation gets.
pub const INTERPRETATION: &str = "interpretation";

/// Waypoint codes a source term stands for. Empty: a term the deployment
/// knows and chose not to map (so it is not reported as unmapped).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Target {
    pub services: Vec<String>,
    pub populations: Vec<String>,
}

/// The codes a deployment may use, from `taxonomy.toml`.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub services: Vec<String>,
    pub populations: Vec<String>,
    pub languages: Vec<String>,
    /// (USPS code, name)
    pub states: Vec<(String, String)>,
}

impl Vocabulary {
    pub fn from_taxonomy(t: &TaxonomySource) -> Vocabulary {
        Vocabulary {
            services: t.services.iter().map(|s| s.code.clone()).collect(),
            populations: t.populations.clone(),
            languages: t.languages.clone(),
            states: t
                .states
                .iter()
                .map(|s| (s.code.clone(), s.name.clone()))
                .collect(),
        }
    }

    /// "CA", "ca", "California", "Calif." → "CA".
    pub fn state_code(&self, raw: &str) -> Option<String> {
        let s = raw.trim().trim_end_matches('.');
        let plain = s.replace('.', "");
        self.states
            .iter()
            .find(|(code, name)| {
                code.eq_ignore_ascii_case(&plain)
                    || name.eq_ignore_ascii_case(s)
                    || name.eq_ignore_ascii_case(&plain)
            })
            .map(|(code, _)| code.clone())
            .or_else(|| match plain.to_ascii_lowercase().as_str() {
                "washington dc" | "washington, dc" | "district of columbia" => Some("DC".into()),
                "calif" => Some("CA".into()),
                _ => None,
            })
            .filter(|code| self.states.iter().any(|(c, _)| c == code))
    }

    /// A service area as people write it → Waypoint's notation: "US", "CA"
    /// or "CA:San Diego County".
    pub fn area(&self, raw: &str) -> Option<String> {
        let s = raw.trim().trim_end_matches('.');
        let lower = s.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "us" | "usa"
                | "u.s."
                | "u.s.a."
                | "united states"
                | "united states of america"
                | "nationwide"
                | "national"
                | "all states"
        ) {
            return Some("US".into());
        }
        if let Some(code) = self.state_code(s) {
            return Some(code);
        }
        if let Some((state, place)) = s.split_once(':') {
            let place = place.trim();
            return (state.len() == 2 && !place.is_empty())
                .then(|| self.state_code(state))
                .flatten()
                .map(|st| format!("{st}:{place}"));
        }
        let (place, state) = s.rsplit_once(',')?;
        let (place, state) = (place.trim(), state.trim());
        let code = self.state_code(state)?;
        (!place.is_empty() && !place.contains(':')).then(|| format!("{code}:{place}"))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Where it was read from, for messages.
    pub file: String,
    pub vocabulary: Vocabulary,
    markers: Vec<String>,
    /// Lowercase phrases ("language line") that say a service offers
    /// interpretation.
    interpretation_phrases: Vec<String>,
    /// Longest first, so the most specific code or prefix wins; `None`:
    /// listed in `exclude_airs`.
    airs: Vec<(String, Option<Target>)>,
    names: HashMap<String, Target>,
    languages: HashMap<String, String>,
}

/// What a term means here.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    Codes(Target),
    /// Listed in the mapping with no codes: known, deliberately ignored.
    Ignored,
    /// Covered by `exclude_airs`: a service with only such terms (and
    /// none giving it a service code) is left out of the import.
    Excluded,
    Unmapped,
}

impl Mapping {
    /// Reads and checks the mapping file: every code it names must be in
    /// `taxonomy.toml`. Problems are errors naming the file and the key.
    pub fn load(path: &Path, vocabulary: Vocabulary, problems: &mut Problems) -> Option<Mapping> {
        let name = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Mapping::parse(&text, &name, vocabulary, problems),
            Err(e) => {
                problems.error(
                    &name,
                    "-",
                    "-",
                    format!("cannot read the mapping file: {e}"),
                );
                None
            }
        }
    }

    pub fn parse(
        text: &str,
        file: &str,
        vocabulary: Vocabulary,
        problems: &mut Problems,
    ) -> Option<Mapping> {
        let parsed: MappingFile = match toml::from_str(text) {
            Ok(m) => m,
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| format!("line {}", text[..s.start].lines().count().max(1)));
                problems.error(
                    file,
                    "-",
                    &line.unwrap_or_else(|| "-".into()),
                    e.message().to_string(),
                );
                return None;
            }
        };
        let errors_before = problems.errors();
        let services: HashSet<&str> = vocabulary.services.iter().map(String::as_str).collect();
        let populations: HashSet<&str> =
            vocabulary.populations.iter().map(String::as_str).collect();
        let target = |problems: &mut Problems,
                      section: &str,
                      key: &str,
                      codes: &[String]|
         -> Target {
            let mut t = Target::default();
            for code in codes {
                if services.contains(code.as_str()) {
                    t.services.push(code.clone());
                } else if populations.contains(code.as_str()) {
                    t.populations.push(code.clone());
                } else {
                    problems.error(
                        file,
                        &format!("{section}.{key}"),
                        "codes",
                        format!(
                            "{code:?} is neither a service code nor a population in taxonomy.toml"
                        ),
                    );
                }
            }
            t
        };
        let mut airs: Vec<(String, Option<Target>)> = parsed
            .airs
            .iter()
            .map(|(k, v)| {
                (
                    k.trim().to_ascii_uppercase(),
                    Some(target(problems, "airs", k, v)),
                )
            })
            .collect();
        for entry in &parsed.exclude_airs {
            let key = entry.trim().to_ascii_uppercase();
            if !looks_like_airs(&key) && !looks_like_airs(key.trim_end_matches(['-', '.'])) {
                problems.error(
                    file,
                    "exclude_airs",
                    "-",
                    format!(
                        "{entry:?} is not an AIRS/211 code or branch (\"FN\", \"TJ-4400\", \"J\")"
                    ),
                );
            } else {
                // Excluding wins over an [airs] entry for the same code, so
                // a deployer excludes a branch the shipped file lists
                // without editing that line.
                airs.retain(|(k, _)| *k != key);
                airs.push((key, None));
            }
        }
        airs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut names = HashMap::new();
        for (section, map) in [
            ("open_eligibility", &parsed.open_eligibility),
            ("categories", &parsed.categories),
        ] {
            for (key, codes) in map {
                let t = target(problems, section, key, codes);
                if let Some(previous) = names.insert(key.trim().to_lowercase(), t.clone()) {
                    if previous != t {
                        problems.error(file, &format!("{section}.{key}"), "codes", "the same term (ignoring case) maps to other codes elsewhere in the file");
                    }
                }
            }
        }
        let mut languages = HashMap::new();
        for (key, code) in &parsed.languages {
            if !vocabulary.languages.contains(code) {
                problems.error(
                    file,
                    &format!("languages.{key}"),
                    "code",
                    format!("{code:?} is not a language in taxonomy.toml"),
                );
            }
            languages.insert(key.trim().to_lowercase(), code.clone());
        }
        let mut markers: Vec<String> = parsed
            .confidential_markers
            .iter()
            .map(|m| m.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        // The word itself always counts, whatever the file says.
        if !markers.iter().any(|m| m == "confidential") {
            markers.push("confidential".into());
        }
        let interpretation_phrases: Vec<String> = parsed
            .interpretation_phrases
            .iter()
            .map(|m| m.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        if !interpretation_phrases.is_empty() && !services.contains(INTERPRETATION) {
            problems.error(
                file,
                "interpretation_phrases",
                "-",
                format!("{INTERPRETATION:?} is not a service code in taxonomy.toml"),
            );
        }
        (problems.errors() == errors_before).then(|| Mapping {
            file: file.to_string(),
            vocabulary,
            markers,
            interpretation_phrases,
            airs,
            names,
            languages,
        })
    }

    /// AIRS/211 code first (exact, then the longest entry covering it,
    /// mapped or excluded), then the term's name, code and value as Open
    /// Eligibility or free-text categories.
    pub fn meaning(&self, term: &RawTerm) -> Meaning {
        let code = term.code.trim().to_ascii_uppercase();
        if looks_like_airs(&code) {
            if let Some((_, t)) = self.airs.iter().find(|(key, _)| airs_prefix(key, &code)) {
                return t.as_ref().map_or(Meaning::Excluded, wrap);
            }
        }
        for text in [&term.name, &term.code, &term.value] {
            if let Some(t) = self.names.get(text.trim().to_lowercase().as_str()) {
                return wrap(t);
            }
        }
        Meaning::Unmapped
    }

    /// The configured markers ("confidential", "undisclosed location", …)
    /// found in a text, if any.
    pub fn confidential_marker(&self, text: &str) -> Option<&str> {
        let lower = text.to_lowercase();
        self.markers
            .iter()
            .find(|m| lower.contains(m.as_str()))
            .map(String::as_str)
    }

    /// The configured phrase found in a text that says interpretation is
    /// offered ("Language Line available"), if any.
    pub fn interpretation_phrase(&self, text: &str) -> Option<&str> {
        let lower = text.to_lowercase();
        self.interpretation_phrases
            .iter()
            .find(|m| lower.contains(m.as_str()))
            .map(String::as_str)
    }

    /// A language code or name → a code in taxonomy.toml.
    pub fn language(&self, raw: &str) -> Option<String> {
        let key = raw.trim().to_lowercase();
        if self.vocabulary.languages.contains(&key) {
            return Some(key);
        }
        // "en-US", "es_MX": the base language.
        if let Some(base) = key
            .split(['-', '_'])
            .next()
            .filter(|b| b.len() == 2 && key.len() > 2)
        {
            if self.vocabulary.languages.iter().any(|l| l == base) {
                return Some(base.to_string());
            }
        }
        self.languages.get(&key).cloned()
    }
}

fn wrap(t: &Target) -> Meaning {
    if t.services.is_empty() && t.populations.is_empty() {
        Meaning::Ignored
    } else {
        Meaning::Codes(t.clone())
    }
}

/// AIRS/211 LA codes: one or two capital letters, then `-` and digits with
/// `.` and `-` separators: `B`, `BH`, `BH-1800`, `BH-1800.8500-150`.
fn looks_like_airs(code: &str) -> bool {
    let letters = code.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &code[letters..];
    (1..=2).contains(&letters)
        && (rest.is_empty()
            || rest.starts_with('-')
                && rest
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-'))
}

/// `key` names `code` or a broader code above it: a top-level letter "B"
/// covers every B code ("BD", "BH-1800.8500"); "FT-" and "FT" cover
/// "FT-1000"; "BH-1800" covers "BH-1800.8500" but not "BH-18005".
fn airs_prefix(key: &str, code: &str) -> bool {
    let top_level = key.len() == 1 && key.bytes().all(|b| b.is_ascii_uppercase());
    code.starts_with(key)
        && (top_level
            || code.len() == key.len()
            || key.ends_with(['-', '.'])
            || code[key.len()..].starts_with(['-', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary {
            services: vec![
                "emergency-shelter".into(),
                "victim-rights-advocacy".into(),
                "immigration-legal".into(),
            ],
            populations: vec!["foreign-nationals".into()],
            languages: vec!["en".into(), "es".into()],
            states: vec![
                ("CA".into(), "California".into()),
                ("DC".into(), "District of Columbia".into()),
            ],
        }
    }

    fn term(code: &str, name: &str) -> RawTerm {
        RawTerm {
            code: code.into(),
            name: name.into(),
            ..RawTerm::default()
        }
    }

    #[test]
    fn codes_prefixes_and_names() {
        let text = r#"
            [airs]
            "BH-1800" = ["emergency-shelter"]
            "FT-" = ["victim-rights-advocacy"]
            "BD" = []
            [open_eligibility]
            "Immigration" = ["immigration-legal", "foreign-nationals"]
            [languages]
            spanish = "es"
        "#;
        let mut problems = Problems::default();
        let m = Mapping::parse(text, "m.toml", vocabulary(), &mut problems).expect("parses");
        let codes = |c: &str, n: &str| m.meaning(&term(c, n));
        assert_eq!(
            codes("BH-1800.8500", ""),
            Meaning::Codes(Target {
                services: vec!["emergency-shelter".into()],
                populations: vec![]
            })
        );
        assert_eq!(codes("BH-18005", ""), Meaning::Unmapped);
        assert!(matches!(codes("FT-1000.3000", ""), Meaning::Codes(_)));
        assert_eq!(codes("BD-1800.2000", "Food Pantries"), Meaning::Ignored);
        assert_eq!(
            codes("", "immigration "),
            Meaning::Codes(Target {
                services: vec!["immigration-legal".into()],
                populations: vec!["foreign-nationals".into()]
            })
        );
        assert_eq!(m.language("Spanish"), Some("es".into()));
        assert_eq!(m.language("en-US"), Some("en".into()));
        assert_eq!(m.language("ur"), None);
        assert!(m.confidential_marker("Confidential Shelter").is_some());
    }

    #[test]
    fn top_levels_and_branches_cover_their_codes_and_the_longest_entry_wins() {
        let text = r#"
            exclude_airs = ["FN", "BD-1800.2000"]
            [airs]
            "B" = ["victim-rights-advocacy"]
            "BH" = []
            "BH-1800" = ["emergency-shelter"]
            "F" = []
            "FT" = ["victim-rights-advocacy"]
            "FT-3600" = ["immigration-legal", "foreign-nationals"]
        "#;
        let mut problems = Problems::default();
        let m = Mapping::parse(text, "m.toml", vocabulary(), &mut problems).expect("parses");
        let services = |c: &str| match m.meaning(&term(c, "")) {
            Meaning::Codes(t) => t.services.join(" "),
            other => format!("{other:?}"),
        };
        assert_eq!(services("B"), "victim-rights-advocacy");
        assert_eq!(
            services("BD"),
            "victim-rights-advocacy",
            "a one-letter entry covers the branches below it"
        );
        assert_eq!(services("BM-6500.1500"), "victim-rights-advocacy");
        assert_eq!(
            services("BH-3700"),
            "Ignored",
            "the branch entry is longer than the top level's"
        );
        assert_eq!(services("BH-1800.8500-100"), "emergency-shelter");
        assert_eq!(services("BD-1800.2000"), "Excluded");
        assert_eq!(
            services("BD-1800.2000-150"),
            "Excluded",
            "an excluded code covers the codes below it"
        );
        assert_eq!(services("BD-1800.1000"), "victim-rights-advocacy");
        assert_eq!(services("FN-1500.1900"), "Excluded");
        assert_eq!(services("FF-1500"), "Ignored");
        assert_eq!(services("FT-3600.3200"), "immigration-legal");
        assert_eq!(services("DM-4000"), "Unmapped", "no D entry");
        assert_eq!(services("BDX-1"), "Unmapped", "not an AIRS code");
    }

    #[test]
    fn an_excluded_entry_must_be_an_airs_code_and_wins_over_the_same_code_in_airs() {
        let mut problems = Problems::default();
        let text =
            "exclude_airs = [\"PX\"]\n[airs]\n\"PX\" = []\n\"PX-2000\" = [\"emergency-shelter\"]\n";
        let m = Mapping::parse(text, "m.toml", vocabulary(), &mut problems).expect("parses");
        assert_eq!(m.meaning(&term("PX-2300", "")), Meaning::Excluded);
        assert!(
            matches!(m.meaning(&term("PX-2000.1000", "")), Meaning::Codes(_)),
            "a longer [airs] entry still wins"
        );
        assert!(Mapping::parse(
            "exclude_airs = [\"FN\", \"Food\"]",
            "m.toml",
            vocabulary(),
            &mut problems
        )
        .is_none());
        let messages: Vec<String> = problems
            .list
            .iter()
            .map(|p| format!("{}: {}", p.record, p.message))
            .collect();
        assert_eq!(messages, ["exclude_airs: \"Food\" is not an AIRS/211 code or branch (\"FN\", \"TJ-4400\", \"J\")"]);
    }

    #[test]
    fn unknown_codes_are_errors_naming_the_key() {
        let mut problems = Problems::default();
        assert!(Mapping::parse(
            "[categories]\nfood = [\"groceries\"]",
            "m.toml",
            vocabulary(),
            &mut problems
        )
        .is_none());
        assert_eq!(problems.list[0].record, "categories.food");
    }

    #[test]
    fn areas_and_states() {
        let v = vocabulary();
        assert_eq!(v.area("Nationwide"), Some("US".into()));
        assert_eq!(v.area("california"), Some("CA".into()));
        assert_eq!(
            v.area("San Diego County, CA"),
            Some("CA:San Diego County".into())
        );
        assert_eq!(
            v.area("CA:San Diego County"),
            Some("CA:San Diego County".into())
        );
        assert_eq!(v.area("Washington, DC"), Some("DC".into()));
        assert_eq!(v.area("Georgetown, DC"), Some("DC:Georgetown".into()));
        assert_eq!(v.area("the MyCity area"), None);
        assert_eq!(v.state_code("MyState"), None);
    }
}
