//! The browser benchmark's native helper, driven by benches/browser-bench.mjs.

/// Natively this binary serves the comparison with JavaScript libraries
/// (benches/peers/, driven by benches/browser-bench.mjs):
/// `waypoint-bench export-records <site.bin> <out.json> [all-languages]`
/// writes what search sees of each record, so every library indexes the
/// same text;
/// `waypoint-bench rank <site.bin> <queries.toml> <out.json>` writes the
/// labelled queries (tests/fixtures/ranking-queries.toml) with Waypoint's top
/// 10 for each, from the same `Site::find` the app calls. Ranking, and an
/// export with `all-languages`, use the site as the page has it once every
/// language's files beside site.bin have arrived (`export::every_language`):
/// the labelled queries are in twelve languages, and site.bin alone holds
/// only the default language's and the instant-search languages' labels.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, bundle, out, rest @ ..] if cmd == "export-records" && rest.len() <= 1 => {
            let every = rest.first().is_some_and(|a| a == "all-languages");
            if let Err(e) = export::run(std::path::Path::new(bundle), std::path::Path::new(out), every) {
                eprintln!("waypoint-bench export-records: {e}");
                std::process::exit(1);
            }
        }
        [cmd, bundle, queries, out] if cmd == "rank" => {
            if let Err(e) = export::rank(
                std::path::Path::new(bundle),
                std::path::Path::new(queries),
                std::path::Path::new(out),
            ) {
                eprintln!("waypoint-bench rank: {e}");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!(
                "waypoint-bench: the peer comparison's records and rankings (the in-browser benchmark is waypoint-bench-page, built by benches/browser-bench.mjs).\n\
                 Natively: waypoint-bench export-records <site.bin> <out.json>\n\
                 \x20         waypoint-bench rank <site.bin> <queries.toml> <out.json>"
            );
            std::process::exit(2);
        }
    }
}

/// The per-record search text, exported so every peer library indexes exactly
/// the text Waypoint indexes: the documents `Site::new` builds its index from
/// (`waypoint_core::site::documents`), field by field (names; service labels
/// and keywords in every language; domains, populations, languages and places
/// in every language; descriptions). The weights Waypoint gives these fields
/// are names 4, labels 3, details 2, description 1; each peer gets the same
/// fields and weights them as its own documentation says.
mod export {
    use std::path::Path;

    use serde_json::{json, Value};
    use waypoint_core::bundle::Bundle;
    use waypoint_core::search::Field;

    /// site.bin with every language's later strings and search words from
    /// the files beside it merged in, as `AppState` merges them when they
    /// arrive.
    pub fn every_language(bundle_path: &Path, mut bundle: Bundle) -> Result<Bundle, String> {
        use waypoint_core::bundle::{decode, paths};
        use waypoint_core::locale::Catalog;
        let folder = bundle_path.parent().unwrap_or(Path::new("."));
        let read = |name: String| -> Result<Option<Catalog>, String> {
            let file = folder.join(name);
            match std::fs::read(&file) {
                Ok(bytes) => decode(&bytes).map(Some).map_err(|e| format!("{}: {e}", file.display())),
                Err(_) => Ok(None),
            }
        };
        for catalog in &mut bundle.locales {
            if let Some(words) = read(paths::search_words_file(&catalog.lang))? {
                catalog.add_search_words(words);
            }
            if let Some(rest) = read(paths::catalog_file(&catalog.lang))? {
                catalog.merge(rest);
            }
        }
        Ok(bundle)
    }

    pub fn run(bundle_path: &Path, out: &Path, every: bool) -> Result<(), String> {
        let bytes =
            std::fs::read(bundle_path).map_err(|e| format!("{}: {e}", bundle_path.display()))?;
        let mut bundle = Bundle::decode(&bytes).map_err(|e| e.to_string())?;
        if every {
            bundle = every_language(bundle_path, bundle)?;
        }
        let json = records(&bundle);
        std::fs::write(out, serde_json::to_vec(&json).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{}: {e}", out.display()))?;
        Ok(())
    }

    pub fn rank(bundle_path: &Path, queries_path: &Path, out: &Path) -> Result<(), String> {
        use waypoint_core::filter::Filters;
        use waypoint_core::site::Site;
        #[derive(serde::Deserialize)]
        struct Set {
            query: Vec<Labelled>,
        }
        #[derive(serde::Deserialize)]
        struct Labelled {
            text: String,
            expect_top: Vec<String>,
        }
        let bytes =
            std::fs::read(bundle_path).map_err(|e| format!("{}: {e}", bundle_path.display()))?;
        let bundle = Bundle::decode(&bytes).map_err(|e| e.to_string())?;
        let site = Site::new(every_language(bundle_path, bundle)?);
        let text = std::fs::read_to_string(queries_path)
            .map_err(|e| format!("{}: {e}", queries_path.display()))?;
        let set: Set =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", queries_path.display()))?;
        let mut searcher = site.searcher();
        let rows: Vec<Value> = set
            .query
            .iter()
            .map(|q| {
                // Over every record, as tests/ranking.rs ranks and as the
                // peers search (a survivor's view also leaves out services
                // only for professionals, a filter, not ranking).
                let filters = Filters { with_professionals: true, ..Filters::default() };
                let found = site.find(&mut searcher, &q.text, &filters);
                let top: Vec<&str> = found
                    .services
                    .iter()
                    .take(10)
                    .map(|&i| site.service(i).id.as_str())
                    .collect();
                json!({ "text": q.text, "expect_top": q.expect_top, "top": top })
            })
            .collect();
        std::fs::write(out, serde_json::to_vec(&rows).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{}: {e}", out.display()))
    }

    pub fn records(bundle: &Bundle) -> Value {
        let documents = waypoint_core::site::documents(bundle);
        let records: Vec<Value> = bundle
            .directory
            .services
            .iter()
            .zip(&documents)
            .map(|(s, doc)| {
                let texts = |field: Field| -> Vec<&str> {
                    doc.fields
                        .iter()
                        .filter(|(f, _)| *f == field)
                        .map(|(_, t)| t.as_str())
                        .collect()
                };
                json!({
                    "id": s.id,
                    "law_enforcement": s.law_enforcement,
                    "name": texts(Field::Name),
                    "labels": texts(Field::ServiceType),
                    "details": texts(Field::Detail),
                    "description": texts(Field::Description),
                })
            })
            .collect();
        let mut stopwords: Vec<String> = bundle
            .locales
            .iter()
            .filter_map(|c| c.lookup("search.stopwords"))
            .flat_map(waypoint_core::text::words)
            .collect();
        stopwords.sort_unstable();
        stopwords.dedup();
        json!({ "stopwords": stopwords, "records": records })
    }
}
