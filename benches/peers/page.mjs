// One JavaScript library, one data set, one page load (see index.html).
//
// speed:   fetch the records and benches/keystrokes.txt, build the library's
//          index (up to 3 times, median), then type and delete every query one
//          character at a time, timing each search call; each keystroke's time
//          is the median of `reps` runs of the script over the same index.
//          When the whole script would take longer than `budget` ms, only
//          every k-th keystroke is timed (k reported), so slow libraries at
//          100k still finish; each timed keystroke is still one search call.
// quality: run each labelled query once (whole query) and report the top 10.
//
// The empty query (after deleting everything) returns every record in order,
// as the app shows the whole directory; it is timed like any other keystroke.

import { libraries, load } from './adapters.mjs';
import { keystrokes, queries, median, percentile } from './script.mjs';

const params = new URLSearchParams(location.search);
const name = params.get('lib');
const dataUrl = params.get('data');
const mode = params.get('mode') ?? 'speed';
const reps = Math.max(1, Number(params.get('reps') ?? 3));
const budget = Number(params.get('budget') ?? 30000);
const status = (s) => { document.getElementById('status').textContent = s; };
const heap = () => performance.memory?.usedJSHeapSize ?? 0;
const gc = () => globalThis.gc?.();

async function run() {
  const lib = libraries[name];
  if (!lib) throw new Error(`unknown library ${name}`);
  status(`${name}: loading`);
  const mod = await load(name);
  const data = await (await fetch(dataUrl)).json();
  const n = data.records.length;
  const lawEnforcement = new Uint8Array(n);
  data.records.forEach((r, i) => { lawEnforcement[i] = r.law_enforcement ? 1 : 0; });
  const all = Array.from({ length: n }, (_, i) => i);
  // What the results list gets: ranked record numbers, law-enforcement lines
  // left out (Waypoint's find does the same), everything for an empty query.
  const find = (index, q) => (q.trim() === '' ? all : lib.search(index, q)).filter((i) => !lawEnforcement[i]);

  if (mode === 'quality') {
    const labelled = JSON.parse(params.get('queries') ?? 'null') ?? (await (await fetch(params.get('queries_url'))).json());
    const index = lib.build(mod, data);
    const top = labelled.map((q) => find(index, q).slice(0, 10).map((i) => data.records[i].id));
    return { lib: name, mode, top };
  }

  const script = await (await fetch('/keystrokes.txt')).text();
  const keys = keystrokes(queries(script));

  // Build: the records are already parsed JS objects (any JS library needs
  // them in the heap); the heap they take is the baseline.
  gc();
  const heapRecords = heap();
  let peak = heapRecords;
  status(`${name}: building`);
  const builds = [];
  let index = null;
  for (let b = 0; b < 3; b++) {
    index = null;
    gc();
    const t = performance.now();
    index = lib.build(mod, data);
    builds.push(performance.now() - t);
    peak = Math.max(peak, heap());
    // One build is enough when it alone takes a quarter of the budget.
    if (builds[0] > budget / 4) break;
  }
  gc();
  const heapIndex = heap() - heapRecords;

  // How long one run of the script would take: time a spread of keystrokes
  // (every 16th, at most half the budget). A library too slow to type the
  // whole script `reps` times within the budget is timed on every k-th
  // keystroke; one too slow even for every 16th keystroke 3 times keeps the
  // probe's own timings (one run, at least 3 keystrokes).
  const probeStride = 16;
  const probe = [];
  const probeStart = performance.now();
  // Visited in bit-reversed order, so a probe cut short still spreads over
  // the whole script; reported in script order.
  const reverse = (i) => parseInt(i.toString(2).padStart(8, '0').split('').reverse().join(''), 2);
  const spread = keys.map((q, k) => k).filter((k) => k % probeStride === 0).sort((a, b) => reverse(a / probeStride) - reverse(b / probeStride));
  for (const k of spread) {
    const t = performance.now();
    find(index, keys[k]);
    probe.push({ k, ms: performance.now() - t });
    peak = Math.max(peak, heap());
    if (probe.length >= 3 && performance.now() - probeStart > budget / 2) break;
  }
  probe.sort((a, b) => a.k - b.k);
  const perKeyMs = probe.reduce((a, p) => a + p.ms, 0) / probe.length;
  let stride = Math.max(1, Math.ceil((perKeyMs * keys.length * reps) / budget));
  let runs = reps;
  let timed;
  const perKey = [];
  const counts = {};
  const fullQueries = new Set(queries(script));
  if (stride > probeStride) {
    stride = probeStride;
    runs = 1;
    timed = probe.map((p) => p.k);
    for (const p of probe) perKey.push([p.ms]);
  } else {
    timed = keys.map((q, k) => k).filter((k) => k % stride === 0);
    status(`${name}: typing (${timed.length} keystrokes, ${reps} runs)`);
    timed.forEach(() => perKey.push([]));
    for (let rep = 0; rep < reps; rep++) {
      for (let j = 0; j < timed.length; j++) {
        const q = keys[timed[j]];
        const t = performance.now();
        const ids = find(index, q);
        perKey[j].push(performance.now() - t);
        if (rep === 0 && fullQueries.has(q)) counts[q] = ids.length;
        peak = Math.max(peak, heap());
      }
    }
  }
  const times = perKey.map((v) => median(v));
  const sorted = [...times].sort((a, b) => a - b);
  const slowest = times.map((ms, j) => ({ query: keys[timed[j]], ms })).sort((a, b) => b.ms - a.ms).slice(0, 5);
  return {
    lib: name,
    mode,
    n,
    build_ms: median(builds),
    builds: builds.length,
    keystrokes: timed.length,
    script_keystrokes: keys.length,
    stride,
    reps: runs,
    median_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    max_ms: sorted[sorted.length - 1],
    heap_records_bytes: heapRecords,
    heap_index_bytes: heapIndex,
    heap_peak_bytes: peak,
    slowest,
    results_for_final_queries: counts,
  };
}

run()
  .then((r) => { status('done'); document.getElementById('result').textContent = JSON.stringify(r); })
  .catch((e) => { status('failed'); document.getElementById('result').textContent = JSON.stringify({ error: String(e?.stack ?? e) }); });
