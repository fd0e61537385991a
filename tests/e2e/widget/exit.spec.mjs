// Quick exit inside the widget replaces the partner's whole page.
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage, PARTNER_EXIT } from './widget-page.mjs';

test('quick exit from inside the widget replaces the top page with the configured destination', async ({ page }) => {
  await page.goto('about:blank');
  const partner = await new PartnerPage(page).goto();
  const before = await page.evaluate(() => history.length);
  await partner.widget.locator('#quick-exit').click();
  await page.waitForURL(PARTNER_EXIT);
  expect(await page.evaluate(() => history.length), 'replaced, not added').toBe(before);
  await page.goBack().catch(() => {});
  expect(page.url()).not.toContain('localhost');
});
