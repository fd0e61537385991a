//! The in-browser search benchmark, built for wasm32 by Trunk from
//! benches/browser/index.html and driven by benches/browser-bench.mjs.
//!
//! Page URL: `index.html?n=<N>[&reps=<R>]`. Fetches `bench-data/n<N>/site.bin`,
//! decodes it, times `Site::new` (the index build), fetches `keystrokes.txt`,
//! then types each query one character at a time and deletes it one
//! character at a time, timing each `site.find` call (the UI's per-keystroke
//! call) with `performance.now()`. Each keystroke's time is the median over R
//! runs of the script (default 1), each on a fresh searcher. The result is
//! written as JSON into `<pre id="result">`.

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let text = match bench::run().await {
            Ok(json) => json,
            Err(e) => format!("{{\"error\":{}}}", script::json_str(&e)),
        };
        bench::show(&text);
    });
}

#[path = "../../../../benches/support/script.rs"]
mod script;

mod bench {
    use crate::script::{json_str, keystrokes, median, percentile, queries};
    use std::fmt::Write as _;

    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use waypoint_core::bundle::Bundle;
    use waypoint_core::filter::Filters;
    use waypoint_core::site::Site;

    /// `performance.now()`, reached through Reflect: the web-sys
    /// `Performance` feature is not enabled in Cargo.toml.
    struct Clock {
        performance: JsValue,
        now: js_sys::Function,
    }

    impl Clock {
        fn new() -> Result<Clock, String> {
            let window: JsValue = web_sys::window().ok_or("no window")?.into();
            let performance = js_sys::Reflect::get(&window, &"performance".into())
                .map_err(|_| "no performance")?;
            let now = js_sys::Reflect::get(&performance, &"now".into())
                .map_err(|_| "no performance.now")?
                .dyn_into::<js_sys::Function>()
                .map_err(|_| "performance.now is not a function")?;
            Ok(Clock { performance, now })
        }

        fn now(&self) -> f64 {
            self.now
                .call0(&self.performance)
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(f64::NAN)
        }
    }

    pub fn show(text: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let pre = match document.get_element_by_id("result") {
            Some(pre) => pre,
            None => {
                let Ok(pre) = document.create_element("pre") else {
                    return;
                };
                pre.set_id("result");
                if let Some(body) = document.body() {
                    let _ = body.append_child(&pre);
                }
                pre
            }
        };
        pre.set_text_content(Some(text));
    }

    fn status(text: &str) {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("status"))
        {
            el.set_text_content(Some(text));
        }
    }

    async fn fetch(path: &str) -> Result<web_sys::Response, String> {
        let window = web_sys::window().ok_or("no window")?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
            .await
            .map_err(|_| format!("could not load {path}"))?
            .dyn_into()
            .map_err(|_| format!("{path}: not a response"))?;
        if !response.ok() {
            return Err(format!("could not load {path}: HTTP {}", response.status()));
        }
        Ok(response)
    }

    async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
        let response = fetch(path).await?;
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| "no body")?)
            .await
            .map_err(|_| format!("could not read {path}"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    async fn fetch_text(path: &str) -> Result<String, String> {
        let response = fetch(path).await?;
        JsFuture::from(response.text().map_err(|_| "no body")?)
            .await
            .map_err(|_| format!("could not read {path}"))?
            .as_string()
            .ok_or_else(|| format!("{path}: not text"))
    }

    /// A `?name=value` parameter of the page URL.
    fn param(name: &str) -> Option<String> {
        let search = web_sys::window()?.location().search().ok()?;
        search.trim_start_matches('?').split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| v.to_string())
        })
    }

    /// Bytes of wasm linear memory (it only grows, so this is also the peak).
    fn wasm_memory_bytes() -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .ok()
            .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
            .map(|b| b.byte_length() as f64)
            .unwrap_or(f64::NAN)
    }

    fn num(x: f64) -> String {
        if x.is_finite() {
            format!("{x:.4}")
        } else {
            "null".into()
        }
    }

    pub async fn run() -> Result<String, String> {
        let clock = Clock::new()?;
        let n: usize = param("n")
            .and_then(|v| v.parse().ok())
            .ok_or("give the size as ?n=<N>")?;
        let reps: usize = param("reps")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1)
            .max(1);

        status(&format!("n={n}: loading"));
        let t = clock.now();
        let bytes = fetch_bytes(&format!("bench-data/n{n}/site.bin")).await?;
        let fetch_ms = clock.now() - t;
        let script = fetch_text("keystrokes.txt").await?;
        let queries = queries(&script);
        let keys = keystrokes(&queries);
        let memory_start = wasm_memory_bytes();

        let t = clock.now();
        let bundle = Bundle::decode(&bytes).map_err(|e| e.to_string())?;
        let decode_ms = clock.now() - t;
        let bundle_bytes = bytes.len();
        drop(bytes);
        let t = clock.now();
        let site = Site::new(bundle);
        let build_ms = clock.now() - t;
        let memory_built = wasm_memory_bytes();

        status(&format!("n={n}: typing"));
        let filters = Filters::default();
        let mut per_key: Vec<Vec<f64>> = vec![Vec::with_capacity(reps); keys.len()];
        let mut final_counts: Vec<(String, usize)> = Vec::new();
        for run in 0..reps {
            let mut searcher = site.searcher();
            for (k, q) in keys.iter().enumerate() {
                let t = clock.now();
                let results = site.find(&mut searcher, q, &filters);
                per_key[k].push(clock.now() - t);
                if run == 0
                    && queries.iter().any(|full| full == q)
                    && !final_counts.iter().any(|(f, _)| f == q)
                {
                    final_counts.push((q.clone(), results.services.len()));
                }
                drop(results);
            }
        }
        let times: Vec<f64> = per_key.iter_mut().map(|v| median(v)).collect();
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        let mut empty: Vec<f64> = keys
            .iter()
            .zip(&times)
            .filter(|(q, _)| q.is_empty())
            .map(|(_, t)| *t)
            .collect();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| times[b].total_cmp(&times[a]));

        let mut out = String::from("{");
        let _ = write!(
            out,
            "\"n\":{n},\"records\":{},\"vocabulary\":{},\"bundle_bytes\":{bundle_bytes},\"fetch_ms\":{},\"decode_ms\":{},\
             \"build_ms\":{},\"keystrokes\":{},\"reps\":{reps},\"median_ms\":{},\"p95_ms\":{},\"max_ms\":{},\"empty_ms\":{},\
             \"wasm_memory_start_bytes\":{},\"wasm_memory_built_bytes\":{},\"wasm_memory_peak_bytes\":{}",
            site.services().len(),
            site.index.vocabulary_size(),
            num(fetch_ms),
            num(decode_ms),
            num(build_ms),
            keys.len(),
            num(percentile(&sorted, 50.0)),
            num(percentile(&sorted, 95.0)),
            num(*sorted.last().unwrap_or(&f64::NAN)),
            num(median(&mut empty)),
            num(memory_start),
            num(memory_built),
            num(wasm_memory_bytes()),
        );
        let slowest: Vec<String> = order
            .iter()
            .take(5)
            .map(|&k| {
                format!(
                    "{{\"query\":{},\"ms\":{}}}",
                    json_str(&keys[k]),
                    num(times[k])
                )
            })
            .collect();
        let _ = write!(out, ",\"slowest\":[{}]", slowest.join(","));
        let counts: Vec<String> = final_counts
            .iter()
            .map(|(q, c)| format!("{}:{c}", json_str(q)))
            .collect();
        let _ = write!(
            out,
            ",\"results_for_final_queries\":{{{}}}}}",
            counts.join(",")
        );
        status(&format!("n={n}: done"));
        Ok(out)
    }
}
