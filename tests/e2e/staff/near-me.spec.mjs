// Near me, without giving away where: a ZIP code, a city or a ZIP typed in
// the search is resolved from the site's own small files; results come
// nearest first with miles on each, a radius limits them, and services that
// serve the area are listed after the located ones and labelled. On the
// public site, as survivors use it.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole } from '../pages/staff-console.mjs';

const SITE = 'http://127.0.0.1';

test('shelter within 25 miles of 92101: nearest first, miles on each, the state-wide line after', async ({ page }) => {
  const near = await new StaffConsole(page).goto('/');
  await near.search('shelter');
  await near.near('92101');
  await near.expectPlace('92101 San Diego, CA');
  await expect(near.order).toHaveValue('distance');
  await near.radius.selectOption('25');

  const ids = await near.resultIds();
  expect(ids.slice(0, 2)).toEqual(['fx-harbor-shelter', 'fx-mesa-safe-house']);
  expect(ids).not.toContain('fx-oceanside-night'); // 35 miles away
  expect(ids).not.toContain('fx-hudson-shelter'); // New York
  await expect(near.distance('fx-harbor-shelter')).toHaveText(/^0\.\d mi from 92101 San Diego, CA$/);
  await expect(near.distance('fx-mesa-safe-house')).toHaveText(/^About \d+ mi from 92101 San Diego, CA \(private address\)$/);
  await expect(near.distance('fx-statewide-legal')).toHaveText('Serves all of California');
  expect(ids.indexOf('fx-statewide-legal')).toBeGreaterThan(1);

  // Wider: the Oceanside shelter comes in, after the nearer two.
  await near.radius.selectOption('50');
  const wider = await near.resultIds();
  expect(wider.indexOf('fx-oceanside-night')).toBe(2);
  await expect(near.distance('fx-oceanside-night')).toHaveText(/^3\d\.\d mi from 92101/);

  // Best match instead of nearest first keeps the same services.
  await near.order.selectOption('relevance');
  expect((await near.resultIds()).sort()).toEqual([...wider].sort());
});

test('a ZIP code typed in the search places the search', async ({ page }) => {
  const near = await new StaffConsole(page).goto('/');
  await near.search('shelter 92101');
  await near.expectPlace('92101 San Diego, CA');
  await expect(near.placeInput).toHaveValue('92101');
  expect((await near.resultIds())[0]).toBe('fx-harbor-shelter');
});

test('a city and state work; an unknown ZIP says so calmly', async ({ page }) => {
  const near = await new StaffConsole(page).goto('/');
  await near.near('00000');
  await expect(near.placeStatus).toHaveText(/We could not find 00000/);
  await near.near('san diego, ca', { enter: true });
  await near.expectPlace('San Diego, CA');
  expect((await near.resultIds())[0]).toBe('fx-harbor-shelter');
});

test('a lookup fetches only a few KB of the site\'s own files and nothing else', async ({ page }) => {
  const near = new StaffConsole(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const geoBytes = [];
  page.on('response', async (r) => {
    if (r.url().includes('/site-data/geo/')) geoBytes.push((await r.body()).length);
  });
  await near.goto('/');
  await near.near('92101');
  await near.expectPlace('92101 San Diego, CA');
  expect(requests.every((u) => u.startsWith(SITE)), requests.join('\n')).toBe(true);
  const geo = requests.filter((u) => u.includes('/site-data/geo/'));
  expect(geo.map((u) => new URL(u).pathname)).toEqual(['/site-data/geo/zip/921.txt']);
  await expect.poll(() => geoBytes.length).toBe(1);
  expect(geoBytes[0]).toBeLessThan(20_000);
  // The public site never asks for the device's location.
  await expect(page.locator('#use-location')).toHaveCount(0);
});
