//! Open Referral HSDS in and out: `waypoint import` (3.0 JSON, 3.0 CSV
//! datapackages, 1.x/2.x CSV packages; folders or zips), `waypoint export
//! --format hsds-json`, and `waypoint validate <hsds path>`.
//!
//! Import reads any of the formats into raw records (`json`; `package`
//! reads a CSV package into `table`s, which `csv` and `legacy` join),
//! converts them once (`convert`, using `normalise` and the
//! deployment's `mapping`), and writes Waypoint's editing format: one TOML
//! file per organisation, plus `import-report.toml` with what could not be
//! mapped, for `waypoint report`. `translation` takes a record's text in
//! another language from that language's export of the same records.

pub mod convert;
pub mod csv;
pub mod export;
pub mod json;
pub mod legacy;
pub mod mapping;
pub mod normalise;
pub mod package;
pub mod raw;
pub mod table;
pub mod translation;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::problem::{Problem, Problems};
use super::source::{ProviderFile, SiteSource, TaxonomySource};
use mapping::{Mapping, Vocabulary};
use waypoint_core::model::Date;

/// How to import: the deployment's mapping and vocabulary, the date used
/// when a record has none, and the source name every service cites.
pub struct Options {
    pub mapping: Mapping,
    pub today: Date,
    /// `--source-name`; otherwise the package or file name.
    pub source_name: Option<String>,
}

/// The result of an import: providers ready to write, every problem, and
/// the source terms nobody mapped (with how many services carry each).
#[derive(Debug, Default)]
pub struct Imported {
    pub providers: Vec<ProviderFile>,
    pub problems: Problems,
    pub unmapped: BTreeMap<String, usize>,
    /// Services kept under a placeholder for an organisation missing from
    /// the export.
    pub placeholder_services: usize,
    /// Services whose terms mapped onto no Waypoint code, kept under
    /// "other help".
    pub other_help: usize,
    /// Every source term of those services, with how many carry it (not
    /// only the unmapped ones: also terms mapped to nothing or to
    /// populations only), for the steward to refine the mapping.
    pub other_help_terms: BTreeMap<String, usize>,
    /// Services not imported, counted by why ("status not active").
    pub left_out: BTreeMap<String, usize>,
    /// "HSDS 3.0 JSON", "HSDS 1.x/2.x CSV", …
    pub format: String,
    pub source_name: String,
    /// Per language, what its export (`--translation`) gave.
    pub translations: BTreeMap<String, translation::Carried>,
}

impl Imported {
    pub fn services(&self) -> usize {
        self.providers.iter().map(|p| p.services.len()).sum()
    }

    /// What came in and what did not: "services: 4 imported, 3 of them
    /// under placeholder organisations, 1 under other help; 2 left out (no
    /// organization_id: 1, status not active: 1)".
    pub fn summary(&self) -> String {
        let left_out: usize = self.left_out.values().sum();
        let reasons = self
            .left_out
            .iter()
            .map(|(why, n)| format!("{why}: {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let left_out = if left_out == 0 {
            "none left out".to_string()
        } else {
            format!("{left_out} left out ({reasons})")
        };
        let (mut own, mut export, mut undated) = (0, 0, 0);
        for p in &self.providers {
            for s in &p.services {
                match s.source.as_ref().or(p.source.as_ref()) {
                    Some(src) if src.last_verified.is_empty() => undated += 1,
                    Some(src) if src.check.as_deref() == Some("exported") => export += 1,
                    _ => own += 1,
                }
            }
        }
        let mut summary = format!(
            "services: {} imported, {} of them under placeholder organisations, {} under other help; {left_out}\n\
             dates: {own} from the records themselves, {export} the export's date (not a check), {undated} undated",
            self.services(),
            self.placeholder_services,
            self.other_help
        );
        for (lang, carried) in &self.translations {
            summary.push('\n');
            summary.push_str(&carried.summary(lang));
        }
        summary
    }
}

/// Reads the mapping file and the vocabulary of `data/taxonomy.toml`.
pub fn options(
    data: &Path,
    mapping: Option<&Path>,
    source_name: Option<String>,
    problems: &mut Problems,
) -> Option<Options> {
    let taxonomy_file = data.join("taxonomy.toml");
    let taxonomy: TaxonomySource = match fs::read_to_string(&taxonomy_file)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(e) => {
            problems.error(
                &taxonomy_file.display().to_string(),
                "-",
                "-",
                format!("cannot read the taxonomy: {e}"),
            );
            return None;
        }
    };
    let mapping_file = mapping
        .map(Path::to_path_buf)
        .unwrap_or_else(|| data.join("hsds-mapping.toml"));
    let mapping = Mapping::load(
        &mapping_file,
        Vocabulary::from_taxonomy(&taxonomy),
        problems,
    )?;
    Some(Options {
        mapping,
        today: crate::clock::today(),
        source_name,
    })
}

/// Imports a JSON file, a zip, or a folder holding a CSV package.
pub fn import_path(path: &Path, options: &Options) -> Imported {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    if path.is_dir() {
        let mut problems = Problems::default();
        let files = package::read_folder(&name, path, &mut problems);
        let mut imported = import_files(&name, files, options);
        problems.list.append(&mut imported.problems.list);
        imported.problems = problems;
        return imported;
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let mut imported = Imported {
                source_name: name.clone(),
                ..Imported::default()
            };
            imported.problems.error(
                &path.display().to_string(),
                "-",
                "-",
                format!("cannot read: {e}"),
            );
            return imported;
        }
    };
    if bytes.starts_with(b"PK") || has_ext(path, "zip") {
        import_zip(&name, &bytes, options)
    } else if has_ext(path, "csv") {
        import_files(&name, vec![(name.clone(), bytes)], options)
    } else {
        import_json(&name, &bytes, options)
    }
}

/// `import EXPORT --translation es=OTHER …`: the main export, with each
/// other language's text taken from its own export of the same records
/// (`translation`). Each is read and converted as the main one is.
pub fn import_translated(path: &Path, translations: &[(String, PathBuf)], options: &Options) -> Imported {
    let mut imported = import_path(path, options);
    for (lang, other_path) in translations {
        let other = import_path(other_path, options);
        let name = other_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| other_path.display().to_string());
        let label = format!("{name} ({lang})");
        // What the other export says of a record both share (a phone that
        // cannot be dialled) was said of the main one: only the rest, about
        // its own text or its own records, is worth saying again.
        let said: std::collections::HashSet<(String, String, String)> = imported
            .problems
            .list
            .iter()
            .map(|p| (p.record.clone(), p.field.clone(), p.message.clone()))
            .collect();
        for p in &other.problems.list {
            if !said.contains(&(p.record.clone(), p.field.clone(), p.message.clone())) {
                imported.problems.list.push(Problem {
                    file: format!("{} ({lang})", p.file),
                    ..p.clone()
                });
            }
        }
        let carried =
            translation::carry(&mut imported, &other, lang, &label, &other_path.display().to_string());
        imported.translations.insert(lang.clone(), carried);
    }
    imported
}

/// Whether `lang` is a language the deployment offers besides its default
/// (a folder of `locales/`, and in site.toml `languages` when that is set),
/// so an import or export in it gives text the build will take.
pub fn offered_language(data: &Path, lang: &str) -> Result<(), String> {
    let site_file = data.join("site.toml");
    let site: SiteSource = fs::read_to_string(&site_file)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot read {}: {e}", site_file.display()))?;
    if lang == site.default_language {
        return Err(format!(
            "{lang:?} is the default language ({}): the main records are in it",
            site_file.display()
        ));
    }
    let folder = data.join("locales").join(lang);
    let offered = site.languages.as_ref().is_none_or(|l| l.iter().any(|l| l == lang));
    if !folder.is_dir() || !offered {
        let list = site.languages.clone().unwrap_or_default().join(", ");
        return Err(format!(
            "{lang:?} is not a language this site offers (a folder {} and site.toml languages: {list})",
            folder.display()
        ));
    }
    Ok(())
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

pub fn import_json(name: &str, bytes: &[u8], options: &Options) -> Imported {
    let mut problems = Problems::default();
    match json::read(name, bytes, &mut problems) {
        Ok(raw) => finish(raw, "HSDS 3.0 JSON", name, problems, options, None),
        Err(tables) => {
            let tables = package::from_json_tables(name, tables);
            let raw = csv::raw_input(&tables, &mut problems);
            finish(raw, "HSDS 3.0 tabular JSON", name, problems, options, None)
        }
    }
}

pub fn import_zip(name: &str, bytes: &[u8], options: &Options) -> Imported {
    let mut problems = Problems::default();
    let package = package::unzip(name, bytes, &mut problems);
    let mut imported = import_package(package, options);
    problems.list.append(&mut imported.problems.list);
    imported.problems = problems;
    imported
}

/// A CSV package already in memory: (file name, bytes) pairs.
pub fn import_files(name: &str, files: Vec<(String, Vec<u8>)>, options: &Options) -> Imported {
    import_package(
        package::Package {
            label: name.to_string(),
            files,
            zipped_on: None,
        },
        options,
    )
}

fn import_package(package: package::Package, options: &Options) -> Imported {
    let mut problems = Problems::default();
    let name = package.label.as_str();
    let exported = package::export_date(&package);
    let (tables, version) = package::tables(&package, &mut problems);
    let legacy = tables
        .iter()
        .any(|t| legacy::USED.contains(&t.name.as_str()));
    let format = match (version.as_str(), legacy) {
        (v, _) if !v.is_empty() => format!("HSDS {v} CSV"),
        (_, true) => "HSDS 1.x/2.x CSV".to_string(),
        _ => "HSDS 3.0 CSV".to_string(),
    };
    let raw = csv::raw_input(&tables, &mut problems);
    finish(raw, &format, name, problems, options, exported)
}

fn finish(
    raw: raw::RawInput,
    format: &str,
    name: &str,
    problems: Problems,
    options: &Options,
    exported: Option<(Date, String)>,
) -> Imported {
    let source_name = options
        .source_name
        .clone()
        .unwrap_or_else(|| name.to_string());
    let mut cx = convert::Context {
        mapping: &options.mapping,
        today: options.today,
        exported,
        source_name: source_name.clone(),
        problems,
        unmapped: BTreeMap::new(),
        placeholder_services: 0,
        other_help: 0,
        other_help_terms: BTreeMap::new(),
        left_out: BTreeMap::new(),
    };
    let providers = convert::convert(raw, &mut cx);
    // The same warning can come from a record read twice (an organisation's
    // phone used by each of its services): say it once.
    let mut seen = std::collections::HashSet::new();
    let list: Vec<Problem> = cx
        .problems
        .list
        .into_iter()
        .filter(|p| seen.insert(p.to_string()))
        .collect();
    Imported {
        providers,
        problems: Problems { list },
        unmapped: cx.unmapped,
        placeholder_services: cx.placeholder_services,
        other_help: cx.other_help,
        other_help_terms: cx.other_help_terms,
        left_out: cx.left_out,
        format: format.to_string(),
        source_name,
        translations: BTreeMap::new(),
    }
}

/// Whether a path given to `validate` is an HSDS import rather than a
/// folder of Waypoint provider files.
pub fn is_hsds_input(path: &Path) -> bool {
    // A path that is not there goes to the importer, which says so.
    if !path.exists() {
        return true;
    }
    if path.is_dir() {
        let entries = fs::read_dir(path).map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_ascii_lowercase())
                .collect::<Vec<_>>()
        });
        return entries.is_ok_and(|names| {
            names
                .iter()
                .any(|n| n.ends_with(".csv") || n == "datapackage.json")
        });
    }
    if has_ext(path, "json") {
        // `generate` writes Waypoint's own providers as JSON.
        return fs::read(path)
            .map(|b| serde_json::from_slice::<Vec<ProviderFile>>(&b).is_err())
            .unwrap_or(true);
    }
    has_ext(path, "zip") || has_ext(path, "csv")
}

/// What `import` records beside the folder of providers it writes (not in
/// it: every `.toml` there is read as a provider file); `report` reads it.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportReport {
    pub source: String,
    pub input: String,
    /// The folder the providers were written to.
    pub providers: String,
    pub format: String,
    pub imported: String,
    pub organizations: usize,
    pub services: usize,
    pub warnings: usize,
    pub errors: usize,
    pub files: Vec<String>,
    #[serde(default)]
    pub unmapped: BTreeMap<String, usize>,
    /// The source terms of the services imported under "other help", with
    /// how many of them carry each.
    #[serde(default)]
    pub other_help_terms: BTreeMap<String, usize>,
    /// Per language given with `--translation`: how many services took
    /// its text, and the ids of those that did not, by why.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, translation::Carried>,
}

pub const REPORT_FILE: &str = "import-report.toml";

/// `target/imported/providers` → `target/imported/import-report.toml`.
pub fn report_path(providers: &Path) -> PathBuf {
    providers
        .parent()
        .unwrap_or(Path::new("."))
        .join(REPORT_FILE)
}

/// The report of the import that wrote `providers`, if that is how the
/// folder was made.
pub fn read_report(providers: &Path) -> Option<ImportReport> {
    let report: ImportReport =
        toml::from_str(&fs::read_to_string(report_path(providers)).ok()?).ok()?;
    let same = |a: &Path, b: &Path| match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    same(Path::new(&report.providers), providers).then_some(report)
}

/// Writes one TOML file per organisation to `out`. A folder that holds
/// provider files and no import report is refused, so an import can never
/// overwrite hand-edited data such as `data/providers`; a previous import's
/// files are replaced.
pub fn write(imported: &Imported, input: &Path, out: &Path) -> Result<Vec<PathBuf>, String> {
    let report_path = report_path(out);
    if out.is_dir() {
        match read_report(out) {
            Some(report) => {
                for f in report.files {
                    let _ =
                        fs::remove_file(out.join(Path::new(&f).file_name().unwrap_or_default()));
                }
            }
            None => {
                let has_providers = fs::read_dir(out)
                    .map_err(|e| e.to_string())?
                    .filter_map(|e| e.ok())
                    .any(|e| {
                        let n = e.file_name().to_string_lossy().to_ascii_lowercase();
                        n.ends_with(".toml") || n.ends_with(".json")
                    });
                if has_providers {
                    return Err(format!("{} holds provider files that no import wrote; choose an empty folder with --out", out.display()));
                }
            }
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut written = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let languages: String = imported
        .translations
        .iter()
        .map(|(lang, c)| format!(", {lang} text from {}", c.input))
        .collect();
    let header = format!(
        "# Imported by `waypoint import` from {} ({}){languages} on {}.\n# Edit freely; importing into this folder again replaces this file.\n\n",
        input.display(),
        imported.format,
        crate::clock::today()
    );
    for p in &imported.providers {
        let base = normalise::slug(&p.organization.id);
        let base = if base.is_empty() {
            "organization".to_string()
        } else {
            base
        };
        let n = names.entry(base.clone()).or_insert(0);
        *n += 1;
        let file = if *n == 1 {
            format!("{base}.toml")
        } else {
            format!("{base}-{n}.toml")
        };
        let text =
            toml::to_string(p).map_err(|e| format!("cannot write {}: {e}", p.organization.id))?;
        let text = tidy(&text);
        let path = out.join(&file);
        fs::write(&path, format!("{header}{text}"))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    let report = ImportReport {
        source: imported.source_name.clone(),
        input: input.display().to_string(),
        providers: out.display().to_string(),
        format: imported.format.clone(),
        imported: crate::clock::today().to_string(),
        organizations: imported.providers.len(),
        services: imported.services(),
        warnings: imported.problems.warnings(),
        errors: imported.problems.errors(),
        files: written
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect(),
        unmapped: imported.unmapped.clone(),
        other_help_terms: imported.other_help_terms.clone(),
        translations: imported.translations.clone(),
    };
    let text = toml::to_string(&report).map_err(|e| e.to_string())?;
    fs::write(
        &report_path,
        format!("# Written by `waypoint import`; `waypoint report` reads it.\n{text}"),
    )
    .map_err(|e| format!("cannot write {}: {e}", report_path.display()))?;
    Ok(written)
}

/// Drops `key = false` and `key = []` lines, which the serialiser writes
/// for every unset flag and list, so imported files read like hand-written
/// ones (the loader fills in the same defaults), and writes coordinates as
/// the shortest decimal that reads back as the same `f32` ("32.8", not
/// "32.79999923706055"). Lines inside multi-line strings are left alone.
fn tidy(toml_text: &str) -> String {
    let mut out = String::with_capacity(toml_text.len());
    let mut in_multiline = false;
    for line in toml_text.lines() {
        let default = !in_multiline && {
            let (key, value) = line.split_once(" = ").unwrap_or(("", ""));
            !key.is_empty()
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && (value == "false" || value == "[]")
        };
        if (line.matches("\"\"\"").count() + line.matches("\'\'\'").count()) % 2 == 1 {
            in_multiline = !in_multiline;
        }
        if default {
            continue;
        }
        let coordinate = (!in_multiline)
            .then(|| line.split_once(" = "))
            .flatten()
            .filter(|(k, _)| *k == "latitude" || *k == "longitude")
            .and_then(|(k, v)| v.parse::<f64>().ok().map(|f| format!("{k} = {}", f as f32)));
        out.push_str(coordinate.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// English (or the default language's) labels, for readable exports.
pub fn labels(sources: &crate::load::Sources) -> HashMap<String, String> {
    let lang = sources
        .site
        .as_ref()
        .map(|(_, s)| s.default_language.clone())
        .unwrap_or_else(|| "en".into());
    sources
        .locales
        .iter()
        .find(|l| l.lang == lang)
        .map(|l| {
            l.entries
                .iter()
                .map(|(k, v, _)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}
