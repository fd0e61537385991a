// Promise: a strict Content-Security-Policy, which the app lives within.
// dist/index.html carries the policy in a <meta> before any script, with
// the hash of its one inline script (computed here from the page as
// served); dist/_headers has the same policy; and walking every view
// triggers no policy violation, no console error and no page error.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { test, expect } from './support/fixtures.mjs';
import { ROOT } from './support/data.mjs';
import { walkEveryView } from './pages/walk.mjs';

const DIST = path.join(ROOT, 'dist');

/** 'directive value…; …' -> { directive: [values] } */
function parsePolicy(policy) {
  const out = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    expect(out[name], `${name} appears once`).toBeUndefined();
    out[name] = values;
  }
  return out;
}

const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const metaPolicy = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i)?.[1];

test('dist/index.html: a strict policy in a <meta> before any script, hashing exactly its inline script; _headers agrees', async ({ request }) => {
  const onDisk = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const served = await (await request.get('/')).text();
  expect(served).toBe(onDisk);

  const policy = metaPolicy(served);
  expect(policy, 'CSP meta tag').toBeTruthy();
  expect(served.match(/http-equiv="Content-Security-Policy"/gi)).toHaveLength(1);
  // A <meta> policy only covers what comes after it.
  expect(served.indexOf('Content-Security-Policy')).toBeLessThan(served.search(/<script|<link/i));

  const d = parsePolicy(policy);
  expect(d['default-src']).toEqual(["'none'"]);
  expect(d['style-src']).toEqual(["'self'"]);
  expect(d['connect-src']).toEqual(["'self'"]);
  expect(d['img-src']).toEqual(["'self'", 'data:']);
  expect(d['base-uri']).toEqual(["'none'"]);
  expect(d['form-action']).toEqual(["'none'"]);
  expect(d['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  const hashes = d['script-src'].slice(2);
  expect(hashes.length).toBeGreaterThan(0);
  for (const h of hashes) expect(h).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toContain('*');

  // The hashes are exactly those of the page's inline scripts.
  const scripts = inlineScripts(served);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => s.includes('init'))).toBe(true); // Trunk's wasm loader
  expect([...hashes].sort()).toEqual(scripts.map(sha256).sort());
  // No inline event handlers or style attributes, which no hash would allow.
  expect(served).not.toMatch(/\son[a-z]+\s*=/i);
  expect(served).not.toMatch(/\sstyle\s*=/i);

  // The staff console (dist/staff/) has the same policy with its own
  // loader's hash.
  const staff = fs.readFileSync(path.join(DIST, 'staff', 'index.html'), 'utf8');
  const staffScripts = inlineScripts(staff);
  const staffPolicy = parsePolicy(metaPolicy(staff));
  expect({ ...staffPolicy, 'script-src': [] }).toEqual({ ...d, 'script-src': [] });
  expect(staffPolicy['script-src'].slice(2).sort()).toEqual(staffScripts.map(sha256).sort());

  // _headers: the same policy for hosts that send it as a real header. One
  // rule covers every page, so it allows each page's own loader (a second
  // policy for /staff/* would be enforced together with the first, and
  // block it) and nothing else.
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const headerPolicies = [...headers.matchAll(/^\s*Content-Security-Policy:\s*(.+?)\s*$/gm)].map((m) => m[1]);
  expect(headerPolicies).toHaveLength(1);
  const h = parsePolicy(headerPolicies[0]);
  expect({ ...h, 'script-src': [] }).toEqual({ ...d, 'script-src': [] });
  expect(h['script-src'].slice(2).sort()).toEqual([...new Set([...scripts, ...staffScripts].map(sha256))].sort());
  expect(headers).toMatch(/^\/\*\s*$/m);
  expect(headers).toMatch(/^\s*Referrer-Policy:\s*no-referrer\s*$/m);
});

test('walking every view: zero policy violations, zero console errors, zero page errors', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = [];
  const consoleErrors = [];
  const pageErrors = [];
  await page.exposeBinding('__reportCspViolation', (_source, v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber }),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${m.location().url}:${m.location().lineNumber}`);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  const visited = await walkEveryView(page);
  expect(visited.length).toBeGreaterThanOrEqual(15);
  // The policy is in force, and the app (wasm, inline loader) ran under it.
  await expect(page.locator('#search-input')).toBeVisible();
  expect(await page.evaluate(() => typeof window.wasmBindings)).toBe('object');

  await page.waitForTimeout(200);
  expect(violations, 'CSP violations').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
  expect(pageErrors, 'page errors').toEqual([]);

  // And the listener does hear violations: an injected inline script is
  // blocked and reported (so the zero above means something).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = 1';
    document.body.append(s);
  });
  await expect.poll(() => violations.length).toBe(1);
  expect(violations[0].directive).toMatch(/^script-src/);
  expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
});
