// The in-browser search benchmark: Waypoint's search compiled to wasm, side
// by side with the leading JavaScript fuzzy-search libraries (uFuzzy,
// Fuse.js, MiniSearch, FlexSearch: npm dev dependencies, configured in
// benches/peers/adapters.mjs), in headless Chromium, on the same generated
// records and the same keystroke script (benches/keystrokes.txt, typed and
// deleted one character at a time), unthrottled and with the CPU throttled
// 4x. Then the result quality of each library on the labelled query set
// (tests/fixtures/ranking-queries.toml over data/), and Waypoint's
// input-to-paint in the real app (dist/) with a 10k directory.
//
//   node benches/browser-bench.mjs            # N = 1000, 10000, 100000
//   WAYPOINT_BENCH_SIZES=1000,10000 node benches/browser-bench.mjs
//   WAYPOINT_BENCH_LIBS=ufuzzy,fuse           # peers to run (default: all)
//   WAYPOINT_BENCH_PARTS=waypoint,peers,quality,paint   # default: all
//   WAYPOINT_BENCH_THROTTLES=1,4              # CPU slowdowns (default 1,4)
//
// Every request is served from this machine by the bench's own server:
// the wasm page from target/bench-dist, the peers' page from benches/peers/,
// the libraries' dist files from node_modules/, the data from
// target/bench-data/browser/, the app from dist/ (or target/bench-app).
//
// Writes benches/RESULTS.md (with the native table from
// target/bench-results/native.md when `make bench` produced it just before)
// and the raw figures to target/bench-results/browser.json.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { libraries } from './peers/adapters.mjs';
import { keystrokes, median, percentile, queries } from './peers/script.mjs';

const root = new URL('..', import.meta.url).pathname;
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const sizes = list('WAYPOINT_BENCH_SIZES', '1000,10000,100000').map(Number);
const libs = list('WAYPOINT_BENCH_LIBS', Object.keys(libraries).join(','));
const parts = new Set(list('WAYPOINT_BENCH_PARTS', 'waypoint,peers,quality,paint'));
const throttles = list('WAYPOINT_BENCH_THROTTLES', '1,4').map(Number);
const seed = 42;
const reps = 3;
const paintSize = 10000;
const dist = join(root, 'target/bench-dist');
const data = join(root, 'target/bench-data/browser');
const results = join(root, 'target/bench-results');
const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function run(cmd, args, extraEnv = {}) {
  return execFileSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
}
const waypoint = (...args) => run('cargo', ['run', '--quiet', '--release', '--bin', 'waypoint', '--', ...args], { WAYPOINT_SHARDS: 'never' });
const benchTool = (...args) => run('cargo', ['run', '--quiet', '--release', '--bin', 'waypoint-bench', '--', ...args]);

console.log('building the benchmark page (trunk)…');
run('trunk', ['build', '--release', '--offline', '--dist', dist, 'benches/browser/index.html']);

// The data: one bundle per size (one file, never split by state, so every
// library sees all N records), and the text each record is searched by.
for (const n of sizes) {
  console.log(`generating ${n} fictional services…`);
  const gen = join(root, 'target/bench-gen', `n${n}`);
  const out = join(data, `n${n}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  waypoint('generate', '--services', String(n), '--seed', String(seed), '--out', gen);
  waypoint('build', '--providers', join(gen, 'providers'), '--allow-fictional', '--out', out);
  benchTool('export-records', join(out, 'site.bin'), join(out, 'records.json'));
}
const defaultData = join(data, 'default');
if (parts.has('quality')) {
  rmSync(defaultData, { recursive: true, force: true });
  mkdirSync(defaultData, { recursive: true });
  waypoint('build', '--data', 'data', '--out', defaultData);
  // The labelled queries are in twelve languages: every library sees the
  // records as the page has them once each language's files have arrived.
  benchTool('export-records', join(defaultData, 'site.bin'), join(defaultData, 'records.json'), 'all-languages');
  benchTool('rank', join(defaultData, 'site.bin'), 'tests/fixtures/ranking-queries.toml', join(defaultData, 'waypoint-ranked.json'));
}

// The real app with a generated directory in place of the default one.
const app = join(root, 'target/bench-app');
let appNote = '';
if (parts.has('paint')) {
  rmSync(app, { recursive: true, force: true });
  if (existsSync(join(root, 'dist/index.html'))) {
    cpSync(join(root, 'dist'), app, { recursive: true });
    appNote = `dist/ as built by \`make dist\` (${new Date(statSync(join(root, 'dist/index.html')).mtimeMs).toISOString().slice(0, 16)} UTC)`;
  } else {
    console.log('building the app (trunk; run `make dist` first to reuse dist/)…');
    if (!existsSync(join(root, 'target/site-data/site.bin'))) waypoint('build', '--data', 'data', '--out', 'target/site-data');
    run('trunk', ['build', '--release', '--offline', '--dist', app]);
    appNote = 'built by `trunk build --release` for this run';
  }
  rmSync(join(app, 'site-data'), { recursive: true, force: true });
  const out = join(data, `n${paintSize}`);
  if (!existsSync(join(out, 'site.bin'))) throw new Error(`input-to-paint needs N=${paintSize} in WAYPOINT_BENCH_SIZES`);
  mkdirSync(join(app, 'site-data'));
  for (const f of readdirSync(out).filter((f) => f.endsWith('.bin'))) cpSync(join(out, f), join(app, 'site-data', f));
}

// Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs
// resolution instead of Chromium's default 100 µs, which would round most
// keystrokes to zero.
const peerPackages = new Set(Object.values(libraries).map((l) => l.package));
function resolve(pathname) {
  const inside = (base, rest) => {
    const p = normalize(join(base, rest));
    return p.startsWith(base) ? p : null;
  };
  if (pathname.startsWith('/peers/')) return inside(join(root, 'benches/peers'), pathname.slice('/peers/'.length));
  if (pathname.startsWith('/bench-data/')) return inside(data, pathname.slice('/bench-data/'.length));
  if (pathname.startsWith('/node_modules/')) {
    const rest = pathname.slice('/node_modules/'.length);
    const pkg = rest.startsWith('@') ? rest.split('/').slice(0, 2).join('/') : rest.split('/')[0];
    if (!peerPackages.has(pkg) || !rest.slice(pkg.length).startsWith('/dist/')) return null;
    return inside(join(root, 'node_modules'), rest);
  }
  return inside(dist, pathname.slice(1));
}
const types = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain',
  '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml',
};
// The app uses absolute paths (/waypoint-web-….js), so it gets a server of its own.
const serve = (resolvePath) => createServer((req, res) => {
  const path = resolvePath(decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html')));
  if (!path || !existsSync(path) || !statSync(path).isFile()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  });
  res.end(readFileSync(path));
});
const listen = async (server) => {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${server.address().port}`;
};
const server = serve(resolve);
const base = await listen(server);
const appServer = serve((pathname) => {
  const p = normalize(join(app, pathname.slice(1)));
  return p.startsWith(app) ? p : null;
});
const appBase = await listen(appServer);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info',
    // window.gc(), so the peers' retained index size is measured after a collection.
    '--js-flags=--expose-gc'],
});
const chromiumVersion = `Chromium ${browser.version()}`;

/** Opens a page with the CPU throttled, waits for `#result`, returns its JSON. */
async function measure(url, throttle, extra = async () => ({})) {
  const page = await browser.newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(base + url);
    await page.waitForFunction(() => document.getElementById('result')?.textContent.length > 0, null, { timeout: 900_000, polling: 250 });
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('page is not cross-origin isolated: timer too coarse');
    const result = JSON.parse(await page.textContent('#result'));
    if (result.error) throw new Error(`${url}: ${result.error}`);
    return { ...result, ...(await extra(page, cdp)) };
  } finally {
    await page.close();
  }
}

// Time for typing the script `reps` times in one peer's page: past it, only
// every k-th keystroke is timed (the table says how many were).
const typingBudget = (n, throttle) => (n >= 100000 ? 15000 : n >= 10000 ? 10000 : 6000) * (throttle > 1 ? 2 : 1);
const skipped = [];
const wasmRows = [];
const peerRows = [];
let quality = null;
let paint = [];
try {
  if (parts.has('waypoint')) {
    for (const n of sizes) {
      for (const throttle of throttles) {
        const r = await measure(`/?n=${n}&reps=${reps}`, throttle, async (page, cdp) => {
          const heap = await cdp.send('Runtime.getHeapUsage');
          const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
          return { heapMB: Math.max(heap.usedSize, memory) / 1048576 };
        });
        wasmRows.push({ ...r, throttle });
        console.log(`[${elapsed()}] Waypoint n=${n} ${throttle}x: build ${r.build_ms.toFixed(1)} ms, median ${r.median_ms.toFixed(3)} ms, p95 ${r.p95_ms.toFixed(3)} ms, max ${r.max_ms.toFixed(3)} ms`);
      }
    }
  }

  if (parts.has('peers')) {
    for (const n of sizes) {
      for (const throttle of throttles) {
        for (const lib of libs) {
          // Fuse.js takes seconds a keystroke at 100k (about 20 s throttled):
          // its 100k runs are unthrottled only.
          if (n >= 100000 && throttle > 1 && libraries[lib].package === 'fuse.js') {
            skipped.push(`${libraries[lib].label} at ${n} with ${throttle}x CPU`);
            continue;
          }
          const budget = typingBudget(n, throttle);
          const r = await measure(`/peers/?lib=${lib}&data=/bench-data/n${n}/records.json&reps=${reps}&budget=${budget}`, throttle);
          // `size`: the N asked for; `r.n` counts the records the page
          // loaded, which include the default data's nationwide services.
          peerRows.push({ ...r, throttle, size: n });
          console.log(`[${elapsed()}] ${libraries[lib].label} n=${n} ${throttle}x: build ${r.build_ms.toFixed(1)} ms, ${r.keystrokes} keystrokes, median ${r.median_ms.toFixed(3)} ms, p95 ${r.p95_ms.toFixed(3)} ms, max ${r.max_ms.toFixed(3)} ms`);
        }
      }
    }
  }

  if (parts.has('quality')) {
    const ranked = JSON.parse(readFileSync(join(defaultData, 'waypoint-ranked.json'), 'utf8'));
    const texts = ranked.map((q) => q.text);
    quality = { queries: ranked, libs: { waypoint: ranked.map((q) => q.top) } };
    for (const lib of libs) {
      const r = await measure(`/peers/?lib=${lib}&data=/bench-data/default/records.json&mode=quality&queries=${encodeURIComponent(JSON.stringify(texts))}`, 1);
      quality.libs[lib] = r.top;
    }
  }

  if (parts.has('paint')) {
    paint = await inputToPaint();
  }
} finally {
  await browser.close();
  server.close();
  appServer.close();
}

// Input-to-paint in the real app: type the keystroke script into the search
// box, one key at a time, and time each key from the keydown event (or the
// input event for characters Playwright inserts without a key) to the next
// frame: requestAnimationFrame fires before the frame is drawn, a task queued
// from it runs once the frame's main-thread work (style, layout, paint) is
// done. Also: to the results' first DOM change, and the Event Timing API's
// duration (keydown to the frame presented, 8 ms granularity).
async function inputToPaint() {
  const script = readFileSync(join(root, 'benches/keystrokes.txt'), 'utf8');
  const keys = keystrokes(queries(script));
  const out = [];
  for (const throttle of throttles) {
    const perKey = keys.map(() => ({ paint: [], dom: [], event: [] }));
    for (let rep = 0; rep < (throttle === 1 ? reps : 1); rep++) {
      const page = await browser.newPage();
      try {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.addInitScript(() => {
          const marks = (window.__paint = []);
          let keydown = null;
          let pending = null;
          document.addEventListener('keydown', (e) => { keydown = e.timeStamp; }, true);
          document.addEventListener('input', (e) => {
            if (e.target?.id !== 'search-input') return;
            const mark = { start: keydown ?? e.timeStamp, input: performance.now(), dom: null, paint: null, event: null };
            keydown = null;
            pending = mark;
            requestAnimationFrame(() => setTimeout(() => { mark.paint = performance.now(); marks.push(mark); }, 0));
          }, true);
          new MutationObserver(() => {
            if (pending && pending.dom == null) pending.dom = performance.now();
          }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
          window.__events = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.name === 'keydown') window.__events.push({ name: e.name, start: e.startTime, duration: e.duration });
          }).observe({ type: 'event', durationThreshold: 16, buffered: true });
        });
        await page.goto(`${appBase}/`);
        await page.waitForSelector('#search-input', { timeout: 120_000 });
        if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('app page is not cross-origin isolated');
        // The whole directory is listed before anything is typed.
        await page.waitForSelector('.results ol.cards > *', { timeout: 120_000 });
        const status = await page.textContent('#results-status');
        if (rep === 0) console.log(`  app loaded: "${status}"`);
        await page.click('#search-input');
        let typed = '';
        for (let k = 0; k < keys.length; k++) {
          const next = keys[k];
          if (next.length > typed.length) {
            const c = [...next].slice([...typed].length)[0];
            await page.keyboard.type(c);
          } else {
            await page.keyboard.press('Backspace');
          }
          typed = next;
          await page.waitForFunction((k) => window.__paint.length > k, k, { polling: 'raf', timeout: 60_000 });
          await page.waitForTimeout(20);
        }
        const value = await page.inputValue('#search-input');
        if (value !== '') throw new Error(`typing went wrong: the box holds ${JSON.stringify(value)}`);
        const marks = await page.evaluate(() => window.__paint);
        const events = await page.evaluate(() => window.__events);
        marks.forEach((m, k) => {
          perKey[k].paint.push(m.paint - m.start);
          if (m.dom != null) perKey[k].dom.push(m.dom - m.start);
        });
        const keydowns = keys.filter((k, i) => k.length < (keys[i - 1] ?? '').length || /^[\x20-\x7e]$/.test([...k].at(-1) ?? '')).length;
        out.push({ throttle, rep, keydowns, slowEvents: events.length, slowEventMax: Math.max(0, ...events.map((e) => e.duration)) });
      } finally {
        await page.close();
      }
    }
    const paintTimes = perKey.map((v) => median(v.paint)).sort((a, b) => a - b);
    const domTimes = perKey.filter((v) => v.dom.length).map((v) => median(v.dom)).sort((a, b) => a - b);
    const row = {
      throttle,
      runs: out.filter((o) => o.throttle === throttle).length,
      keystrokes: keys.length,
      paint_median: percentile(paintTimes, 50), paint_p95: percentile(paintTimes, 95), paint_max: paintTimes[paintTimes.length - 1],
      dom_median: percentile(domTimes, 50), dom_p95: percentile(domTimes, 95), dom_keys: domTimes.length,
      slow_events: out.filter((o) => o.throttle === throttle).map((o) => `${o.slowEvents}/${o.keydowns}`),
      slow_event_max: Math.max(...out.filter((o) => o.throttle === throttle).map((o) => o.slowEventMax)),
    };
    console.log(`[${elapsed()}] input-to-paint n=${paintSize} ${throttle}x: median ${row.paint_median.toFixed(2)} ms, p95 ${row.paint_p95.toFixed(2)} ms; to DOM median ${row.dom_median.toFixed(2)} ms, p95 ${row.dom_p95.toFixed(2)} ms`);
    out.rows = [...(out.rows ?? []), row];
  }
  return out.rows;
}

// ---------------------------------------------------------------- report
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? 'unknown CPU';
const commit = run('git', ['rev-parse', '--short', 'HEAD']).trim();
const dirty = run('git', ['status', '--porcelain', '--untracked-files=no']).trim() !== '';
const fmt = (x, d = 3) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(d));
const mb = (b) => fmt(b / 1048576, 1);
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (b) => `${(b / 1024).toFixed(1)}`;

const versionOf = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const wasmFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.wasm')).map((f) => join(dir, f)) : []);
const benchWasm = wasmFiles(dist)[0];
const appWasm = wasmFiles(join(root, 'dist'))[0] ?? wasmFiles(app)[0];

const wasmTable = [
  '| N | CPU | decode ms | index build ms | keystrokes | median ms | p95 ms | max ms | JS heap MB | wasm memory MB |',
  '|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...wasmRows.map((r) => `| ${r.n} | ${r.throttle}x | ${fmt(r.decode_ms ?? 0)} | ${fmt(r.build_ms, 1)} | ${r.keystrokes} | ${fmt(r.median_ms)} | ${fmt(r.p95_ms)} | ${fmt(r.max_ms)} | ${fmt(r.heapMB, 1)} | ${mb(r.wasm_memory_peak_bytes ?? 0)} |`),
].join('\n');

const wp = (n, throttle) => wasmRows.find((r) => r.n === n && r.throttle === throttle);
const ratio = (peer, own) => (own > 0 ? `${(peer / own).toFixed(peer / own >= 10 ? 0 : 1)}x` : '–');
const peerTable = [
  '| N | CPU | library | index build ms | keystrokes timed | median ms | p95 ms | max ms | code gzip KB | index heap MB | peak JS heap MB | median ÷ Waypoint | p95 ÷ Waypoint |',
  '|---:|:---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const n of sizes) {
  for (const throttle of throttles) {
    const own = wp(n, throttle);
    if (own) {
      peerTable.push(`| ${n} | ${throttle}x | **Waypoint** (wasm) | ${fmt(own.build_ms, 1)} | ${own.keystrokes} | ${fmt(own.median_ms)} | ${fmt(own.p95_ms)} | ${fmt(own.max_ms)} | ${benchWasm ? kb(gz(benchWasm)) : '–'}¹ | ${mb((own.wasm_memory_built_bytes ?? 0) - (own.wasm_memory_start_bytes ?? 0))}² | ${fmt(own.heapMB, 1)} (wasm ${mb(own.wasm_memory_peak_bytes ?? 0)}) | 1x | 1x |`);
    }
    for (const r of peerRows.filter((r) => r.size === n && r.throttle === throttle)) {
      const lib = libraries[r.lib];
      const timed = r.stride > 1 ? `${r.keystrokes} of ${r.script_keystrokes} (every ${r.stride}th${r.reps < reps ? `, ${r.reps} run` : ''})` : `${r.keystrokes}`;
      peerTable.push(`| ${n} | ${throttle}x | ${lib.label} ${versionOf(lib.package)} | ${fmt(r.build_ms, 1)}${r.builds < 3 ? ` (${r.builds} build)` : ''} | ${timed} | ${fmt(r.median_ms)} | ${fmt(r.p95_ms)} | ${fmt(r.max_ms)} | ${kb(gz(join(root, 'node_modules', lib.file)))} | ${mb(r.heap_index_bytes)} | ${mb(r.heap_peak_bytes)} | ${own ? ratio(r.median_ms, own.median_ms) : '–'} | ${own ? ratio(r.p95_ms, own.p95_ms) : '–'} |`);
    }
  }
}

let qualityTable = '';
if (quality) {
  const rows = [['waypoint', 'Waypoint'], ...libs.map((l) => [l, libraries[l].label])];
  const hit = (tops, k) => quality.queries.filter((q, i) => q.expect_top.some((id) => tops[i].slice(0, k).includes(id))).length;
  const total = quality.queries.length;
  qualityTable = [
    '| library | top 1 | top 3 | top 5 | queries missed in the top 5 |',
    '|:---|---:|---:|---:|:---|',
    ...rows.map(([key, label]) => {
      const tops = quality.libs[key];
      const missed = quality.queries.filter((q, i) => !q.expect_top.some((id) => tops[i].slice(0, 5).includes(id))).map((q) => `\`${q.text}\``);
      const pct = (k) => `${hit(tops, k)}/${total} (${Math.round((100 * hit(tops, k)) / total)}%)`;
      return `| ${label} | ${pct(1)} | ${pct(3)} | ${pct(5)} | ${missed.join(', ') || '–'} |`;
    }),
  ].join('\n');
}

const paintTable = paint.length
  ? [
      '| N | CPU | keystrokes | runs | keydown → next frame: median ms | p95 ms | max ms | keydown → results in the DOM: median ms | p95 ms | keydowns with Event Timing duration ≥ 16 ms (per run) |',
      '|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...paint.map((r) => `| ${paintSize} | ${r.throttle}x | ${r.keystrokes} | ${r.runs} | ${fmt(r.paint_median, 2)} | ${fmt(r.paint_p95, 2)} | ${fmt(r.paint_max, 2)} | ${fmt(r.dom_median, 2)} | ${fmt(r.dom_p95, 2)} | ${r.slow_events.join(', ')}${r.slow_event_max ? ` (longest ${r.slow_event_max} ms)` : ''} |`),
    ].join('\n')
  : '_Not run (WAYPOINT_BENCH_PARTS without `paint`)._';

const nativePath = join(results, 'native.md');
const native = existsSync(nativePath) ? readFileSync(nativePath, 'utf8').trim() : '_Run `make bench` for the native table._';
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'browser.json'), JSON.stringify({ wasmRows, peerRows, quality, paint }, null, 1));

// `make bench-load` (benches/load.mjs) owns the section between its markers;
// it is kept as it is when this script rewrites the rest.
const resultsPath = join(root, 'benches/RESULTS.md');
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
const loadSection = previous.match(/<!-- bench-load: start[\s\S]*?<!-- bench-load: end -->\n?/)?.[0] ?? '';
// The issue's targets, row by row (written by hand from both benches' figures), kept the same way.
const targetsSection = previous.match(/<!-- targets: start[\s\S]*?<!-- targets: end -->\n?/)?.[0] ?? '';
const configs = Object.entries(libraries).filter(([k]) => libs.includes(k)).map(([, l]) => `\`${l.package}@${versionOf(l.package)}\` (\`${l.file.split('/').slice(-2).join('/')}\`)`);
writeFileSync(resultsPath, `# Search benchmark results

Written by \`make bench\` (\`cargo bench --bench search\`, then \`node benches/browser-bench.mjs\`).
Fictional generated services (\`waypoint generate --seed ${seed}\`, built with \`WAYPOINT_SHARDS=never\` so the
bundle holds all N), the keystroke script in \`benches/keystrokes.txt\` typed and deleted one character at a time
(${keystrokes(queries(readFileSync(join(root, 'benches/keystrokes.txt'), 'utf8'))).length} keystrokes); for Waypoint
each keystroke is one \`Site::find\` call, the call the UI makes.

- date: ${new Date().toISOString().slice(0, 10)}
- commit: ${commit}${dirty ? ' (with uncommitted changes)' : ''}
- machine: ${cpus().length} cores, ${cpu}; other work was running, so **the figures are noisy**: every figure is a
  median of ${reps} runs (per keystroke: the median of its ${reps} timings; then the median, p95 and max over keystrokes)
- browser: ${chromiumVersion}, headless; "4x" is CDP CPU throttling (\`Emulation.setCPUThrottlingRate\`)
- bench run time: ${elapsed()}

## Waypoint against JavaScript fuzzy-search libraries (headless Chromium)

Every library indexes the same text for each record: what Waypoint's \`documents()\` (src/site.rs) indexes, exported
by \`waypoint-bench export-records\` as four fields (name; service labels and keywords in English and Spanish;
domains, populations, languages and places in both languages; descriptions). Each library is configured as its
own documentation recommends for fuzzy search over several fields (benches/peers/adapters.mjs says how and why);
each keystroke times only the library's search call(s) up to a ranked list of record ids (no DOM). Peers:
${configs.join(', ')}.

${peerTable.join('\n')}

- Index build: for peers, from the parsed records (already JS objects) to a searchable index; for Waypoint,
  \`Site::new\` from the decoded bundle (decoding is in the next table).
- Keystrokes timed: a library that would need more than its time budget (${typingBudget(1000, 1) / 1000} s at 1k, ${typingBudget(10000, 1) / 1000} s at
  10k, ${typingBudget(100000, 1) / 1000} s at 100k; twice that throttled) for ${reps} runs of the script is timed on every k-th keystroke
  only (same script, same order); one too slow even for every 16th keystroke ${reps} times is timed once on every
  16th keystroke, as many as fit in half the budget (at least 3), spread over the script.${skipped.length ? `
- Not run: ${skipped.join('; ')} (several seconds a keystroke unthrottled; throttled it would take minutes).` : ''}
- Code gzip: the library's dist file as loaded (gzip -9). ¹ Waypoint: the benchmark's wasm (bundle decoder,
  search and the timing harness, no UI); the app's whole wasm including the UI is
  ${appWasm ? `${kb(gz(appWasm))} KB gzip (${kb(statSync(appWasm).size)} KB raw)` : 'not built'}.
- Index heap: JS heap retained by the index after a garbage collection, over the records' own heap. ² Waypoint:
  wasm linear memory grown by \`Site::new\` (the index; the decoded bundle was already there). Peak JS heap: the
  largest JS heap seen after the build and after each keystroke (records included); for Waypoint also the peak
  wasm memory (bundle, decoded directory, index).
- ÷ Waypoint: the library's figure divided by Waypoint's at the same N and CPU (above 1x: Waypoint is faster).

## Result quality (labelled queries)

The ${quality ? quality.queries.length : ''} queries of \`tests/fixtures/ranking-queries.toml\` over the default data (\`data/\`,
26 services), each run once as a whole query; a query counts when one of its expected services is among the
first k results. Law-enforcement lines are left out of every library's results, as Waypoint's are. The set was
written alongside Waypoint's ranking (\`tests/ranking.rs\` requires all of it in Waypoint's top 3), so it
favours Waypoint; it measures that the peers' speed is not bought with worse answers, not the reverse.

${qualityTable || '_Not run._'}

## Input-to-paint in the app (Waypoint, ${paintSize} services)

The real app (${appNote || 'not run'}) with the generated ${paintSize}-service bundle as \`site-data/site.bin\`;
Playwright types the keystroke script into \`#search-input\` one key at a time (waiting for each frame). Per key:
from the keydown event's timestamp (the input event's, for characters inserted without a key) to the end of the
next frame's main-thread work (\`requestAnimationFrame\` then a task), and to the first DOM change. Discrete key
events are not aligned to frames, so "to the next frame" includes waiting up to one frame interval (16.7 ms in
headless Chromium) for the frame after the results are in the DOM. The Event Timing API's duration (keydown to
the frame presented, in 8 ms steps; it reports nothing under 16 ms) counts the keydowns that took 16 ms or more.

${paintTable}

## Waypoint in headless Chromium (wasm, release build, wasm-opt -Oz)

${wasmTable}

JS heap is the page's JavaScript heap; wasm memory is the wasm linear memory at the end of the run (it never shrinks, so this is its peak: the decoded bundle, the index and the searcher's scratch).

## Native

${native}
${loadSection ? `\n${loadSection}` : ''}${targetsSection ? `\n${targetsSection}` : ''}`);
console.log('\n' + peerTable.join('\n') + '\n\n' + qualityTable + '\n\n' + paintTable + '\n\n' + wasmTable + `\n\nwrote benches/RESULTS.md (${elapsed()})`);
