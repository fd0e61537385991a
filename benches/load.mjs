// The load path as a slow phone sees it (issue 15): headless Chromium on
// Lighthouse's mobile profile (CDP network emulation: 150 ms latency,
// 1.6 Mbps down, 750 kbps up; CPU throttled 4x; a 360x640 touch phone)
// loads the site from scripts/serve.py, which sends the .br copies `make
// dist` wrote, as a CDN does. Per site, the median of RUNS runs, each in a
// fresh browser context (empty cache), of the bytes transferred (CDP
// Network.loadingFinished encodedDataLength) and the time from navigation
// start to
//   (a) the search box (#search-input) visible,
//   (b) the first results for a typed word ("housing", typed by the page's
//       own script the moment the box is there),
//   (c) the first results of a second word ("shelter", typed once (b) is on
//       screen),
// and, for the regional site, a run with nothing typed: the first local
// service on screen (the default view lists the home region's services once
// its first part arrives).
//
// Sites:
//   default   dist/ as `make dist` built it (the default data)
//   regional  3,000 generated services in one state (FL): `waypoint generate
//             --state FL --format hsds-csv`, imported, built with the
//             nationwide hotlines beside them
//   national  the 100k build benches/national.mjs makes (its site-data,
//             with today's dist/), throttled and also unthrottled (the
//             target is the unthrottled default view), with page memory
//
// Each site is served from its own folder under target/bench-load/sites/: a
// copy of dist/ with the site's data as site-data/; the data files that
// `make dist` did not compress get their .br (quality 11) and .gz (level 9)
// copies here, once, before any timing (kept by content hash in
// target/bench-load/compressed/ for the next run).
//
//   node benches/load.mjs                 (make bench-load; needs make dist)
//   BENCH_LOAD_RUNS=1 BENCH_LOAD_SITES=default,regional node benches/load.mjs
//
// Prints every figure, writes the "Load on a slow phone" section of
// benches/RESULTS.md (between its markers; the rest of the file is left
// alone) and the raw runs to target/bench-results/load.json.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { launchChromium, PHONE, serveDist } from '../scripts/layout-figures.mjs';
// The files `make dist` gives copies; its .gz are Zopfli, these zlib's best:
// the browser timed here takes the .br.
import { compressible } from '../scripts/precompress.mjs';
import { RESULTS_QUERY, SERVICE_QUERY } from '../tests/e2e/pages/layout.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root); // serveDist starts scripts/serve.py by its relative path
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const SITES = list('BENCH_LOAD_SITES', 'default,regional,national');
const NATIONAL_N = 100000;
// The words the layout figures and specs search for ("housing", then
// "shelter"): both find services a survivor is shown on every site here.
// ("legal" finds none on the default site: its legal entries are training
// for professionals, kept out of a survivor's results.)
const QUERIES = [RESULTS_QUERY, SERVICE_QUERY];
const STATE = 'CA'; // chosen after the searches on the national site, for memory
// Lighthouse's mobile ("Slow 4G") profile, applied with CDP.
const PROFILE = { latencyMs: 150, downKbps: 1600, upKbps: 750, cpu: 4 };
const TARGETS = { defaultTyped: 2000, regionalLocalMs: 3000, regionalLocalBytes: 250 * 1024, nationalReadyMs: 1000 };
const work = join(root, 'target/bench-load');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };

const median = (xs) => {
  const v = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(1)} KB`);
const ms = (t) => (t == null ? '–' : `${Math.round(t)} ms`);
const s = (t) => (t == null ? '–' : `${(t / 1000).toFixed(2)} s`);
const mb = (b) => (b == null ? '–' : `${(b / 1048576).toFixed(1)} MB`);

function waypoint(args, extraEnv = {}) {
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'waypoint', '--', ...args], { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
}

// ---------------------------------------------------------------------------
// The sites, each a folder served as it is.

/** Throws unless dist/ is a whole `make dist` build (not one being rewritten). */
function checkDist(dist) {
  const problem = (what) => new Error(`${dist}/ looks incomplete or half-written (${what}): run \`make dist\` (or wait for the build running now)`);
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw problem('no index.html');
  const html = readFileSync(index, 'utf8');
  if (!html.includes('http-equiv="Content-Security-Policy"')) throw problem('index.html has no policy yet (scripts/csp.mjs has not run)');
  const refs = new Set([...html.matchAll(/(?:href=|src=|from |module_or_path: )['"]?\/([\w.-]+\.(?:js|wasm|css|svg))/g)].map((m) => m[1]));
  if (![...refs].some((r) => r.endsWith('.wasm'))) throw problem('index.html names no .wasm');
  for (const file of [...refs, 'index.html', 'site-data/site.bin']) {
    const path = join(dist, file);
    if (!existsSync(path)) throw problem(`${file} is missing`);
    for (const ext of ['.br', '.gz']) {
      if (!existsSync(path + ext) || statSync(path + ext, { bigint: true }).mtimeNs < statSync(path, { bigint: true }).mtimeNs) throw problem(`${file}${ext} is missing or older than ${file}`);
    }
  }
}

/** Every file under `dir`, as paths relative to it. */
function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes FILE.br (brotli 11) and FILE.gz (gzip 9) beside every compressible
 * file under `dir` that has none (as scripts/precompress.mjs does for dist/), a few at
 * a time on zlib's thread pool; copies made before are reused by content hash.
 */
async function precompress(dir, only = () => true) {
  const cache = join(work, 'compressed');
  mkdirSync(cache, { recursive: true });
  const todo = walk(dir).filter((f) => compressible.test(f) && only(f) && !existsSync(join(dir, `${f}.br`)));
  let made = 0, reused = 0;
  const one = async (f) => {
    const path = join(dir, f);
    const body = readFileSync(path);
    const key = join(cache, createHash('sha256').update(body).digest('hex'));
    if (!existsSync(`${key}.br`) || !existsSync(`${key}.gz`)) {
      const [br, gzipped] = await Promise.all([
        brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gz(body, { level: 9 }),
      ]);
      writeFileSync(`${key}.br`, br);
      writeFileSync(`${key}.gz`, gzipped);
      made++;
    } else reused++;
    copyFileSync(`${key}.br`, `${path}.br`);
    copyFileSync(`${key}.gz`, `${path}.gz`);
  };
  const queue = [...todo];
  await Promise.all(Array.from({ length: Math.max(2, cpus().length) }, async () => {
    while (queue.length) await one(queue.shift());
  }));
  return { files: todo.length, made, reused };
}

/**
 * A copy of dist/ in target/bench-load/sites/NAME, with `data` (a built
 * bundle folder) as its site-data/ (dist's geo/ kept when `data` has none).
 */
async function makeSite(name, dist, data, only) {
  const dir = join(work, 'sites', name);
  mkdirSync(dirname(dir), { recursive: true });
  // The copy itself must be a whole build: dist/ may be rebuilt while it is
  // copied (then a .br would be older than its file, and not sent).
  for (let attempt = 1; ; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    checkDist(dist);
    cpSync(dist, dir, { recursive: true, preserveTimestamps: true });
    try {
      checkDist(dir);
      break;
    } catch (e) {
      if (attempt === 5) throw e;
      console.log(`  ${name}: dist/ changed while it was copied; copying again in 15 s`);
      await new Promise((r) => setTimeout(r, 15_000));
    }
  }
  if (data) {
    const geo = join(dir, 'site-data/geo');
    const keepGeo = existsSync(geo) && !existsSync(join(data, 'geo'));
    for (const f of readdirSync(join(dir, 'site-data'))) if (!(keepGeo && f === 'geo')) rmSync(join(dir, 'site-data', f), { recursive: true, force: true });
    for (const f of walk(data)) {
      if (/\.(br|gz)$/.test(f)) continue; // compressed here, never trusted from elsewhere
      mkdirSync(dirname(join(dir, 'site-data', f)), { recursive: true });
      copyFileSync(join(data, f), join(dir, 'site-data', f));
    }
  }
  const t0 = Date.now();
  const c = await precompress(dir, only);
  if (c.files) console.log(`  ${name}: wrote .br/.gz for ${c.files} data file(s) (${c.made} compressed now, ${c.reused} from the cache) in ${((Date.now() - t0) / 1000).toFixed(1)} s, before timing`);
  return dir;
}

/**
 * The default data (data/), built as `make data` builds it, so the default
 * site is measured whatever data dist/ was last built with (make dist
 * PROVIDERS=...); geo/ comes from dist/ (it does not depend on the data).
 */
function buildDefault() {
  const data = join(work, 'default-data');
  rmSync(data, { recursive: true, force: true });
  waypoint(['build', '--data', 'data', '--out', data]);
  const same = readFileSync(join(data, 'site.bin')).equals(readFileSync(join(root, 'dist/site-data/site.bin')));
  if (!same) console.log('  default: dist/site-data is not the default data (built with PROVIDERS=?): the default site uses data/ built afresh');
  return data;
}

/** The regional site's data: 3,000 generated FL services, imported and built. Returns { data, localIds }. */
function buildRegional() {
  const exp = join(work, 'fl-export'), providers = join(work, 'fl-providers'), data = join(work, 'fl-data');
  for (const d of [exp, providers, data]) rmSync(d, { recursive: true, force: true });
  console.log('  regional: generating 3,000 FL services (HSDS CSV), importing, building…');
  waypoint(['generate', '--services', '3000', '--state', 'FL', '--format', 'hsds-csv', '--seed', '1', '--out', exp]);
  waypoint(['import', exp, '--out', providers]);
  waypoint(['build', '--providers', providers, '--allow-fictional', '--out', data]);
  const localIds = readdirSync(providers)
    .filter((f) => f.endsWith('.toml'))
    .flatMap((f) => [...readFileSync(join(providers, f), 'utf8').matchAll(/\[\[service\]\]\s*\nid\s*=\s*"([^"]+)"/g)].map((m) => m[1]));
  if (localIds.length < 2500) throw new Error(`regional: only ${localIds.length} services read back from ${providers}`);
  return { data, localIds };
}

/** The national 100k bundle benches/national.mjs builds (run it if it has not been). */
function nationalData() {
  const data = join(root, 'target/national-site/site-data');
  // Built again when the build tool has changed since (the bundle format may have).
  execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'waypoint'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const tool = statSync(join(root, 'target/release/waypoint')).mtimeMs;
  const stale = !existsSync(join(data, 'site.bin')) || statSync(join(data, 'site.bin')).mtimeMs < tool;
  if (stale) {
    console.log(`  national: ${relative(root, data)} is missing or older than target/release/waypoint: running benches/national.mjs ${NATIONAL_N} to build it…`);
    execFileSync('node', ['benches/national.mjs', String(NATIONAL_N)], { cwd: root, env, stdio: 'inherit' });
  }
  return data;
}

/** The raw bytes a GET with this Accept-Encoding answers, and its headers. */
function rawGet(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** scripts/serve.py sends the .br copy byte for byte to a client that accepts br (and the file to one that does not). */
async function checkServer(base, dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const wasm = html.match(/\/([\w.-]+_bg\.wasm)/)[1];
  for (const file of [wasm, 'site-data/site.bin', 'index.html']) {
    const url = `${base}/${file === 'index.html' ? '' : file}`;
    const br = await rawGet(url, 'gzip, deflate, br');
    const ok = br.headers['content-encoding'] === 'br' && br.body.equals(readFileSync(join(dir, `${file}.br`))) && br.headers.vary === 'Accept-Encoding'
      && Number(br.headers['content-length']) === br.body.length;
    const plain = await rawGet(url, 'identity');
    const okPlain = !plain.headers['content-encoding'] && plain.body.equals(readFileSync(join(dir, file)));
    if (!ok || !okPlain) throw new Error(`scripts/serve.py: ${file}: ${ok ? '' : 'Accept-Encoding: br did not get the .br bytes; '}${okPlain ? '' : 'identity did not get the file'}`);
    if (file === wasm && br.headers['content-type'] !== 'application/wasm') throw new Error(`scripts/serve.py: ${file} sent as ${br.headers['content-type']}`);
  }
}

// ---------------------------------------------------------------------------
// One page load.

/**
 * Runs in the page before its own scripts: notes when each milestone is first
 * true (performance.now(), from navigation start, at the animation frame after
 * the DOM change: the frame that draws it) and offers __load.when(name).
 */
function recorder({ localIds, queries, autoType }) {
  const local = new Set(localIds);
  const times = {};
  const waiting = {};
  const info = {};
  const before = {};
  let wasmMemory = null;
  const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // What the list shows: which cards, the count, and the words highlighted
  // (two queries can find the same services; they highlight different words).
  const signature = () => [...document.querySelectorAll('.results .card')].map((c) => c.dataset.service).join(' ')
    + '|' + (document.getElementById('results-status')?.textContent ?? '')
    + '|' + [...document.querySelectorAll('.results .card mark')].map((m) => m.textContent).join(' ');
  const done = (name, extra) => {
    if (name in times || name in info) return;
    info[name] = extra ?? null;
    requestAnimationFrame(() => {
      times[name] = performance.now();
      (waiting[name] ?? []).forEach((resolve) => resolve(times[name]));
    });
  };
  const check = () => {
    const input = document.getElementById('search-input');
    if (input && input.getClientRects().length && getComputedStyle(input).visibility !== 'hidden' && !('search' in info)) {
      done('search');
      // The word typed the moment the box is there, in the page's next task
      // (as a keypress arrives): what the app takes, without the harness's
      // round trips to a throttled page (0.3-0.4 s of Playwright steps here).
      if (autoType) setTimeout(() => {
        input.focus();
        input.value = autoType;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: autoType }));
      }, 0);
    }
    const cards = [...document.querySelectorAll('.results .card')];
    if (cards.length) done('first-card', cards[0].dataset.service);
    // The default view: the box and the list it opens with.
    if ('search' in info && cards.length) done('ready');
    if (!input?.value && cards.some((c) => local.has(c.dataset.service))) done('local', cards.find((c) => local.has(c.dataset.service)).dataset.service);
    const q = input?.value.trim();
    // The results of a query: cards drawn after it was typed, with the
    // query's word highlighted (the default view highlights nothing).
    if (q && queries.includes(q) && q in before && cards.length && signature() !== before[q]
      && [...document.querySelectorAll('.results .card mark')].some((m) => fold(m.textContent).startsWith(fold(q).slice(0, 3)))) {
      done(`q:${q}`, { first: cards[0].dataset.service, status: document.getElementById('results-status')?.textContent ?? '' });
    }
    // No results (yet: on a regional site the query may come before the
    // home parts that answer it): noted, and the wait goes on.
    if (q && queries.includes(q) && q in before && !cards.length && document.querySelector('.results .empty')) done(`empty:${q}`);
  };
  addEventListener('input', (e) => {
    if (e.target?.id !== 'search-input') return;
    const q = e.target.value.trim();
    if (!(q in before)) {
      before[q] = signature();
      times[`typed:${q}`] = performance.now();
    }
  }, true);
  const longTasks = [];
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the runs just do not list them
  }
  addEventListener('TrunkApplicationStarted', (e) => { wasmMemory = e.detail?.wasm?.memory ?? null; });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'class', 'style'] });
  window.__load = {
    when: (name) => (name in times ? Promise.resolve(times[name]) : new Promise((resolve) => (waiting[name] ??= []).push(resolve))),
    times: () => ({ ...times }),
    info: () => ({ ...info, longTasks }),
    wasmBytes: () => (wasmMemory ? wasmMemory.buffer.byteLength : null),
  };
}

function withTimeout(promise, msTimeout, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${msTimeout / 1000} s waiting for ${what}`)), msTimeout)))]).finally(() => clearTimeout(timer));
}

/**
 * One load of `base` in a fresh context. mode 'typed': type the two queries;
 * 'idle': type nothing, wait for a local service. Returns the times (ms from
 * navigation start), the bytes finished by each, and the requests.
 */
async function loadOnce(browser, base, { throttled, mode, localIds = [], memory = false }) {
  const context = await browser.newContext({ ...PHONE });
  await context.addInitScript(recorder, { localIds, queries: QUERIES, autoType: mode === 'typed' ? QUERIES[0] : null });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A page of the same origin first, so the throttling is set on the
  // renderer that will load the site (a cross-site navigation could swap it).
  await page.goto(`${base}/__bench-load-blank`);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: (PROFILE.downKbps * 1000) / 8,
      uploadThroughput: (PROFILE.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  }
  const requests = new Map();
  let clock = null; // CDP monotonic seconds -> epoch ms
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    lastActivity = Date.now();
    clock ??= e.wallTime * 1000 - e.timestamp * 1000;
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: new URL(e.request.url).pathname, start: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
  });
  cdp.on('Network.loadingFinished', (e) => {
    lastActivity = Date.now();
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    lastActivity = Date.now();
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: 0, failed: e.errorText });
  });

  const pending = () => [...requests.values()].some((r) => r.end == null);
  const limit = throttled ? 120_000 : 60_000;
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const when = (name) => withTimeout(page.evaluate((n) => window.__load.when(n), name), limit, name);
  const run = { times: {}, info: {} };
  await when('search');
  if (mode === 'idle') {
    await when('local');
  } else {
    for (const q of QUERIES) {
      // The first word is typed by the page itself (recorder's autoType);
      // the second replaces it once its results are on screen.
      if (q !== QUERIES[0]) await page.fill('#search-input', q);
      // Results, or (once nothing is loading any more) none: then the word is wrong for this site.
      let gaveUp = false;
      const noResults = (async () => {
        while (!gaveUp) {
          await new Promise((r) => setTimeout(r, 250));
          const times = await page.evaluate(() => window.__load.times()).catch(() => ({}));
          if (`q:${q}` in times) return;
          if (`empty:${q}` in times && !pending() && Date.now() - lastActivity > 3000) throw new Error(`"${q}" finds no service on ${base}: choose another word`);
        }
      })();
      try {
        await Promise.race([when(`q:${q}`), noResults]);
      } finally {
        gaveUp = true;
      }
    }
  }
  // Let the page finish what it fetches at start (the home region's parts).
  const quietSince = Date.now();
  while ((pending() || Date.now() - lastActivity < 1500) && Date.now() - quietSince < limit) await new Promise((r) => setTimeout(r, 100));
  run.times = await page.evaluate(() => window.__load.times());
  run.info = await page.evaluate(() => window.__load.info());

  const pageTime = (ts) => ts * 1000 + clock - origin;
  const atStart = [...requests.values()];
  run.requests = atStart.map((r) => ({ url: r.url, encoding: r.encoding, bytes: r.bytes ?? null, end_ms: r.end == null ? null : Math.round(pageTime(r.end)), failed: r.failed }));
  const bytesBy = (t) => run.requests.filter((r) => r.end_ms != null && r.end_ms <= t).reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  run.bytes = Object.fromEntries(Object.entries(run.times).map(([k, t]) => [k, bytesBy(t)]));
  run.bytes.total = run.requests.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  run.settled_ms = Math.max(...run.requests.filter((r) => r.end_ms != null).map((r) => r.end_ms));

  if (memory) {
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
      return { jsHeapUsed: metric('JSHeapUsedSize'), jsHeapTotal: metric('JSHeapTotalSize'), wasm: await page.evaluate(() => window.__load.wasmBytes()) };
    };
    run.memory = { afterSearches: await measure() };
    const before = atStart.length;
    // On a phone the filters start folded away.
    if (!(await page.locator('details.filters').evaluate((d) => d.open))) await page.click('details.filters > summary');
    await page.selectOption('#filter-state', STATE);
    const deadline = Date.now() + limit;
    while (Date.now() < deadline && ![...requests.values()].slice(before).some((r) => r.url.includes(`shard-${STATE}-`) && r.end != null)) await new Promise((r) => setTimeout(r, 100));
    await page.waitForFunction(() => document.querySelectorAll('.results .card').length > 0);
    await page.waitForTimeout(500);
    run.memory.afterState = { state: STATE, ...(await measure()) };
    run.memory.stateBytes = [...requests.values()].slice(before).reduce((t, r) => t + (r.bytes ?? 0), 0);
  }
  await context.close();
  return run;
}

/** The runs of one kind, and the median of each figure over them. */
async function runs(browser, base, label, opts) {
  const all = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await loadOnce(browser, base, opts);
    const t = r.times, b = r.bytes;
    const line = opts.mode === 'idle'
      ? `search box ${ms(t.search)} (${kb(b.search)}), first local result ${ms(t.local)} (${kb(b.local)}), everything at start ${ms(r.settled_ms)} (${kb(b.total)})`
      : `search box ${ms(t.search)} (${kb(b.search)}), "${QUERIES[0]}" ${ms(t[`q:${QUERIES[0]}`])} (${kb(b[`q:${QUERIES[0]}`])}), "${QUERIES[1]}" ${ms(t[`q:${QUERIES[1]}`])}, everything ${kb(b.total)}`
        + (r.memory ? `; memory JS ${mb(r.memory.afterSearches.jsHeapUsed)} + wasm ${mb(r.memory.afterSearches.wasm)}, after ${STATE} JS ${mb(r.memory.afterState.jsHeapUsed)} + wasm ${mb(r.memory.afterState.wasm)}` : '');
    const identity = r.requests.filter((q) => q.encoding === 'identity' && /\.(wasm|js|bin|css|html)$|\/$/.test(q.url));
    console.log(`  ${label} run ${i + 1}/${RUNS}: ${line}${identity.length ? `  [sent uncompressed: ${identity.map((q) => q.url).join(', ')}]` : ''}`);
    all.push(r);
  }
  const pick = (f) => median(all.map(f));
  const keys = new Set(all.flatMap((r) => Object.keys(r.times)));
  const m = { runs: all.length, times: {}, bytes: {} };
  for (const k of keys) {
    m.times[k] = pick((r) => r.times[k]);
    m.bytes[k] = pick((r) => r.bytes[k]);
  }
  m.bytes.total = pick((r) => r.bytes.total);
  m.emptyRuns = all.filter((r) => `empty:${QUERIES[0]}` in r.times).length;
  // A regional site: when its first home part had arrived, and how often the word came before it.
  const firstPart = (r) => r.requests.find((q) => q.url.includes('/shard-home-'))?.end_ms ?? null;
  m.firstPartMs = pick(firstPart);
  m.typedBeforePart = all.filter((r) => firstPart(r) != null && r.times[`typed:${QUERIES[0]}`] < firstPart(r)).length;
  // From the input event to the results on screen (the rest is the page
  // loading, then the input reaching the busy page).
  m.after = Object.fromEntries(QUERIES.map((q) => [`q:${q}`, pick((r) => (r.times[`q:${q}`] == null ? null : r.times[`q:${q}`] - r.times[`typed:${q}`]))]));
  m.settled_ms = pick((r) => r.settled_ms);
  m.info = all[0].info;
  if (all[0].memory) {
    m.memory = {};
    for (const when of ['afterSearches', 'afterState']) {
      m.memory[when] = Object.fromEntries(['jsHeapUsed', 'jsHeapTotal', 'wasm'].map((k) => [k, pick((r) => r.memory[when][k])]));
    }
    m.memory.stateBytes = pick((r) => r.memory.stateBytes);
  }
  return { median: m, all };
}

// ---------------------------------------------------------------------------

async function main() {
  const dist = join(root, 'dist');
  checkDist(dist);
  const distBuilt = statSync(join(dist, 'index.html')).mtime;
  console.log(`bench-load: ${SITES.join(', ')}; ${RUNS} run(s) each; profile ${PROFILE.latencyMs} ms, ${PROFILE.downKbps / 1000} Mbps down, ${PROFILE.upKbps} kbps up, CPU ${PROFILE.cpu}x, 360x640`);
  console.log('preparing the sites (every .br/.gz written before any timing)…');
  const sites = [];
  for (const name of SITES) {
    if (name === 'default') sites.push({ name, dir: await makeSite('default', dist, buildDefault()) });
    else if (name === 'regional') {
      const { data, localIds } = buildRegional();
      sites.push({ name, dir: await makeSite('regional', dist, data), localIds });
    } else if (name === 'national') {
      // 90 MB of state parts: only those a run can fetch are compressed (the
      // start files and the state chosen for the memory figure); the runs
      // would name any file that went out uncompressed.
      const only = (f) => !/^site-data\/shard-[A-Z]{2}-/.test(f) || f.startsWith(`site-data/shard-${STATE}-`);
      sites.push({ name, dir: await makeSite('national', dist, nationalData(), only) });
    }
    else throw new Error(`BENCH_LOAD_SITES: unknown site ${name} (default, regional, national)`);
  }
  // dist/ must not have changed while it was copied.
  checkDist(dist);
  console.log(`sites ready (${elapsed()})`);

  const browser = await launchChromium();
  const version = `Chromium ${browser.version()}`;
  const results = {};
  try {
    for (const site of sites) {
      const { base, stop } = await serveDist(site.dir);
      try {
        await checkServer(base, site.dir);
        console.log(`${site.name}: scripts/serve.py sends the .br copies byte for byte (checked: wasm, site.bin, index.html)`);
        const r = (results[site.name] = {});
        r.typed = await runs(browser, base, `${site.name}, throttled`, { throttled: true, mode: 'typed' });
        if (site.name === 'regional') r.idle = await runs(browser, base, `${site.name}, nothing typed, throttled`, { throttled: true, mode: 'idle', localIds: site.localIds });
        if (site.name === 'national') r.fast = await runs(browser, base, `${site.name}, unthrottled`, { throttled: false, mode: 'typed', memory: true });
      } finally {
        stop();
      }
    }
  } finally {
    await browser.close();
  }

  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).toString().trim() !== '';
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(join(root, 'target/bench-results'), { recursive: true });
  writeFileSync(join(root, 'target/bench-results/load.json'), JSON.stringify({ date, commit, dirty, chromium: version, profile: PROFILE, runs: RUNS, results }, null, 1));

  const section = report({ date, commit, dirty, cpu, version, results, distBuilt });
  console.log('\n' + section);
  writeSection(section);
  console.log(`\nwrote the load section of benches/RESULTS.md and target/bench-results/load.json (${elapsed()})`);
}

const START = '<!-- bench-load: start (written by `make bench-load`, benches/load.mjs) -->';
const END = '<!-- bench-load: end -->';

/** Puts `section` between the markers in benches/RESULTS.md (appended the first time). */
function writeSection(section) {
  const path = join(root, 'benches/RESULTS.md');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const block = `${START}\n${section}\n${END}`;
  const a = text.indexOf(START), b = text.indexOf(END);
  const next = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

function report({ date, commit, dirty, cpu, version, results, distBuilt }) {
  const q1 = `q:${QUERIES[0]}`, q2 = `q:${QUERIES[1]}`;
  const verdict = (value, target) => (value == null ? '–' : value <= target ? 'met' : '**missed**');
  const rows = [];
  const typedRow = (site, label, m, cpuNet, target) => {
    const after = (q) => (m.times[q] == null || m.after[q] == null ? '' : ` (${ms(m.after[q])} after the input)`);
    rows.push(`| ${label} | ${cpuNet} | ${s(m.times.search)} | ${kb(m.bytes.search)} | ${s(m.times[q1])}${after(q1)} | ${kb(m.bytes[q1])} | ${s(m.times[q2])}${after(q2)} | ${kb(m.bytes.total)} | ${target} |`);
  };
  const d = results.default?.typed?.median;
  if (d) typedRow('default', 'default (`make dist`, default data)', d, 'slow phone', `first results ≤ 2.0 s: ${verdict(d.times[q1], TARGETS.defaultTyped)}`);
  const rt = results.regional?.typed?.median;
  if (rt) typedRow('regional', 'regional: 3,000 FL services (generated, imported)', rt, 'slow phone', '–');
  const emptyNote = rt && rt.typedBeforePart
    ? `\nOn the regional site "${QUERIES[0]}" was typed before the first home part had arrived (median ${s(rt.firstPartMs)}) in ${rt.typedBeforePart} of ${rt.runs} runs, so its results waited for that part${rt.emptyRuns ? `; in ${rt.emptyRuns} the page said meanwhile that no service matched (median ${s(rt.times[`empty:${QUERIES[0]}`])})` : ''}.\n`
    : '';
  const nt = results.national?.typed?.median;
  if (nt) typedRow('national', `national: ${NATIONAL_N.toLocaleString('en-US')} services, state split`, nt, 'slow phone', '–');
  const nf = results.national?.fast?.median;
  if (nf) typedRow('national', `national: ${NATIONAL_N.toLocaleString('en-US')} services, state split`, nf, 'unthrottled', `default view ready ≤ 1.0 s: ${verdict(nf.times.ready, TARGETS.nationalReadyMs)} (${s(nf.times.ready)}: box and list drawn)`);

  const ri = results.regional?.idle?.median;
  const localRow = ri
    ? `| regional: 3,000 FL services, nothing typed | slow phone | ${s(ri.times.search)} | ${kb(ri.bytes.search)} | ${s(ri.times.local)} | ${kb(ri.bytes.local)} | ${s(ri.settled_ms)} | ${kb(ri.bytes.total)} | ≤ 3.0 s: ${verdict(ri.times.local, TARGETS.regionalLocalMs)}; ≤ 250 KB: ${verdict(ri.bytes.local, TARGETS.regionalLocalBytes)} |`
    : null;
  const mem = nf?.memory;
  const memRows = mem
    ? [
        `| national, after the default view and both searches | ${mb(mem.afterSearches.jsHeapUsed)} | ${mb(mem.afterSearches.wasm)} | ${mb(mem.afterSearches.jsHeapUsed + mem.afterSearches.wasm)} |`,
        `| national, then ${STATE} chosen (its part fetched: ${kb(mem.stateBytes)}) | ${mb(mem.afterState.jsHeapUsed)} | ${mb(mem.afterState.wasm)} | ${mb(mem.afterState.jsHeapUsed + mem.afterState.wasm)} |`,
      ]
    : [];
  const runsOf = (r) => r?.runs ?? 0;

  return `## Load on a slow phone

Written by \`make bench-load\` (\`node benches/load.mjs\`); the other sections are written by \`make bench\`.
The built app (dist/ as \`make dist\` built it, ${distBuilt.toISOString().slice(0, 16).replace('T', ' ')} UTC) served by
\`scripts/serve.py\`, which sends the \`.br\` copy beside each file (brotli 11, written before any timing; a data file
without one gets it in \`target/bench-load/sites/\` first), as a CDN serving precompressed files does.

- date: ${date}; commit: ${commit}${dirty ? ' (with uncommitted changes)' : ''}
- machine: ${cpus().length} cores, ${cpu}; other work was running, so the figures are noisy
- browser: ${version}, headless (\`/usr/bin/chromium\` through Playwright), a fresh browser context (empty cache) per run;
  every figure is the median of ${runsOf(d ?? rt ?? nt)} runs${ri ? ` (${runsOf(ri)} for the nothing-typed row, ${runsOf(nf)} unthrottled)` : ''}
- slow phone: Lighthouse's mobile profile applied with CDP: \`Network.emulateNetworkConditions\` latency ${PROFILE.latencyMs} ms,
  download ${PROFILE.downKbps / 1000} Mbps, upload ${PROFILE.upKbps} kbps; \`Emulation.setCPUThrottlingRate\` ${PROFILE.cpu}; 360x640 touch viewport
  (deviceScaleFactor 2). DevTools-style throttling: the latency is added to each request, not to each round trip, so
  it does not model TCP/TLS set-up or HTTP/2; Lighthouse's own simulation would give somewhat longer times.
  "unthrottled": the same page, no network emulation, CPU 1x.
- times are from navigation start (\`performance.now()\`) to the animation frame after the DOM first shows it:
  the search box (\`#search-input\`) visible; the first results of "${QUERIES[0]}", typed the moment the box is there (the
  page's own script sets the box's value and sends an \`input\` event in the next task: a person types later, and
  Playwright's input would arrive 0.3-0.4 s later through its round trips to the throttled page, which is the harness,
  not the app): cards drawn after the input with the word highlighted (the default view lists services too, so a card
  alone proves nothing); then the first results of "${QUERIES[1]}", filled in by Playwright once those are on screen.
  In brackets: from the input event to those results. Bytes: the sum of CDP \`Network.loadingFinished\`
  \`encodedDataLength\` (headers and compressed body) of the responses finished by then; "everything" is all the page
  fetched at start, including what it fetches after the milestone (a regional site's later home parts).

| site | CPU / network | search box visible | bytes by then | first results for "${QUERIES[0]}" | bytes by then | first results for "${QUERIES[1]}" | everything fetched at start | target (issue 15) |
|:---|:---|---:|---:|---:|---:|---:|---:|:---|
${rows.join('\n')}
${emptyNote}${localRow ? `
The regional site with nothing typed: its own services are the default view once the first home-region part
arrives (a card of one of the 2,969 imported FL services; the nationwide hotlines come first in site.bin).

| site | CPU / network | search box visible | bytes by then | first local (FL) result | bytes by then | every home part loaded | everything fetched at start | target (issue 15) |
|:---|:---|---:|---:|---:|---:|---:|---:|:---|
${localRow}
` : ''}${memRows.length ? `
Page memory at the national site (unthrottled runs, median): JS heap is CDP \`Performance.getMetrics\`
\`JSHeapUsedSize\` after a forced garbage collection (\`HeapProfiler.collectGarbage\`); wasm is the byte length of the
app's wasm linear memory (\`memory\` of the wasm exports that Trunk's loader passes in its \`TrunkApplicationStarted\`
event; it never shrinks, so it is the peak: the decoded bundle, the index and scratch space).

| when | JS heap used | wasm memory | total |
|:---|---:|---:|---:|
${memRows.join('\n')}
` : ''}
Rerun: \`make bench-load\` (or \`NO_DIST=1 make bench-load\` on a fresh \`make dist\`); \`BENCH_LOAD_RUNS=1\`,
\`BENCH_LOAD_SITES=default,regional\` for a quick run. Raw runs: \`target/bench-results/load.json\`.`;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
