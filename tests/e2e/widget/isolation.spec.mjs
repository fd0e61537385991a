// A script on the partner's page cannot read what a visitor types.
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage } from './widget-page.mjs';

test("the partner page's scripts cannot read the search box", async ({ page }) => {
  const partner = await new PartnerPage(page).goto();
  await partner.widget.locator('#search-input').fill('my secret words');
  const attempt = await page.evaluate(() => {
    try {
      return document.querySelector('iframe').contentWindow.document.querySelector('#search-input').value;
    } catch (e) {
      return `blocked: ${e.name}`;
    }
  });
  expect(attempt).toBe('blocked: SecurityError');
  expect(await page.evaluate(() => document.documentElement.innerHTML)).not.toContain('my secret words');
  const src = await partner.iframe.getAttribute('src');
  expect(src, 'nothing typed goes into the frame URL').not.toContain('secret');
});
