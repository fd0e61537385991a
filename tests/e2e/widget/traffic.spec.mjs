// No storage in either origin and no request to any third origin.
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage, SITE, PARTNER } from './widget-page.mjs';

// Each store's item count; "denied" where the browser does not even let the
// document reach it (a third-party frame may be refused storage outright).
const storage = () =>
  (async () => {
    const count = async (f) => {
      try {
        return await f();
      } catch (e) {
        return 0;
      }
    };
    return {
      cookie: await count(() => document.cookie),
      local: await count(() => localStorage.length),
      session: await count(() => sessionStorage.length),
      idb: await count(async () => (await indexedDB.databases()).length),
      caches: await count(async () => (await caches.keys()).length),
    };
  })();

test('nothing stored in either origin, no request anywhere else', async ({ page }) => {
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  const partner = await new PartnerPage(page).goto();
  await partner.widget.locator('#search-input').fill('refugio');
  await partner.widget.locator('.results .card button').first().click();
  await expect(partner.widget.locator('#service-title')).toBeVisible();
  const empty = { cookie: '', local: 0, session: 0, idb: 0, caches: 0 };
  expect(await page.evaluate(storage)).toEqual(empty);
  expect(await partner.frame().evaluate(storage)).toEqual(empty);
  expect([...origins].sort()).toEqual([SITE, PARTNER].sort());
});
