// A call or text button shows its whole label: a long Spanish label next to
// a number kept whole once pushed "1-888-373-7888" out of its button at
// 360 px, clipped, while every box still measured inside the page.
import { test, expect } from '../support/fixtures.mjs';

const clipped = (page) => page.locator('a.call').evaluateAll((links) =>
  links
    .filter((a) => a.getClientRects().length > 0)
    .filter((a) => a.scrollWidth > a.clientWidth + 1)
    .map((a) => `"${a.textContent.trim()}": content ${a.scrollWidth} px in ${a.clientWidth} px`));

for (const lang of ['en', 'es']) {
  test.describe(`phone 360x640, ${lang}`, () => {
    test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    test(`every call and text button's label fits inside it (${lang})`, async ({ directory, page }) => {
      await directory.goto();
      if (lang !== 'en') await directory.switchLanguage(lang);
      expect(await page.locator('.help-bar a.call').count()).toBeGreaterThanOrEqual(2);
      expect(await clipped(page), 'help bar').toEqual([]);
      await directory.search('shelter');
      await page.locator('.results .card-title button').first().click();
      await expect(page.locator('#service-title')).toBeVisible();
      expect(await clipped(page), 'service page').toEqual([]);
    });
  });
}
