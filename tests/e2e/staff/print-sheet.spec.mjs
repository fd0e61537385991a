// The printed referral sheet: only the chosen referrals and the hotline,
// with no navigation and no quick-exit button on paper.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole } from '../pages/staff-console.mjs';

test('print preview: the sheet alone, no exit bar; on screen: the reverse', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  await staff.selectBox('fx-harbor-shelter').check();
  await staff.selectBox('fx-mesa-safe-house').check();

  await expect(staff.sheet).toBeHidden();
  await expect(staff.quickExit).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(staff.quickExit).toBeHidden();
  await expect(staff.header).toBeHidden();
  await expect(staff.helpBar).toBeHidden();
  await expect(page.locator('details.filters')).toBeHidden();
  await expect(page.locator('main')).toBeHidden();
  await expect(staff.sheet).toBeVisible();
  const referrals = staff.sheet.locator('.referral-text');
  await expect(referrals).toHaveCount(3); // the two chosen, then the hotline
  await expect(referrals.nth(0)).toContainText('Harbor Light emergency shelter (fictional)');
  await expect(referrals.nth(1)).toContainText('Private address in La Mesa, CA');
  await expect(referrals.nth(2)).toContainText('National Human Trafficking Hotline');

  await page.emulateMedia({ media: 'screen' });
  await expect(staff.sheet).toBeHidden();
  await expect(staff.quickExit).toBeVisible();
});
