//! Per-keystroke search latency, natively: `cargo bench --bench search`.
//!
//! For each directory size N (default 1000, 10000, 100000; override with
//! `WAYPOINT_BENCH_SIZES=1000,10000`), this generates N fictional services
//! with seed 42 (as `waypoint generate --services N --seed 42` does), compiles
//! them with `data/`'s taxonomy and catalogues (as `waypoint build
//! --providers … --allow-fictional` does), times `Site::new` (the index
//! build), then types every query of `benches/keystrokes.txt` one character
//! at a time and deletes it one character at a time, calling `site.find`
//! exactly as the UI does on each keystroke. The last deletion of each query
//! is the empty query (the whole directory, sorted), as in the UI.
//!
//! Each keystroke's time is the median over `WAYPOINT_BENCH_REPEATS` (default
//! 3) runs of the whole script, each run on a fresh `Searcher` (so every run
//! starts with an empty term cache, like a freshly loaded page).
//!
//! Set `WAYPOINT_BENCH_BREAKDOWN=1` to also time the parts of a keystroke
//! (term matching + scoring, filtering, ranking) for the slowest keystrokes.
//!
//! Writes the table to target/bench-results/native.md and the figures to
//! target/bench-results/native.json, which benches/browser-bench.mjs reads.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use waypoint_core::bundle::Bundle;
use waypoint_core::filter::Filters;
use waypoint_core::site::Site;

#[path = "../../../benches/support/script.rs"]
mod script;
use script::{json_str, keystrokes, median, percentile, queries};

const SEED: u64 = 42;

struct Row {
    n: usize,
    records: usize,
    vocabulary: usize,
    compile_ms: f64,
    bundle_bytes: usize,
    decode_ms: f64,
    build_ms: f64,
    keystrokes: usize,
    median_ms: f64,
    p95_ms: f64,
    max_ms: f64,
    max_query: String,
    empty_ms: f64,
    final_counts: Vec<(String, usize)>,
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let data = root.join("data");
    let sizes = sizes();
    let repeats: usize = std::env::var("WAYPOINT_BENCH_REPEATS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let breakdown =
        std::env::var("WAYPOINT_BENCH_BREAKDOWN").is_ok_and(|v| !v.is_empty() && v != "0");
    let script = std::fs::read_to_string(root.join("benches/keystrokes.txt"))
        .expect("benches/keystrokes.txt");
    let queries = queries(&script);
    let keys = keystrokes(&queries);
    println!(
        "waypoint search bench: {} queries, {} keystrokes per run, {repeats} run(s) per size, seed {SEED}",
        queries.len(),
        keys.len()
    );

    // The taxonomy the generator draws from: data/ as shipped.
    let (base, problems) = waypoint_cli::check(&data, None, false);
    assert!(
        !problems.has_errors(),
        "data/ has errors: {:#?}",
        problems.list
    );
    let taxonomy = base.expect("data/ compiles").taxonomy;

    let mut rows = Vec::new();
    for &n in &sizes {
        let t = Instant::now();
        let files = waypoint_cli::generate::generate(n, SEED, &taxonomy);
        let dir = root.join(format!("target/bench-data/native/n{n}/providers"));
        std::fs::create_dir_all(&dir).expect("create target/bench-data");
        std::fs::write(
            dir.join("generated.json"),
            serde_json::to_vec(&files).expect("serialise"),
        )
        .expect("write generated.json");
        drop(files);
        let (bundle, problems) = waypoint_cli::check(&data, Some(&dir), true);
        assert!(
            !problems.has_errors(),
            "generated data has errors: {:#?}",
            problems.list.iter().take(5).collect::<Vec<_>>()
        );
        let bundle = bundle.expect("generated data compiles");
        let compile_ms = ms(t);

        // What the browser does: decode the bytes, then build the index.
        let bytes = bundle.encode();
        drop(bundle);
        let t = Instant::now();
        let bundle = Bundle::decode(&bytes).expect("decodes");
        let decode_ms = ms(t);
        let t = Instant::now();
        let site = Site::new(bundle);
        let build_ms = ms(t);

        let filters = Filters::default();
        let mut per_key: Vec<Vec<f64>> = vec![Vec::with_capacity(repeats); keys.len()];
        let mut final_counts = Vec::new();
        for run in 0..repeats {
            let mut searcher = site.searcher();
            for (k, q) in keys.iter().enumerate() {
                let t = Instant::now();
                let results = site.find(&mut searcher, q, &filters);
                per_key[k].push(ms(t));
                if run == 0
                    && queries.iter().any(|full| full == q)
                    && !final_counts.iter().any(|(f, _)| f == q)
                {
                    final_counts.push((q.clone(), results.services.len()));
                }
                std::hint::black_box(results);
            }
        }
        let times: Vec<f64> = per_key.iter_mut().map(|v| median(v)).collect();
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        let (max_at, _) = times
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .unwrap();
        let empty: Vec<f64> = keys
            .iter()
            .zip(&times)
            .filter(|(q, _)| q.is_empty())
            .map(|(_, t)| *t)
            .collect();
        let row = Row {
            n,
            records: site.services().len(),
            vocabulary: site.index.vocabulary_size(),
            compile_ms,
            bundle_bytes: bytes.len(),
            decode_ms,
            build_ms,
            keystrokes: keys.len(),
            median_ms: percentile(&sorted, 50.0),
            p95_ms: percentile(&sorted, 95.0),
            max_ms: *sorted.last().unwrap(),
            max_query: keys[max_at].clone(),
            empty_ms: median(&mut empty.clone()),
            final_counts,
        };
        println!(
            "\nN = {n}\n  records            {}\n  vocabulary         {} words\n  bundle             {} bytes raw ({:.1} MiB)\n  \
             generate+compile   {:.1} ms\n  decode             {:.3} ms\n  index build        {:.3} ms (Site::new)\n  \
             keystrokes         {}\n  per keystroke      median {:.3} ms, p95 {:.3} ms, max {:.3} ms (at {:?})\n  \
             empty query        {:.3} ms (median of {} deletions back to nothing)",
            row.records,
            row.vocabulary,
            row.bundle_bytes,
            row.bundle_bytes as f64 / 1048576.0,
            row.compile_ms,
            row.decode_ms,
            row.build_ms,
            row.keystrokes,
            row.median_ms,
            row.p95_ms,
            row.max_ms,
            row.max_query,
            row.empty_ms,
            empty.len()
        );
        let counts: Vec<String> = row
            .final_counts
            .iter()
            .map(|(q, c)| format!("{q:?}: {c}"))
            .collect();
        println!("  results (full queries): {}", counts.join(", "));
        let mut slowest: Vec<(usize, f64)> = times.iter().copied().enumerate().collect();
        slowest.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top: Vec<String> = slowest
            .iter()
            .take(5)
            .map(|(k, t)| format!("{:?} {t:.3} ms", keys[*k]))
            .collect();
        println!("  slowest keystrokes: {}", top.join(", "));
        if breakdown {
            print_breakdown(&site, &keys, slowest.iter().take(8).map(|(k, _)| *k));
        }
        rows.push(row);
    }

    let table = markdown(&rows, repeats);
    println!("\n{table}");
    let out = root.join("target/bench-results");
    let _ = std::fs::create_dir_all(&out);
    let _ = std::fs::write(out.join("native.md"), &table);
    let _ = std::fs::write(out.join("native.json"), json(&rows, repeats, keys.len()));
}

fn sizes() -> Vec<usize> {
    let default = vec![1000, 10_000, 100_000];
    match std::env::var("WAYPOINT_BENCH_SIZES") {
        Ok(s) if !s.trim().is_empty() => {
            let parsed: Vec<usize> = s
                .split(',')
                .filter_map(|p| p.trim().parse().ok())
                .filter(|&n| n > 0)
                .collect();
            if parsed.is_empty() {
                default
            } else {
                parsed
            }
        }
        _ => default,
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// Where a keystroke's time goes, timed from outside the core: the term
/// matching and scoring `Searcher::search` does (cold cache, then warm), the
/// filter `Site::find` applies, and the ranking sort with the tie-break key
/// `Site::find` uses (recomputed here the same way).
fn print_breakdown(site: &Site, keys: &[String], which: impl Iterator<Item = usize>) {
    use waypoint_core::search::rank;
    let services = site.services();
    let taxonomy = &site.bundle.taxonomy;
    let filters = Filters::default();
    println!("  breakdown of the slowest keystrokes (ms; search = match terms + score, cold / warm term cache):");
    println!(
        "    {:<26} {:>8} {:>8} {:>8} {:>8} {:>9} {:>8} {:>9}",
        "query", "find", "search", "s.warm", "filter", "rank", "hits", "distinct"
    );
    for k in which {
        let q = &keys[k];
        let mut searcher = site.searcher();
        let t = Instant::now();
        let total = site.find(&mut searcher, q, &filters).services.len();
        let find_ms = ms(t);
        let mut searcher = site.searcher();
        let t = Instant::now();
        let found = searcher.search(q, |_| true);
        let search_ms = ms(t);
        let t = Instant::now();
        let warm = searcher.search(q, |_| true);
        let warm_ms = ms(t);
        std::hint::black_box(warm);
        let t = Instant::now();
        let mut hits: Vec<_> = found
            .hits
            .iter()
            .copied()
            .filter(|h| {
                !services[h.record as usize].law_enforcement
                    && filters.matches(&services[h.record as usize], taxonomy)
            })
            .collect();
        let filter_ms = ms(t);
        let distinct = {
            let mut s: Vec<(u8, u32)> = hits.iter().map(|h| (h.matched_terms, h.score)).collect();
            s.sort_unstable();
            s.dedup();
            s.len()
        };
        let t = Instant::now();
        rank(&mut hits, |r| site.default_rank(r));
        let rank_ms = ms(t);
        let label = if q.is_empty() {
            "(empty)".to_string()
        } else {
            format!("{q:?}")
        };
        println!(
            "    {label:<26} {find_ms:>8.3} {search_ms:>8.3} {warm_ms:>8.3} {filter_ms:>8.3} {rank_ms:>9.3} {:>8} {distinct:>9}",
            total
        );
    }
    println!("    (distinct = distinct (terms, score) pairs among the hits; the rest tie and keep the default order)");
    println!(
        "    (the empty query skips search and rank: it filters the precomputed default order)"
    );
}

fn markdown(rows: &[Row], repeats: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Native (`cargo bench --bench search`, profile.bench: opt-level 3, LTO; median of {repeats} run(s) per keystroke)\n");
    let _ = writeln!(
        s,
        "| N | records | vocabulary | bundle (raw bytes) | decode ms | index build ms | keystrokes | median ms | p95 ms | max ms | empty query ms |"
    );
    let _ = writeln!(
        s,
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for r in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {:.3} | {:.3} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            r.n,
            r.records,
            r.vocabulary,
            r.bundle_bytes,
            r.decode_ms,
            r.build_ms,
            r.keystrokes,
            r.median_ms,
            r.p95_ms,
            r.max_ms,
            r.empty_ms
        );
    }
    s
}

fn json(rows: &[Row], repeats: usize, keystrokes: usize) -> String {
    let mut s = format!("{{\"repeats\":{repeats},\"keystrokes\":{keystrokes},\"rows\":[");
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let counts: Vec<String> = r
            .final_counts
            .iter()
            .map(|(q, c)| format!("{}:{c}", json_str(q)))
            .collect();
        let _ = write!(
            s,
            "{{\"n\":{},\"records\":{},\"vocabulary\":{},\"bundle_bytes\":{},\"compile_ms\":{:.3},\"decode_ms\":{:.3},\"build_ms\":{:.3},\
             \"keystrokes\":{},\"median_ms\":{:.4},\"p95_ms\":{:.4},\"max_ms\":{:.4},\"max_query\":{},\"empty_ms\":{:.4},\
             \"results_for_final_queries\":{{{}}}}}",
            r.n,
            r.records,
            r.vocabulary,
            r.bundle_bytes,
            r.compile_ms,
            r.decode_ms,
            r.build_ms,
            r.keystrokes,
            r.median_ms,
            r.p95_ms,
            r.max_ms,
            json_str(&r.max_query),
            r.empty_ms,
            counts.join(",")
        );
    }
    s.push_str("]}\n");
    s
}
