// The widget resizes to its content through postMessage, and the loader
// ignores a height message from any other origin.
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage } from './widget-page.mjs';

test('it resizes when results change and ignores a resize message from a wrong origin', async ({ page }) => {
  const partner = await new PartnerPage(page).goto();
  await expect.poll(() => partner.height()).toBeGreaterThan(480);
  const full = await partner.height();
  await partner.widget.locator('#search-input').fill('qqqzzzxx');
  await expect.poll(() => partner.height(), 'fewer results, a shorter frame').toBeLessThan(full);
  const short = await partner.height();
  // A message from the partner's own origin (not Waypoint's) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'waypoint:height', height: 4321 }, '*'));
  await page.waitForTimeout(300);
  expect(await partner.height()).toBe(short);
  await partner.widget.locator('#search-input').fill('');
  await expect.poll(() => partner.height()).toBe(full);
});
