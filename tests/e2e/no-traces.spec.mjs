// Promise: using the directory leaves no trace on the device. After walking
// every view and flow, nothing is stored anywhere the browser keeps, no
// history entry was added, nothing offers to remember what was typed, and
// leaving the page (pagehide) forgets the search and the filters.
import { test, expect } from './support/fixtures.mjs';
import { walkEveryView, expectViewKind } from './pages/walk.mjs';
import { FILTER_SELECTS, FILTER_CHECKS } from './pages/directory-page.mjs';
import { traces } from './support/traces.mjs';

/** Fields on screen whose autocomplete is not "off", and forms. */
async function rememberingFields(page) {
  return page.evaluate(() => ({
    forms: document.querySelectorAll('form').length,
    fields: [...document.querySelectorAll('input, select, textarea')].map((e) => ({
      id: e.id,
      autocomplete: e.getAttribute('autocomplete'),
    })),
  }));
}

test('after walking every view: no cookie, storage, database, cache, service worker or history entry; no form; autocomplete off', async ({ page, context }) => {
  test.setTimeout(60_000);
  // A previous entry, so "history did not grow" is measured from a real start.
  await page.goto('about:blank');
  let start;
  const fieldsSeen = new Map();
  const visited = await walkEveryView(page, {
    atView: async (view) => {
      if (!start) {
        start = await traces(page);
        await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
      }
      const { forms, fields } = await rememberingFields(page);
      expect(forms, `<form> on ${view.name}`).toBe(0);
      for (const f of fields) {
        expect(f.autocomplete, `autocomplete of #${f.id} on ${view.name}`).toBe('off');
        fieldsSeen.set(f.id, f.autocomplete);
      }
      // Nothing is stored at any point, not only at the end.
      const now = await traces(page);
      expect({ ...now, historyLength: 0 }, `traces on ${view.name}`).toEqual({ ...start, historyLength: 0 });
    },
  });
  expect(visited.length).toBeGreaterThanOrEqual(15);
  // The search box and every filter were among the fields checked.
  const expectedIds = ['search-input', ...Object.values(FILTER_SELECTS), ...Object.values(FILTER_CHECKS)].map((s) => s.replace('#', ''));
  expect([...fieldsSeen.keys()].sort()).toEqual(expect.arrayContaining(expectedIds.sort()));

  const end = await traces(page);
  expect(start.historyLength).toBe(2); // about:blank, then the app
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
});

/** Dispatches the event the browser fires when the page is left. */
async function firePagehide(page, kind) {
  await page.evaluate((kind) => {
    const event = kind === 'transition' && 'PageTransitionEvent' in window
      ? new PageTransitionEvent('pagehide', { persisted: true })
      : new Event('pagehide');
    window.dispatchEvent(event);
  }, kind);
}

for (const kind of ['transition', 'plain']) {
  test(`pagehide (${kind === 'transition' ? 'PageTransitionEvent' : 'Event'}) forgets the search text and every filter`, async ({ directory, page }) => {
    await directory.goto();
    const all = await directory.statusCount();
    await directory.search('immigration lawyer');
    await directory.chooseFilter('state', 'CA');
    await directory.chooseFilter('language', 'es');
    for (const name of Object.keys(FILTER_CHECKS)) await directory.chooseFilter(name, true);
    await expect(directory.filterPanel.locator('summary')).toContainText('(5)');

    await firePagehide(page, kind);

    await expect(directory.searchInput).toHaveValue('');
    for (const sel of Object.values(FILTER_SELECTS).filter((s) => s !== '#filter-city')) {
      await expect(page.locator(sel), sel).toHaveValue('');
    }
    await expect(page.locator(FILTER_SELECTS.city)).toHaveCount(0);
    for (const sel of Object.values(FILTER_CHECKS)) await expect(page.locator(sel), sel).not.toBeChecked();
    await expect(directory.filterPanel.locator('summary')).not.toContainText('(');
    await directory.expectCount(all);
    // The page is still usable afterwards (the wipe is of state, not of the app).
    await directory.search('housing');
    await expect(directory.cards.first()).toBeVisible();
  });
}

test('pagehide on a service view returns to a fresh directory, in the language chosen', async ({ directory, page }) => {
  await directory.goto();
  const all = await directory.statusCount();
  await directory.search('trafficking hotline');
  await directory.switchLanguage('es');
  await directory.openService('nhth-hotline');
  await firePagehide(page, 'transition');
  await expectViewKind(page, 'directory');
  await expect(directory.searchInput).toHaveValue('');
  await directory.expectCount(all);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
