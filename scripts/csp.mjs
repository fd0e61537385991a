// Trunk post-build hook: adds a strict Content-Security-Policy to every
// built page, with the hash of each inline script computed from the page as
// built (so it can never go stale), and writes `_headers` for hosts that read
// one (Netlify, Cloudflare Pages) with the same policy and a few more
// headers that only work as real HTTP headers. The precompressed copies are
// written after it (scripts/precompress.mjs), since it rewrites the pages.
//
//   node scripts/csp.mjs [dir]     (default: $TRUNK_STAGING_DIR, else dist)

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';

export function policy(scriptHashes) {
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    // The partners page previews the widget: a frame of this same site.
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const inlineScript = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const hashes = new Set();
// Pages in the folder and one level down (the staff console in staff/):
// _headers covers every page, so it needs every page's hashes.
const pages = readdirSync(dir).flatMap((f) =>
  f.endsWith('.html') ? [f] : statSync(join(dir, f)).isDirectory() ? readdirSync(join(dir, f)).filter((g) => g.endsWith('.html')).map((g) => join(f, g)) : [],
);
for (const name of pages) {
  const path = join(dir, name);
  let html = readFileSync(path, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  const pageHashes = [...html.matchAll(inlineScript)].map(
    (m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`,
  );
  pageHashes.forEach((h) => hashes.add(h));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(pageHashes)}">`;
  // Right after <meta charset>, before any script the policy must cover.
  // (Quoted as written, or bare once Trunk has minified the page.)
  html = html.replace(/(<meta charset=(?:"[^"]*"|[^\s>]+)\s*\/?>)/i, `$1\n  ${meta}`);
  if (!html.includes(meta)) throw new Error(`${name}: no <meta charset> to put the policy after`);
  writeFileSync(path, html);
  console.log(`csp: ${name}: ${pageHashes.length} inline script hash(es)`);
}

writeFileSync(
  join(dir, '_headers'),
  `/*
  Content-Security-Policy: ${policy([...hashes])}
  Referrer-Policy: no-referrer
  X-Content-Type-Options: nosniff
  Cross-Origin-Opener-Policy: same-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()
/site-data/*
  Cache-Control: no-cache
`,
);
console.log(`csp: wrote ${join(dir, '_headers')}`);
