// National scale, measured in headless Chromium: a generated directory of
// N services (default 100000) built with the state split, served with the
// app; prints what the default view and a single-state search download
// (compressed as a brotli host sends them) and the page's memory.
//
//   node benches/national.mjs [N]      (needs `make dist` first)

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const n = Number(process.argv[2] ?? 100000);
const site = join(root, 'target/national-site');
const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}`, WAYPOINT_SHARDS: 'always' };
const run = (args) => execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'waypoint', '--', ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });

rmSync(site, { recursive: true, force: true });
cpSync(join(root, 'dist'), site, { recursive: true });
rmSync(join(site, 'site-data'), { recursive: true, force: true });
const gen = join(root, `target/national-gen/n${n}`);
if (!existsSync(join(gen, 'providers/generated.json'))) run(['generate', '--services', String(n), '--seed', '42', '--out', gen]);
mkdirSync(join(site, 'site-data'), { recursive: true });
run(['build', '--providers', join(gen, 'providers'), '--allow-fictional', '--out', join(site, 'site-data')]);

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const sizes = new Map();
const server = createServer((req, res) => {
  const path = join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html')));
  if (!path.startsWith(site) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
  const body = readFileSync(path);
  sizes.set(req.url, {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  // Cross-origin isolation lets the page measure its whole memory, wasm
  // included (performance.measureUserAgentSpecificMemory).
  res.writeHead(200, {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const page = await browser.newPage();
const requested = [];
page.on('request', (r) => requested.push(new URL(r.url()).pathname));
const t0 = Date.now();
await page.goto(base + '/');
await page.waitForSelector('#search-input', { timeout: 120_000 });
const loadMs = Date.now() - t0;
const total = (urls) => urls.reduce((t, u) => { const s = sizes.get(u) ?? { raw: 0, gzip: 0, brotli: 0 }; return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }; }, { raw: 0, gzip: 0, brotli: 0 });
const firstLoad = [...requested];
const state = 'CA';
const before = requested.length;
await page.selectOption('#filter-state', state);
await page.waitForFunction(() => [...document.querySelectorAll('.results .card')].length > 0);
await page.waitForResponse((r) => r.url().includes(`shard-${state}-`)).catch(() => {});
await page.waitForTimeout(500);
const stateFiles = requested.slice(before);
await page.fill('#search-input', 'shelter');
await page.waitForTimeout(200);
const memory = await page.evaluate(async () => ({
  js: performance.memory?.usedJSHeapSize ?? 0,
  all: crossOriginIsolated && performance.measureUserAgentSpecificMemory ? (await performance.measureUserAgentSpecificMemory()).bytes : 0,
}));
const cdp = await page.context().newCDPSession(page);
const { usedSize } = await cdp.send('Runtime.getHeapUsage');
const metrics = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
const metric = (name) => metrics.metrics.find((m) => m.name === name)?.value ?? 0;
await browser.close();
server.close();

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const data = (urls) => urls.filter((u) => u.includes('/site-data/'));
const app = (urls) => urls.filter((u) => !u.includes('/site-data/'));
const fl = total(firstLoad), fd = total(data(firstLoad)), sd = total(stateFiles);
console.log(`national directory: ${n} generated services, state split`);
console.log(`default view: ${firstLoad.length} files; app ${kb(total(app(firstLoad)).brotli)} br; data ${kb(fd.brotli)} br / ${kb(fd.gzip)} gzip (${kb(fd.raw)} raw); loaded in ${loadMs} ms`);
console.log(`choosing ${state}: ${stateFiles.length} file(s) ${stateFiles.join(', ')}: ${kb(sd.brotli)} br / ${kb(sd.gzip)} gzip (${kb(sd.raw)} raw)`);
console.log(`a single-state search downloads (data): ${kb(fd.brotli + sd.brotli)} br / ${kb(fd.gzip + sd.gzip)} gzip; with the app: ${kb(fl.brotli + sd.brotli)} br`);
console.log(`memory after the state search: page total (wasm included) ${(memory.all / 1048576).toFixed(1)} MB; JS heap ${kb(Math.max(usedSize, memory.js))}`);
