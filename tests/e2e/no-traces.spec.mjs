// The directory leaves nothing behind on the device and talks to no one
// but its own server.
import { test, expect } from './support/fixtures.mjs';

async function traces(page) {
  return page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: 'caches' in window ? await caches.keys() : [],
    serviceWorkers: 'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    historyLength: history.length,
  }));
}

test('a whole session stores nothing, adds no history entry and only GETs its own files', async ({ directory, page, context, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));

  await directory.goto();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  const start = await traces(page);

  await directory.search('immigration');
  await directory.chooseFilter('state', 'CA');
  await directory.chooseFilter('free', true);
  await directory.clearFilters();
  const view = await directory.openService('nhth-hotline');
  await directory.switchLanguage('es');
  await expect(view.backButton).toBeVisible();
  await view.back();
  await directory.switchLanguage('en');

  // Nothing that could hold what was typed or chosen.
  await expect(page.locator('form')).toHaveCount(0);
  const fields = await page.locator('input, select, textarea').evaluateAll((els) =>
    els.map((e) => ({ id: e.id, autocomplete: e.getAttribute('autocomplete') })),
  );
  expect(fields.length).toBeGreaterThanOrEqual(9);
  for (const f of fields) expect(f, `#${f.id}`).toEqual({ id: f.id, autocomplete: 'off' });

  const end = await traces(page);
  expect(end).toEqual({
    cookie: '',
    localStorage: 0,
    sessionStorage: 0,
    indexedDB: [],
    caches: [],
    serviceWorkers: 0,
    historyLength: start.historyLength,
  });
  const state = await context.storageState();
  expect(state.cookies).toEqual([]);
  expect(state.origins).toEqual([]);

  expect(requests.length).toBeGreaterThan(0);
  expect(requests.map((r) => r.url)).toContain(`${origin}/site-data/site.bin`);
  for (const r of requests) {
    expect(new URL(r.url).origin, r.url).toBe(origin);
    expect(r.method, r.url).toBe('GET');
  }
});
