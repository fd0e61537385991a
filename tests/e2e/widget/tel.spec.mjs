// A tel: link inside the sandboxed frame may navigate (Chrome blocks it in a
// sandbox without allow-top-navigation-to-custom-protocols or similar).
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage } from './widget-page.mjs';

test('a tel: link inside the sandboxed iframe is allowed to navigate', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  const partner = await new PartnerPage(page).goto();
  const sandbox = await partner.iframe.getAttribute('sandbox');
  expect(sandbox.split(' ')).toEqual(expect.arrayContaining(['allow-top-navigation-to-custom-protocols', 'allow-top-navigation-by-user-activation']));
  const link = partner.widget.locator('.help-bar a[href^="tel:"]').first();
  await link.click({ noWaitAfter: true }).catch(() => {});
  await page.waitForTimeout(500);
  const blocked = messages.filter((m) => /sandbox/i.test(m) && /tel:|custom protocol|navigat/i.test(m));
  expect(blocked, 'no sandbox block message').toEqual([]);
});
