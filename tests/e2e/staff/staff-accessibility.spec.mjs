// The staff tools are usable by everyone too: axe finds no WCAG 2.2 A/AA
// violation with a place, open now, the compact list, the referral list,
// a copy notice and the shortcuts list on screen.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole, allowClipboard } from '../pages/staff-console.mjs';
import { axeViolations } from '../support/axe.mjs';

test('near me, compact list, referral list, copy notice and shortcuts: no axe violations', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter 92101');
  await staff.expectPlace('92101 San Diego, CA');
  await staff.openNow.check();
  await staff.selectBox('fx-mesa-safe-house').check();
  await page.locator('#shortcuts summary').click();
  let result = await axeViolations(page);
  expect(result.violations, JSON.stringify(result.violations, null, 2)).toEqual([]);

  await staff.compactButton.click();
  await staff.copyAllButton.click();
  await expect(staff.copyStatus).toHaveText(/copied/);
  result = await axeViolations(page);
  expect(result.violations, JSON.stringify(result.violations, null, 2)).toEqual([]);

  await staff.openButton('fx-mesa-safe-house').click();
  await page.locator('#copy-referral').click();
  await expect(staff.copyStatus).toHaveText(/copied/);
  result = await axeViolations(page);
  expect(result.violations, JSON.stringify(result.violations, null, 2)).toEqual([]);
  expect(result.passes).toBeGreaterThan(10);
});
