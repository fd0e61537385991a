// Keyboard first, for an advocate on a call: from the caller's ZIP and need
// to a referral read out and copied without the mouse, in a few keys.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole, allowClipboard } from '../pages/staff-console.mjs';

test('ZIP and need to a copied referral in three keys after the query', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  const staff = await new StaffConsole(page).goto('/staff/');
  const start = { url: page.url(), history: await page.evaluate(() => history.length) };

  await page.keyboard.press('/');
  expect(await staff.focused()).toBe('search-input');
  await page.keyboard.type('shelter 92101');
  await staff.expectPlace('92101 San Diego, CA');

  let keys = 0;
  const press = async (key) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  await press('ArrowDown');
  expect(await staff.focused()).toBe('open-fx-harbor-shelter');
  await press('Enter');
  await expect(staff.serviceTitle).toHaveText('Harbor Light emergency shelter (fictional)');
  await expect(staff.serviceTitle).toBeFocused();
  await press('c');
  await expect(staff.copyStatus).toHaveText(/Referral copied/);
  const text = await staff.clipboard();
  expect(text).toContain('Harbor Light emergency shelter (fictional)');
  expect(text).toContain('Call: 619-555-0101');
  expect(text).toMatch(/Distance: 0\.\d mi from 92101 San Diego, CA/);
  expect(text).toContain('Last checked: October 1, 2026');
  expect(keys, 'keys after typing the query').toBeLessThan(10);

  await page.keyboard.press('Escape');
  await expect(page.locator('#open-fx-harbor-shelter')).toBeFocused();
  expect(page.url()).toBe(start.url);
  expect(await page.evaluate(() => history.length)).toBe(start.history);
});

test('arrows move through the results and back to the search box', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  await staff.searchInput.press('ArrowDown');
  const first = await staff.focused();
  await page.keyboard.press('ArrowDown');
  const second = await staff.focused();
  expect(second).not.toBe(first);
  expect(second).toMatch(/^open-/);
  await page.keyboard.press('ArrowUp');
  expect(await staff.focused()).toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await staff.focused()).toBe('search-input');
});

test('letters are shortcuts outside text boxes only; Alt works anywhere', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.searchInput.click();
  await page.keyboard.type('do');
  await expect(staff.searchInput).toHaveValue('do');
  await expect(staff.openNow).not.toBeChecked();
  await expect(staff.compactButton).toHaveAttribute('aria-pressed', 'false');

  await staff.search('');
  await staff.searchInput.press('ArrowDown'); // onto the first result
  await page.keyboard.press('o');
  await expect(staff.openNow).toBeChecked();
  await page.keyboard.press('d');
  await expect(staff.compactButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.results ol.cards')).toHaveClass(/compact/);
  await page.keyboard.press('1');
  await expect(page.locator('#filter-domain')).toHaveValue('0');

  await staff.searchInput.click();
  await page.keyboard.press('Alt+KeyO');
  await expect(staff.openNow).not.toBeChecked();
  await expect(staff.searchInput).toHaveValue('');
});
