#!/usr/bin/env node
// First-load size budget for the built site.
//
//   node scripts/budget.mjs [dist]   (BUDGET_BYTES overrides 153600 gzip,
//                                      BUDGET_BROTLI_BYTES 138240 brotli)
//
// Counts the compressed size of: index.html; every .js, .wasm and
// .css file that index.html references (src/href attributes, including
// Trunk's <link rel="modulepreload"/"preload"> tags, and module imports /
// wasm URLs inside inline <script> blocks such as Trunk's loader); and every
// file in <dist>/site-data/ whose name begins with "site" (the default data
// bundle). Prints raw, gzip and brotli sizes.
//
// The compressed sizes are those of the copies `make dist` wrote beside
// each file (scripts/precompress.mjs: FILE.gz, Zopfli; FILE.br, brotli 11),
// the bytes a host that sends precompressed files serves; this script never
// compresses anything itself, so the method has one owner. A copy missing
// or older than its file is an error.
//
// The budget is checked against gzip (BUDGET_BYTES, 150 KB), because some
// hosts (GitHub Pages) send only gzip, and against brotli
// (BUDGET_BROTLI_BYTES, 135 KB), what Netlify, Cloudflare Pages and the .br
// copies deliver to every current browser.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve, relative, extname, dirname } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const budget = Number(process.env.BUDGET_BYTES ?? 153600);
const brotliBudget = Number(process.env.BUDGET_BROTLI_BYTES ?? 138240);
for (const [name, value] of [['BUDGET_BYTES', budget], ['BUDGET_BROTLI_BYTES', brotliBudget]]) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`budget: invalid ${name}=${process.env[name]}`);
    process.exit(2);
  }
}
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`budget: ${indexPath} not found (run \`make dist\` first)`);
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

const COUNTED = new Set(['.js', '.mjs', '.wasm', '.css']);
const files = new Set([indexPath]);
const missing = [];

function addUrl(raw) {
  if (!raw) return;
  const url = raw.trim().replace(/&amp;/g, '&');
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) return; // external, data:, anchors
  const path = url.split(/[?#]/)[0];
  if (!COUNTED.has(extname(path).toLowerCase())) return;
  // A page built for a sub-path (the staff console, --public-url /staff/)
  // names its files from the site root.
  const base = process.env.BUDGET_PUBLIC_URL ?? '/';
  const rooted = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const file = path.startsWith('/') ? join(dist, rooted) : join(dirname(indexPath), path);
  if (!file.startsWith(dist)) return;
  if (existsSync(file) && statSync(file).isFile()) files.add(file);
  else missing.push(url);
}

// src=, href= attributes on any tag (covers <script src>, <link rel=stylesheet>,
// <link rel=modulepreload>, <link rel=preload as=fetch type=application/wasm>).
for (const m of html.matchAll(/<[a-z][^>]*>/gi)) {
  for (const a of m[0].matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    addUrl(a[1] ?? a[2] ?? a[3]);
  }
}
// Quoted .js/.wasm paths inside inline scripts (Trunk's loader does
// `import init from '/x-hash.js'; init({ module_or_path: '/x-hash_bg.wasm' })`).
for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
  for (const s of m[1].matchAll(/["'`]([^"'`\s]+\.(?:m?js|wasm|css))["'`]/gi)) addUrl(s[1]);
}

const dataDir = join(dist, 'site-data');
if (existsSync(dataDir)) {
  for (const name of readdirSync(dataDir).sort()) {
    const file = join(dataDir, name);
    if (name.startsWith('site') && !/\.(br|gz)$/.test(name) && statSync(file).isFile()) files.add(file);
  }
} else {
  console.warn(`budget: warning: ${relative(process.cwd(), dataDir)}/ not found; no data bundle counted`);
}
if (missing.length) {
  console.error(`budget: index.html references files missing from ${dist}: ${missing.join(', ')}`);
  process.exit(1);
}

const stale = [];
/** The size of FILE's precompressed copy FILE+ext, as written by `make dist`. */
function copySize(file, ext) {
  const copy = file + ext;
  if (!existsSync(copy) || statSync(copy, { bigint: true }).mtimeNs < statSync(file, { bigint: true }).mtimeNs) {
    stale.push(relative(dist, copy));
    return 0;
  }
  return statSync(copy).size;
}
const rows = [...files].map((file) => ({
  name: relative(dist, file),
  raw: statSync(file).size,
  gz: copySize(file, '.gz'),
  br: copySize(file, '.br'),
}));
if (stale.length) {
  console.error(`budget: precompressed copies missing or older than their files: ${stale.join(', ')} (run \`make dist\`, or node scripts/precompress.mjs ${relative(process.cwd(), dist) || '.'})`);
  process.exit(1);
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });

const w = Math.max(5, ...rows.map((r) => r.name.length));
const line = (a, b, c, d) => console.log(`${a.padEnd(w)}  ${String(b).padStart(10)}  ${String(c).padStart(10)}  ${String(d).padStart(12)}`);
line('file', 'raw bytes', 'gzip bytes', 'brotli bytes');
line('-'.repeat(w), '-'.repeat(10), '-'.repeat(10), '-'.repeat(12));
for (const r of rows) line(r.name, r.raw, r.gz, r.br);
line('-'.repeat(w), '-'.repeat(10), '-'.repeat(10), '-'.repeat(12));
line('total', total.raw, total.gz, total.br);

const kb = (n) => (n / 1024).toFixed(1);
const over = [];
if (total.gz > budget) over.push(`gzip ${kb(total.gz)} KB of ${kb(budget)} KB (${total.gz - budget} bytes over)`);
if (total.br > brotliBudget) over.push(`brotli ${kb(total.br)} KB of ${kb(brotliBudget)} KB (${total.br - brotliBudget} bytes over)`);
if (over.length) {
  console.log(`budget exceeded: ${over.join('; ')}`);
  process.exit(1);
}
console.log(`budget ok: gzip ${kb(total.gz)} KB of ${kb(budget)} KB, brotli ${kb(total.br)} KB of ${kb(brotliBudget)} KB`);
