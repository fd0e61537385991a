//! The synonym table: `locales/<lang>/synonyms.toml` in every language,
//! one group per line (`name = "word, phrase, word"`). A group named the
//! same in several languages is one group, so a Spanish word finds what
//! its English equivalent finds. The build applies the table to every
//! service (`waypoint_core::site::add_synonyms`); it is not a catalogue.

use std::collections::HashMap;
use std::path::Path;

use crate::load::Sources;
use crate::problem::Problems;
use waypoint_core::search::synonyms::Synonyms;

/// The file the table lives in, in each language's folder.
pub(super) const FILE: &str = "synonyms.toml";

/// Whether a locale entry comes from a synonym file rather than UI strings.
pub(super) fn is_synonym_entry(file: &str) -> bool {
    Path::new(file).file_name().is_some_and(|name| name == FILE)
}

/// Every folded word of every language's synonym table, with the
/// languages whose table has it: which language's file a word a service
/// gains belongs in (`Bundle::move_synonyms`).
pub fn synonym_languages(sources: &Sources) -> HashMap<String, Vec<String>> {
    let mut languages: HashMap<String, Vec<String>> = HashMap::new();
    for locale in &sources.locales {
        for (_, value, _) in locale.entries.iter().filter(|(_, _, file)| is_synonym_entry(file)) {
            for word in value.split(',').flat_map(waypoint_core::text::words) {
                let langs = languages.entry(word).or_default();
                if !langs.contains(&locale.lang) {
                    langs.push(locale.lang.clone());
                }
            }
        }
    }
    languages
}

/// Every language's groups, merged by name and checked: each member has a
/// letter or digit, and each group at least two different members.
pub(super) fn compile_synonyms(sources: &Sources, problems: &mut Problems) -> Synonyms {
    // Group name -> members as written and the files that define it, in the
    // order first met (languages are read in folder order).
    let mut names: Vec<&str> = Vec::new();
    let mut groups: HashMap<&str, (Vec<String>, Vec<&str>)> = HashMap::new();
    for locale in &sources.locales {
        for (name, value, file) in locale
            .entries
            .iter()
            .filter(|(_, _, file)| is_synonym_entry(file))
        {
            let group = groups.entry(name).or_insert_with(|| {
                names.push(name);
                (Vec::new(), Vec::new())
            });
            group.1.push(file);
            for member in value.split(',').map(str::trim) {
                if member.is_empty() {
                    problems.error(file, name, "group", "an empty word or phrase: two commas together, or one at the start or the end");
                } else if waypoint_core::text::words(member).next().is_none() {
                    problems.error(
                        file,
                        name,
                        "group",
                        format!("{member:?} has no letter or digit to search for"),
                    );
                } else {
                    group.0.push(member.to_string());
                }
            }
        }
    }
    let folded = |member: &str| {
        waypoint_core::text::words(member)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut table = Vec::new();
    for name in names {
        let (members, files) = &groups[name];
        let mut distinct: Vec<String> = members.iter().map(|m| folded(m)).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 {
            for file in files {
                problems.error(
                    file,
                    name,
                    "group",
                    format!("a group needs at least two words or phrases that mean the same thing, found {:?}", members.join(", ")),
                );
            }
            continue;
        }
        for member in &distinct {
            match owner.get(member.as_str()) {
                Some(other) => problems.warning(
                    files[0],
                    name,
                    "group",
                    format!("{member:?} is also in the group {other:?}: the two groups stay apart, so put it in one of them or merge them"),
                ),
                None => {
                    owner.insert(member.clone(), name);
                }
            }
        }
        table.push(members.clone());
    }
    Synonyms::new(table)
}
