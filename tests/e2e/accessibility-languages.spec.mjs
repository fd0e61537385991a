// Promise: everyone can use it, in their own language. axe-core finds no
// WCAG 2.x A or AA violation on the directory, a result list and a service
// page in each language beyond English and Spanish (those two walk every
// view in accessibility.spec), on a 360 px phone: a `lang` on every piece
// of record text in another language, contrast and names in Arabic right
// to left, Thai and Chinese.
import { test, expect } from './support/fixtures.mjs';
import { axeViolations } from './support/axe.mjs';
import { site } from './support/data.mjs';

test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, deviceScaleFactor: 2 });

for (const lang of site().languages.filter((l) => !['en', 'es'].includes(l))) {
  test(`axe-core: no WCAG A/AA violation on the directory, results and a service (${lang})`, async ({ page, directory }) => {
    await directory.goto();
    await directory.switchLanguage(lang);
    const failures = {};
    const check = async (view) => {
      const { passes, violations } = await axeViolations(page);
      expect(passes, `axe ran on ${view}`).toBeGreaterThan(0);
      if (violations.length) failures[view] = violations;
    };
    await check('directory');
    await directory.search('shelter');
    await expect(page.locator('.results .card').first()).toBeVisible();
    await check('results');
    await page.locator('.results .card-title button').first().click();
    await expect(page.locator('#service-title')).toBeVisible();
    await check('service');
    expect(failures).toEqual({});
  });
}
