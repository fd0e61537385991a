// The staff console keeps every promise of the public site: through a
// near-me search, open now, the keyboard, a copy and a print preview,
// nothing is stored, no request leaves the site, no history entry is added.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole, allowClipboard } from '../pages/staff-console.mjs';
import { traces } from '../support/traces.mjs';

for (const path of ['/staff/', '/']) {
  test(`${path}: no trace and no third-party request through the staff flows`, async ({ page, context, baseURL }) => {
    await allowClipboard(context, baseURL);
    const origin = new URL(baseURL).origin;
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('about:blank');
    const staff = await new StaffConsole(page).goto(path);
    const start = await traces(page);

    await staff.search('shelter 92101');
    await staff.expectPlace('92101 San Diego, CA');
    await staff.openNow.check();
    await staff.near('San Diego, CA', { enter: true });
    await staff.expectPlace('San Diego, CA');
    if (path === '/staff/') {
      await staff.searchInput.press('ArrowDown');
      await page.keyboard.press('Enter');
    } else {
      await page.locator('.results .card-title button').first().click();
    }
    await expect(staff.serviceTitle).toBeVisible();
    if (path === '/staff/') {
      await page.keyboard.press('c');
      await expect(staff.copyStatus).toHaveText(/copied/);
      await page.keyboard.press('a');
      await page.emulateMedia({ media: 'print' });
      await page.emulateMedia({ media: 'screen' });
    }
    await page.locator('.service-detail .back').click();
    await expect(staff.searchInput).toBeVisible();

    expect(await traces(page)).toEqual(start);
    const elsewhere = requests.filter((u) => !u.startsWith(origin) && u !== 'about:blank');
    expect(elsewhere).toEqual([]);
    const fields = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')].filter((e) => e.getAttribute('autocomplete') !== 'off').map((e) => e.id));
    expect(fields).toEqual([]);
  });
}

test('quick exit works in the staff console too, even with a service open (Shift three times)', async ({ page }) => {
  const { EXIT_TITLE } = await import('../pages/directory-page.mjs');
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter 92101');
  await staff.expectPlace('92101 San Diego, CA');
  await staff.searchInput.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(staff.serviceTitle).toBeFocused();
  await expect(staff.quickExit).toBeVisible();
  const historyLength = await page.evaluate(() => history.length);
  // Escape only closes and clears in the console (no-exit-trap.spec.mjs);
  // Shift three times leaves from anywhere, as on the public site.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await expect(page).toHaveTitle(EXIT_TITLE);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});
