// In the staff console Escape closes and clears, and never leaves: a worker
// on a call presses it often, and leaving would lose the referral list.
// Quick exit stays one click and Shift x3.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole } from '../pages/staff-console.mjs';
import { site } from '../support/data.mjs';

test.use({ viewport: { width: 1280, height: 800 } });

for (const [name, gap] of [['fast (100 ms apart)', 100], ['slow (900 ms apart)', 900]]) {
  test(`Escape twice, ${name}, never leaves the console and keeps the referral list`, async ({ page }) => {
    const staff = await new StaffConsole(page).goto('/staff/');
    const url = page.url();
    await staff.search('shelter');
    await staff.selectBox('fx-oceanside-night').check();
    await staff.selectBox('fx-harbor-shelter').check();
    await expect(staff.selectionCount).toHaveText('2 on the referral list');
    await staff.openButton('fx-harbor-shelter').click();
    await expect(page.locator('#service-title')).toBeVisible();
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(gap);
    }
    // Closed the service (the console's own use of Escape), still here.
    await expect(page.locator('#service-title')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(gap);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1200);
    expect(page.url()).toBe(url);
    await expect(page.locator('#quick-exit')).toBeVisible();
    await expect(staff.selectionCount).toHaveText('2 on the referral list');
    // The hint names only the shortcut that works here.
    await expect(page.locator('#exit-hint')).not.toContainText('Escape');
  });
}

test('Shift three times still leaves the console at once', async ({ page }) => {
  await new StaffConsole(page).goto('/staff/');
  const exitUrl = site().exit_url;
  await page.route(`${new URL(exitUrl).origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForURL(exitUrl);
});
