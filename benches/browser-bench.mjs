// The in-browser search benchmark: the same generated records and keystroke
// script as `cargo bench --bench search`, run by Waypoint's search compiled to
// wasm in headless Chromium, unthrottled and with the CPU throttled 4x.
//
//   node benches/browser-bench.mjs            # N = 1000, 10000, 100000
//   WAYPOINT_BENCH_SIZES=1000,10000 node benches/browser-bench.mjs
//
// Writes benches/RESULTS.md (with the native table from
// target/bench-results/native.md when `make bench` produced it just before).

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const sizes = (process.env.WAYPOINT_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const seed = 42;
const port = 8097;
const dist = join(root, 'target/bench-dist');
const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };

function run(cmd, args) {
  return execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
}

console.log('building the benchmark page (trunk)…');
run('trunk', ['build', '--release', '--offline', '--dist', dist, 'benches/browser/index.html']);

for (const n of sizes) {
  const out = join(dist, 'bench-data', `n${n}`);
  if (existsSync(join(out, 'site.bin'))) continue;
  console.log(`generating ${n} fictional services…`);
  const gen = join(root, 'target/bench-gen', `n${n}`);
  mkdirSync(out, { recursive: true });
  run('cargo', ['run', '--quiet', '--release', '--bin', 'waypoint', '--', 'generate', '--services', String(n), '--seed', String(seed), '--out', gen]);
  run('cargo', ['run', '--quiet', '--release', '--bin', 'waypoint', '--', 'build', '--providers', join(gen, 'providers'), '--allow-fictional', '--out', out]);
}

// Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs
// resolution instead of Chromium's default 100 µs, which would round most
// keystrokes to zero.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain' };
const server = createServer((req, res) => {
  const path = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html')));
  if (!path.startsWith(dist) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(port, '127.0.0.1', r));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
const rows = [];
const chromiumVersion = `Chromium ${browser.version()}`;
try {
  for (const n of sizes) {
    for (const throttle of [1, 4]) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(`http://127.0.0.1:${port}/?n=${n}&reps=${n >= 100000 ? 1 : 3}`);
      await page.waitForFunction(() => document.getElementById('result')?.textContent.length > 0, null, { timeout: 600_000 });
      if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('page is not cross-origin isolated: timer too coarse');
      const result = JSON.parse(await page.textContent('#result'));
      if (result.error) throw new Error(`n=${n}: ${result.error}`);
      const heap = await cdp.send('Runtime.getHeapUsage');
      const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
      rows.push({ ...result, throttle, heapMB: Math.max(heap.usedSize, memory) / 1048576 });
      console.log(`n=${n} ${throttle}x: build ${result.build_ms.toFixed(1)} ms, median ${result.median_ms.toFixed(3)} ms, p95 ${result.p95_ms.toFixed(3)} ms, max ${result.max_ms.toFixed(3)} ms`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? 'unknown CPU';
const commit = run('git', ['rev-parse', '--short', 'HEAD']).trim();
const fmt = (x) => x.toFixed(3);
const table = [
  '| N | CPU | decode ms | index build ms | keystrokes | median ms | p95 ms | max ms | JS heap MB | wasm memory MB |',
  '|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.n} | ${r.throttle}x | ${fmt(r.decode_ms ?? 0)} | ${r.build_ms.toFixed(1)} | ${r.keystrokes} | ${fmt(r.median_ms)} | ${fmt(r.p95_ms)} | ${fmt(r.max_ms)} | ${r.heapMB.toFixed(1)} | ${((r.wasm_memory_peak_bytes ?? 0) / 1048576).toFixed(1)} |`),
].join('\n');
const nativePath = join(root, 'target/bench-results/native.md');
const native = existsSync(nativePath) ? readFileSync(nativePath, 'utf8').trim() : '_Run `make bench` for the native table._';

writeFileSync(join(root, 'benches/RESULTS.md'), `# Search benchmark results

Written by \`make bench\` (\`cargo bench --bench search\`, then \`node benches/browser-bench.mjs\`).
Fictional generated services (\`waypoint generate --seed ${seed}\`), the keystroke script in
\`benches/keystrokes.txt\` typed and deleted one character at a time; each keystroke is one
\`Site::find\` call, the call the UI makes.

- date: ${new Date().toISOString().slice(0, 10)}
- commit: ${commit}
- machine: ${cpus().length} cores, ${cpu}
- browser: ${chromiumVersion}, headless; "4x" is CDP CPU throttling

## In headless Chromium (wasm, release build, wasm-opt -Oz)

${table}

JS heap is the page's JavaScript heap; wasm memory is the wasm linear memory at the end of the run (it never shrinks, so this is its peak: the decoded bundle, the index and the searcher's scratch).

## Native

${native}
`);
console.log('\n' + table + '\n\nwrote benches/RESULTS.md');
