// Promise: when the directory's data cannot be used, the page says so and
// still offers the hotline. Whatever comes back for site-data/site.bin (a
// 404, nothing, random bytes, half the real file, the real file with the
// wrong format version), #boot-error (role=alert) is shown with index.html's
// static call link, the page is not blank, and nothing throws uncaught.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { ROOT } from './support/data.mjs';

const REAL = fs.readFileSync(path.join(ROOT, 'dist/site-data/site.bin'));

/** 20 bytes that do not start with the bundle's "WPT" magic, fixed so a failure can be replayed. */
function randomBytes(n, seed = 20261128) {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  if (out.subarray(0, 3).toString('latin1') === 'WPT') out[0] ^= 0xff;
  return out;
}

const wrongVersion = () => {
  const copy = Buffer.from(REAL);
  copy[3] = (copy[3] + 1) & 0xff;
  return copy;
};

const CASES = {
  'a 404': { status: 404, body: 'not found', contentType: 'text/plain' },
  'an empty body': { status: 200, body: Buffer.alloc(0) },
  '20 random bytes': { status: 200, body: randomBytes(20) },
  'the magic and version, then 20 random bytes': { status: 200, body: Buffer.concat([REAL.subarray(0, 4), randomBytes(20, 7)]) },
  'the first half of the real file': { status: 200, body: REAL.subarray(0, Math.floor(REAL.length / 2)) },
  'the real file with byte 3 (the format version) changed': { status: 200, body: wrongVersion() },
};

test('the real file is a bundle, and the broken copies differ from it where intended', () => {
  expect(REAL.subarray(0, 3).toString('latin1')).toBe('WPT');
  expect(REAL.length).toBeGreaterThan(1000);
  expect(wrongVersion()[3]).not.toBe(REAL[3]);
  expect(wrongVersion().subarray(4)).toEqual(REAL.subarray(4));
});

for (const [name, answer] of Object.entries(CASES)) {
  test(`site.bin answered with ${name}: the error and the hotline are shown, no uncaught error, not blank`, async ({ page }) => {
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    let served = 0;
    await page.route('**/site-data/site.bin', (route) => {
      served++;
      return route.fulfill({ contentType: 'application/octet-stream', ...answer });
    });
    await page.goto('/');

    const error = page.locator('#boot-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).toHaveText(/could not load/i);
    expect(served).toBe(1);
    // The static hotline, as index.html wrote it.
    const call = page.locator('#boot a[href="tel:18883737888"]');
    await expect(call).toBeVisible();
    await expect(call).toHaveText(/1-888-373-7888/);
    await expect(page.locator('#boot a[href="sms:233733"]')).toBeVisible();
    await expect(page.locator('#boot a[href="tel:911"]')).toBeVisible();
    // "Loading…" is gone, so it does not claim to be still on its way.
    await expect(page.locator('#boot .loading')).toHaveCount(0);
    // Not blank: the notice is on screen, the html is not hidden, the title is set.
    await expect(page.locator('html')).not.toHaveAttribute('hidden');
    const visibleText = await page.evaluate(() => document.body.innerText.trim());
    expect(visibleText).toContain('1-888-373-7888');
    expect(await page.title()).not.toBe('');
    // No half-drawn app.
    await expect(page.locator('#search-input')).toHaveCount(0);
    await expect(page.locator('#app')).toBeEmpty();
    // Give a late panic time to surface.
    await page.waitForTimeout(300);
    expect(pageErrors, 'uncaught errors').toEqual([]);
  });
}

test('control: the real file, served the same way, loads the directory', async ({ page }) => {
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route('**/site-data/site.bin', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: REAL }),
  );
  await page.goto('/');
  await expect(page.locator('#search-input')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a broken second-language file (fetched on switching) does not break the page', async ({ directory, page }) => {
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route('**/site-data/locale-*.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: randomBytes(20) }));
  await directory.goto();
  await directory.chooseLanguage('es');
  await page.waitForTimeout(300);
  // Still a working directory, in one language or the other, with its hotline.
  await directory.search('housing');
  await expect(directory.cards.first()).toBeVisible();
  await expect(directory.helpCallLink).toBeVisible();
  await expect(directory.quickExit).toBeVisible();
  expect(pageErrors).toEqual([]);
});
