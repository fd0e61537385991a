// A regional site (home region CA, built by `make e2e-fixtures` in several
// small parts): its own services are the default view, fetched at start
// with no choice made and never because of what was typed; records from
// an imported directory say what their date is, or that they have none.
import { readdirSync } from 'node:fs';
import { test, expect } from './support/fixtures.mjs';
import { fixtureFolder, serveSiteData } from './support/site-data.mjs';
import { uiStrings } from './support/data.mjs';

const FIXTURE = fixtureFolder('regional');
const homeFiles = (names) => names.filter((n) => n.startsWith('shard-home-'));
/** The parts `make e2e-fixtures` wrote (several: see the Makefile). */
const PARTS = homeFiles(readdirSync(FIXTURE)).length;

test('the home region loads at start, each part once, and typing fetches nothing', async ({ page, directory }) => {
  const fetched = await serveSiteData(page, FIXTURE);
  await directory.goto();
  // Local fixtures from each part appear with no filter or place chosen.
  for (const id of ['fx-harbor-shelter', 'fx-bayside-counseling']) {
    await expect(page.locator(`.results .card[data-service="${id}"]`), id).toHaveCount(1);
  }
  expect(PARTS, 'the fixture is cut into several parts').toBeGreaterThanOrEqual(3);
  await expect.poll(() => homeFiles(fetched).length).toBe(PARTS);
  expect(fetched[0]).toBe('site.bin');
  expect(new Set(homeFiles(fetched)).size, 'no part fetched twice').toBe(PARTS);
  expect(fetched.some((n) => n.startsWith('shard-NY-')), 'another state waits to be chosen').toBe(false);

  const before = fetched.length;
  await directory.search('counseling');
  await directory.search('abogado');
  await directory.search('shelter');
  await expect(page.locator('.results .card').first()).toBeVisible();
  expect(fetched.length, 'typing fetches nothing').toBe(before);
});

test('on a phone the first local result is on screen after typing', async ({ page, directory }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await serveSiteData(page, FIXTURE);
  await directory.goto();
  await directory.search('counseling');
  const first = page.locator('.results .card').first();
  await expect(first).toHaveAttribute('data-service', 'fx-bayside-counseling');
  await first.scrollIntoViewIfNeeded();
  const box = await first.locator('h2, h3').first().boundingBox();
  const header = await directory.header.boundingBox();
  expect(box.y, 'below the sticky header').toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(640);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('an undated record says so and to call first; an export date says it is not a check', async ({ page, directory }) => {
  await serveSiteData(page, FIXTURE);
  await directory.goto();
  for (const lang of ['en', 'es']) {
    if (lang !== 'en') await directory.switchLanguage(lang);
    const { verified, detail } = uiStrings(lang);
    const undated = page.locator('.results .card[data-service="fx-bayside-counseling"]');
    await expect(undated.locator('.verified')).toHaveText(verified.undated.replace('{source}', 'South Bay 211 (fictional)'));
    await expect(undated.locator('.stale')).toHaveText(detail.stale_undated);
    const exported = page.locator('.results .card[data-service="fx-bayside-legal"]');
    await expect(exported.locator('.verified')).toContainText(lang === 'en' ? 'not the date anyone checked it' : 'No es la fecha en que alguien lo revisó');
    await expect(exported.locator('.stale')).toHaveCount(0);
    const view = await directory.openService('fx-bayside-counseling');
    await expect(view.verified).toHaveText(verified.undated.replace('{source}', 'South Bay 211 (fictional)'));
    await expect(view.root.locator('.stale')).toHaveText(detail.stale_undated);
    await view.back();
  }
});

test('a part that fails to load leaves a calm message and the nationwide services', async ({ page, directory }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await serveSiteData(page, FIXTURE, { fail: (name) => name.startsWith('shard-home-') });
  await directory.goto();
  await expect(page.locator('.results [role="alert"]')).toBeVisible();
  await expect(page.locator('.results .card[data-service="nhth-hotline"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a search typed before the local services arrive says they are loading, then finds them', async ({ page, directory }) => {
  await serveSiteData(page, FIXTURE);
  // Hold the home parts back, as a slow connection does (the route added
  // last is asked first).
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/site-data/shard-home-*', async (route) => { await held; await route.fallback(); });
  await directory.goto();
  await directory.search('bayside');
  const { results } = uiStrings('en');
  await expect(page.locator('.results .loading')).toHaveText(results.loading_local);
  await expect(directory.empty, 'not "no services match" while they are on their way').toHaveCount(0);
  release();
  await expect(page.locator('.results .card[data-service="fx-bayside-counseling"]')).toHaveCount(1);
  await expect(page.locator('.results .loading')).toHaveCount(0);
});
