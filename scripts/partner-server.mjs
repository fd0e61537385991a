#!/usr/bin/env node
// A partner's website, for the widget's end-to-end tests: serves the plain
// HTML pages in tests/e2e/widget/partner/ on another origin than the site
// (http://localhost:8097 by default, the site being http://127.0.0.1:8099),
// with `__WAYPOINT__` in them replaced by the site's origin, the way a
// partner pastes the snippet with their Waypoint host in it. Node's http
// module only; no dependencies.
//
//   node scripts/partner-server.mjs [--port 8097] [--waypoint http://127.0.0.1:8099] [--quiet]
//
// The port defaults to $PARTNER_PORT, else 8097; the site to
// http://127.0.0.1:$E2E_PORT (8099). Bound to the loopback addresses only.

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(arg('--port', process.env.PARTNER_PORT ?? 8097));
const waypoint = arg('--waypoint', `http://127.0.0.1:${process.env.E2E_PORT ?? 8099}`).replace(/\/$/, '');
const quiet = args.includes('--quiet');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/e2e/widget/partner');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

async function handle(req, res) {
  const url = new URL(req.url, 'http://partner.invalid');
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) || !(extname(file) in TYPES) || req.method !== 'GET') {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  let body;
  try {
    body = await readFile(file, 'utf8');
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  body = body.replaceAll('__WAYPOINT__', waypoint);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)],
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
  if (!quiet) console.log(`${req.method} ${url.pathname} 200`);
}

// "localhost" may resolve to either loopback address; answer on both.
let listening = 0;
for (const host of ['127.0.0.1', '::1']) {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('error', (e) => {
    // No IPv6 on this machine is fine; the IPv4 address is required.
    if (host === '::1' && (e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT')) return;
    console.error(`partner-server: ${host}:${port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    if (++listening === 1) console.log(`partner site at http://localhost:${port}/ (Waypoint at ${waypoint})`);
  });
}
