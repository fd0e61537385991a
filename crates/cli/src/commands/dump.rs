//! `waypoint dump`: the sources of `data/` as JSON, for the end-to-end
//! suite (tests/e2e/support/data.mjs), so the specs compare the page with
//! the data as Waypoint itself reads it, and no second reader of the TOML
//! files can drift from this one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::print_problems;
use crate::load;
use crate::problem::Problems;
use crate::Args;

/// `waypoint dump [--data DIR] [--providers DIR] [--out FILE]`: writes
/// `{"files": {"site.toml": …, "locales/en/ui.toml": …, "providers/x.toml": …}}`,
/// each file as it parses, under its path in `data/`. A field a file leaves
/// out is written with the value the loader gives it; one it may leave
/// unset (`None`) is left out.
pub(crate) fn dump(data: &Path, args: &Args) -> i32 {
    let mut problems = Problems::default();
    let sources = load::load(data, args.providers.as_deref(), &mut problems);
    let locales = load::locale_documents(data, &mut problems);
    if problems.has_errors() {
        print_problems(&problems);
        eprintln!("waypoint: not dumping: fix the errors above");
        return 1;
    }
    let mut files = Map::new();
    let mut put =
        |file: &str, document: Value| files.insert(relative(data, file), without_nulls(document));
    if let Some((file, site)) = &sources.site {
        put(file, json(site));
    }
    if let Some((file, taxonomy)) = &sources.taxonomy {
        put(file, json(taxonomy));
    }
    if let Some((file, guide)) = &sources.guide {
        put(file, json(guide));
    }
    for (file, table) in &locales {
        put(file, json(table));
    }
    for (i, (file, provider)) in sources.providers.iter().enumerate() {
        let name = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A JSON file (what `generate` writes) holds a list of providers.
        let name = if name.ends_with(".json") {
            format!("providers/{name}[{i}]")
        } else {
            format!("providers/{name}")
        };
        files.insert(name, without_nulls(json(provider)));
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("target/e2e-fixtures/data.json"));
    let text = serde_json::to_string_pretty(&Value::Object(Map::from_iter([(
        "files".to_string(),
        Value::Object(files),
    )])))
    .expect("JSON values serialise");
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("waypoint: cannot create {}: {e}", dir.display());
            return 1;
        }
    }
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("waypoint: cannot write {}: {e}", out.display());
        return 1;
    }
    println!(
        "wrote the sources of {} to {}",
        data.display(),
        out.display()
    );
    0
}

fn json(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("sources serialise")
}

/// `data/locales/en/ui.toml` → `locales/en/ui.toml`.
fn relative(data: &Path, file: &str) -> String {
    let path = Path::new(file);
    let rel = path.strip_prefix(data).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// An unset optional field is absent, as it is in the file.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}
