//! Reads the `data/` folder into sources, turning every parse failure into a
//! problem that names the file.

use std::fs;
use std::path::{Path, PathBuf};

use super::problem::Problems;
use super::source::{GuideSource, ProviderFile, SiteSource, TaxonomySource};

/// One language's strings, merged from `locales/<lang>/*.toml`.
#[derive(Debug, Clone)]
pub struct LocaleSource {
    pub lang: String,
    /// (key, value, file it came from)
    pub entries: Vec<(String, String, String)>,
}

#[derive(Debug, Default)]
pub struct Sources {
    pub site: Option<(String, SiteSource)>,
    pub taxonomy: Option<(String, TaxonomySource)>,
    pub guide: Option<(String, GuideSource)>,
    pub locales: Vec<LocaleSource>,
    pub providers: Vec<(String, ProviderFile)>,
}

pub fn load(data: &Path, providers: Option<&Path>, problems: &mut Problems) -> Sources {
    let mut sources = Sources {
        site: read_toml(&data.join("site.toml"), problems),
        taxonomy: read_toml(&data.join("taxonomy.toml"), problems),
        guide: read_toml(&data.join("guide.toml"), problems),
        ..Sources::default()
    };
    let locales = data.join("locales");
    for dir in sorted_entries(&locales, problems)
        .into_iter()
        .filter(|p| p.is_dir())
    {
        let lang = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut locale = LocaleSource {
            lang,
            entries: Vec::new(),
        };
        for file in sorted_entries(&dir, problems)
            .into_iter()
            .filter(|p| has_ext(p, "toml"))
        {
            if let Some((name, table)) = read_toml::<toml::Table>(&file, problems) {
                flatten(
                    "",
                    &toml::Value::Table(table),
                    &name,
                    &mut locale.entries,
                    problems,
                );
            }
        }
        sources.locales.push(locale);
    }
    let own = data.join("providers");
    let providers_dir = providers
        .map(Path::to_path_buf)
        .unwrap_or_else(|| own.clone());
    read_providers(&providers_dir, problems, &mut sources.providers);
    let keep_national = sources
        .site
        .as_ref()
        .is_none_or(|(_, site)| site.national_services);
    if keep_national && !same_dir(&providers_dir, &own) {
        add_national(&own, problems, &mut sources.providers);
    }
    sources
}

fn read_providers(dir: &Path, problems: &mut Problems, into: &mut Vec<(String, ProviderFile)>) {
    for file in sorted_entries(dir, problems) {
        let parsed = if has_ext(&file, "toml") {
            read_toml::<ProviderFile>(&file, problems)
        } else if has_ext(&file, "json") {
            read_json_list(&file, problems, into);
            None
        } else {
            None
        };
        into.extend(parsed);
    }
}

/// The nationwide services of `data/providers` (hotlines, national legal
/// and advocacy services), added to a directory built from another folder
/// such as an import: the site's help bar and guide name them, and a
/// visitor anywhere can use them. Local services of the default data stay
/// out (they are another region's). An organisation the folder already has
/// (by id) is the folder's: its copy wins, so nothing is listed twice.
fn add_national(dir: &Path, problems: &mut Problems, into: &mut Vec<(String, ProviderFile)>) {
    let mut national = Vec::new();
    read_providers(dir, problems, &mut national);
    for (name, mut file) in national {
        if into
            .iter()
            .any(|(_, f)| f.organization.id == file.organization.id)
        {
            continue;
        }
        file.services
            .retain(|s| !s.areas.is_empty() && s.areas.iter().all(|a| a == "US"));
        if !file.services.is_empty() {
            into.push((name, file));
        }
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Every file of `locales/<lang>/` as the table it parses to, named by its
/// path, for `waypoint dump` (`load` merges them into one catalogue per
/// language).
pub fn locale_documents(data: &Path, problems: &mut Problems) -> Vec<(String, toml::Table)> {
    let mut documents = Vec::new();
    for dir in sorted_entries(&data.join("locales"), problems)
        .into_iter()
        .filter(|p| p.is_dir())
    {
        for file in sorted_entries(&dir, problems)
            .into_iter()
            .filter(|p| has_ext(p, "toml"))
        {
            documents.extend(read_toml::<toml::Table>(&file, problems));
        }
    }
    documents
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e == ext)
}

fn sorted_entries(dir: &Path, problems: &mut Problems) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
        }
        Err(e) => {
            problems.error(
                &dir.display().to_string(),
                "-",
                "-",
                format!("cannot read folder: {e}"),
            );
            Vec::new()
        }
    }
}

fn read_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    problems: &mut Problems,
) -> Option<(String, T)> {
    let name = path.display().to_string();
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            problems.error(&name, "-", "-", format!("cannot read file: {e}"));
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(value) => Some((name, value)),
        Err(e) => {
            let message = e.message().to_string();
            let line = e.span().map(|s| text[..s.start].lines().count().max(1));
            let at = line
                .map(|l| format!("line {l}"))
                .unwrap_or_else(|| "-".into());
            problems.error(&name, "-", &at, message);
            None
        }
    }
}

/// A JSON file holds a list of provider files (what `generate` writes, since
/// JSON parses much faster than TOML at 100k services).
fn read_json_list(path: &Path, problems: &mut Problems, out: &mut Vec<(String, ProviderFile)>) {
    let name = path.display().to_string();
    let parsed = fs::read(path)
        .map_err(|e| format!("cannot read file: {e}"))
        .and_then(|bytes| {
            serde_json::from_slice::<Vec<ProviderFile>>(&bytes).map_err(|e| e.to_string())
        });
    match parsed {
        Ok(list) => out.extend(list.into_iter().map(|p| (name.clone(), p))),
        Err(e) => problems.error(&name, "-", "-", e),
    }
}

fn flatten(
    prefix: &str,
    value: &toml::Value,
    file: &str,
    out: &mut Vec<(String, String, String)>,
    problems: &mut Problems,
) {
    match value {
        toml::Value::Table(table) => {
            for (k, v) in table {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, file, out, problems);
            }
        }
        toml::Value::String(s) => out.push((prefix.to_string(), s.clone(), file.to_string())),
        // `[meta] reviewed = false`: kept as text like every other entry.
        toml::Value::Boolean(b) if prefix.starts_with("meta.") => {
            out.push((prefix.to_string(), b.to_string(), file.to_string()))
        }
        _ => problems.error(file, prefix, "value", "UI strings must be text"),
    }
}
