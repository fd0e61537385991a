// Promise: the directory talks to no one but its own server. Every request
// made while walking every view is a GET, to the site's own origin, for one
// of the files `make dist` built; and once the page has loaded, searching
// (key by key) and filtering send nothing at all.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { ROOT } from './support/data.mjs';
import { walkEveryView, filterFlow } from './pages/walk.mjs';

const DIST = path.join(ROOT, 'dist');

/** URL paths of every file in dist/ ("/" is index.html). */
function siteFiles() {
  const out = new Set(['/']);
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.add('/' + path.relative(DIST, full).split(path.sep).join('/'));
    }
  };
  walk(DIST);
  return out;
}

/** Records every request the page makes, with its answer. */
function recordRequests(page) {
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url(), type: r.resourceType(), request: r }));
  return requests;
}

test('walking every view only GETs the site\'s own files, from its own origin', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const origin = new URL(baseURL).origin;
  const files = siteFiles();
  expect(files).toContain('/site-data/site.bin');
  expect(files).toContain('/index.html');
  const requests = recordRequests(page);

  const visited = await walkEveryView(page);
  expect(visited.length).toBeGreaterThanOrEqual(15);

  const urls = requests.map((r) => r.url);
  // The page, its script, its wasm and its data were all fetched…
  expect(urls).toContain(`${origin}/`);
  expect(urls).toContain(`${origin}/site-data/site.bin`);
  expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(urls.some((u) => u.endsWith('.js'))).toBe(true);
  // …and nothing else, from nowhere else, by no other method.
  for (const r of requests) {
    const url = new URL(r.url);
    expect(url.origin, r.url).toBe(origin);
    expect(r.method, r.url).toBe('GET');
    expect(url.search, `${r.url} carries no query string`).toBe('');
    expect(files, `${r.url} is one of the site's own files`).toContain(url.pathname);
    const response = await r.request.response();
    expect(response?.ok(), `${r.url} answered`).toBe(true);
  }
  // The data file was fetched once, not per view.
  expect(urls.filter((u) => u.endsWith('/site-data/site.bin'))).toHaveLength(1);
});

test('after load, typing a query key by key and changing every filter sends zero requests', async ({ directory, page }) => {
  await directory.goto();
  await page.waitForLoadState('networkidle');
  const requests = recordRequests(page);
  // The recorder itself works: a request the page makes is seen.
  await page.evaluate(() => fetch('/site-data/site.bin', { method: 'HEAD' }));
  await expect.poll(() => requests.length).toBe(1);
  requests.length = 0;

  const all = await directory.statusCount();
  await directory.search('immigration lawyer in spanish', { keyByKey: true });
  await expect(directory.cards.first()).toBeVisible();
  expect(await directory.statusCount()).toBeLessThan(all);
  expect(requests.map((r) => `${r.method} ${r.url}`), 'requests while typing').toEqual([]);

  await directory.search('');
  await filterFlow(directory);
  await directory.search('housng', { keyByKey: true });
  await directory.chooseFilter('state', 'CA');
  await directory.chooseFilter('24/7', true);
  await directory.clearFilters();
  // Let anything deferred go out before counting.
  await page.waitForTimeout(300);
  expect(requests.map((r) => `${r.method} ${r.url}`), 'requests while filtering').toEqual([]);
});

test('the data bundle is fetched once, while the app code is still loading', async ({ page }) => {
  const starts = {};
  const ends = {};
  const bundles = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname;
    if (name.endsWith('/site-data/site.bin')) bundles.push(r);
    starts[name] ??= Date.now();
  });
  page.on('requestfinished', (r) => { ends[new URL(r.url()).pathname] = Date.now(); });
  // A slow wasm, as on a slow connection: the data must not wait for it.
  await page.route('**/*_bg.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('#search-input')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(bundles, 'one request: the app takes the preloaded response').toHaveLength(1);
  const wasm = Object.keys(ends).find((n) => n.endsWith('_bg.wasm'));
  expect(ends['/site-data/site.bin'], 'the bundle arrived before the app code finished').toBeLessThan(ends[wasm]);
});
