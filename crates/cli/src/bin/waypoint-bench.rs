//! The browser benchmark's native helper, driven by benches/browser-bench.mjs.

/// Natively this binary serves the comparison with JavaScript libraries
/// (benches/peers/, driven by benches/browser-bench.mjs):
/// `waypoint-bench export-records <site.bin> <out.json>` writes what search
/// sees of each record, so every library indexes the same text;
/// `waypoint-bench rank <site.bin> <queries.toml> <out.json>` writes the
/// labelled queries (tests/fixtures/ranking-queries.toml) with Waypoint's top
/// 10 for each, from the same `Site::find` the app calls.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, bundle, out] if cmd == "export-records" => {
            if let Err(e) = export::run(std::path::Path::new(bundle), std::path::Path::new(out)) {
                eprintln!("waypoint-bench export-records: {e}");
                std::process::exit(1);
            }
        }
        [cmd, bundle, queries, out] if cmd == "rank" => {
            if let Err(e) = export::rank(std::path::Path::new(bundle), std::path::Path::new(queries), std::path::Path::new(out)) {
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
/// the text Waypoint indexes. This mirrors `documents()` in src/site.rs field
/// for field (names; service labels and keywords in every language; domains,
/// populations, languages and places in every language; descriptions), using
/// only the crate's public API. The weights Waypoint gives these fields are
/// names 4, labels 3, details 2, description 1; each peer gets the same
/// fields and weights them as its own documentation says.
mod export {
    use std::path::Path;

    use serde_json::{json, Value};
    use waypoint_core::bundle::Bundle;
    use waypoint_core::model::ServiceArea;
    use waypoint_core::taxonomy::label_key;

    pub fn run(bundle_path: &Path, out: &Path) -> Result<(), String> {
        let bytes = std::fs::read(bundle_path).map_err(|e| format!("{}: {e}", bundle_path.display()))?;
        let bundle = Bundle::decode(&bytes).map_err(|e| e.to_string())?;
        let json = records(&bundle);
        std::fs::write(out, serde_json::to_vec(&json).map_err(|e| e.to_string())?).map_err(|e| format!("{}: {e}", out.display()))?;
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
        let bytes = std::fs::read(bundle_path).map_err(|e| format!("{}: {e}", bundle_path.display()))?;
        let site = Site::new(Bundle::decode(&bytes).map_err(|e| e.to_string())?);
        let text = std::fs::read_to_string(queries_path).map_err(|e| format!("{}: {e}", queries_path.display()))?;
        let set: Set = toml::from_str(&text).map_err(|e| format!("{}: {e}", queries_path.display()))?;
        let mut searcher = site.searcher();
        let rows: Vec<Value> = set
            .query
            .iter()
            .map(|q| {
                let found = site.find(&mut searcher, &q.text, &Filters::default());
                let top: Vec<&str> = found.services.iter().take(10).map(|&i| site.service(i).id.as_str()).collect();
                json!({ "text": q.text, "expect_top": q.expect_top, "top": top })
            })
            .collect();
        std::fs::write(out, serde_json::to_vec(&rows).map_err(|e| e.to_string())?).map_err(|e| format!("{}: {e}", out.display()))
    }

    pub fn records(bundle: &Bundle) -> Value {
        let taxonomy = &bundle.taxonomy;
        let all_labels =
            |key: String| -> Vec<String> { bundle.locales.iter().filter_map(|c| c.lookup(&key)).map(str::to_string).collect() };
        let records: Vec<Value> = bundle
            .directory
            .services
            .iter()
            .map(|s| {
                let org = &bundle.directory.organizations[s.organization as usize];
                let mut name = vec![s.name.clone(), org.name.clone()];
                name.extend(org.alternate_name.clone());
                let mut labels = Vec::new();
                for &t in &s.service_types {
                    let code = &taxonomy.service_types[t as usize].code;
                    labels.extend(all_labels(label_key::service_type(code)));
                    labels.extend(all_labels(label_key::service_type_keywords(code)));
                }
                let mut details = Vec::new();
                let mut domains: Vec<u16> = s.service_types.iter().filter_map(|&t| taxonomy.domain_of(t)).collect();
                domains.dedup();
                for d in domains {
                    details.extend(all_labels(label_key::domain(&taxonomy.domains[d as usize])));
                }
                for &p in &s.populations {
                    details.extend(all_labels(label_key::population(&taxonomy.populations[p as usize])));
                }
                for lang in &s.languages {
                    details.extend(all_labels(label_key::language(lang)));
                }
                for l in &s.locations {
                    details.extend(l.city.clone());
                    if let Some(state) = l.state().and_then(|c| taxonomy.state(c)) {
                        details.push(state.name.clone());
                    }
                }
                for a in &s.service_areas {
                    match a {
                        ServiceArea::Nationwide => details.extend(all_labels("area.nationwide".into())),
                        ServiceArea::State(c) => details.extend(taxonomy.state(c).map(|st| st.name.clone())),
                        ServiceArea::Local { name, .. } => details.push(name.clone()),
                    }
                }
                let description: Vec<String> =
                    [&s.description, &org.description, &s.eligibility, &s.how_to_get_help].into_iter().flatten().cloned().collect();
                json!({
                    "id": s.id,
                    "law_enforcement": s.law_enforcement,
                    "name": name,
                    "labels": labels,
                    "details": details,
                    "description": description,
                })
            })
            .collect();
        let mut stopwords: Vec<String> =
            bundle.locales.iter().filter_map(|c| c.lookup("search.stopwords")).flat_map(waypoint_core::text::words).collect();
        stopwords.sort_unstable();
        stopwords.dedup();
        json!({ "stopwords": stopwords, "records": records })
    }
}
