// The widget resizes to its content through postMessage, and the loader
// ignores a height message from any other origin.
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage } from './widget-page.mjs';

test('it resizes when results change and ignores a resize message from a wrong origin', async ({ page }) => {
  const partner = await new PartnerPage(page).goto();
  await expect.poll(() => partner.height()).toBeGreaterThan(480);
  const full = await partner.height();
  // Other results, another height: the empty state (with the hotline's
  // buttons) is not the list's height, and the frame follows its content.
  const content = () => partner.widget.locator('body').evaluate((b) => b.offsetHeight);
  await partner.widget.locator('#search-input').fill('qqqzzzxx');
  await expect.poll(() => partner.height(), 'the frame changes with its content').not.toBe(full);
  await expect.poll(async () => Math.abs((await partner.height()) - (await content())), 'the frame fits its content').toBeLessThan(2);
  const short = await partner.height();
  // A message from the partner's own origin (not Waypoint's) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'waypoint:height', height: 4321 }, '*'));
  await page.waitForTimeout(300);
  expect(await partner.height()).toBe(short);
  await partner.widget.locator('#search-input').fill('');
  await expect.poll(() => partner.height()).toBe(full);
});
