// The referral as plain text: one from a service page, several at once in
// the order chosen, and the text shown to copy by hand when the browser
// refuses the clipboard.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole, allowClipboard } from '../pages/staff-console.mjs';

test('copy referral: every fact from the record, a private address only as its city', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('mesa');
  await staff.openButton('fx-mesa-safe-house').click();
  await page.locator('#copy-referral').click();
  await expect(staff.copyStatus).toHaveText(/Referral copied/);
  expect((await staff.clipboard()).split('\n')).toEqual([
    'Mesa safe house (fictional) (Mesa Safe House (fictional))',
    'Offers: Emergency shelter, Case management',
    'Who they serve: Women, Youth and minors',
    'Languages: English',
    'Call: 619-555-0102',
    'Address: Private address in La Mesa, CA; they share it when you call',
    'Hours: Open 24/7',
    'How to get help: Call the 24-hour line; staff will arrange a safe place to meet.',
    'Last checked: October 1, 2026 (source: Waypoint test fixture (fictional data))',
  ]);
});

test('several referrals copy at once, in the order chosen', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  await staff.selectBox('fx-oceanside-night').check();
  await staff.selectBox('fx-harbor-shelter').check();
  await expect(staff.selectionCount).toHaveText('2 on the referral list');
  await staff.copyAllButton.click();
  await expect(staff.copyStatus).toHaveText('2 referrals copied.');
  const text = await staff.clipboard();
  expect(text.indexOf('Oceanside night shelter')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('Oceanside night shelter')).toBeLessThan(text.indexOf('Harbor Light emergency shelter'));
  expect(text.match(/^Last checked:/gm)).toHaveLength(2);
});

test('where the clipboard is refused, the text is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('harbor');
  await staff.openButton('fx-harbor-shelter').click();
  await page.locator('#copy-referral').click();
  await expect(staff.copyStatus).toHaveText(/Copying is blocked here/);
  await expect(staff.copyFallback).toBeFocused();
  const { value, selected } = await staff.copyFallback.evaluate((t) => ({ value: t.value, selected: t.value.slice(t.selectionStart, t.selectionEnd) }));
  expect(value).toContain('Call: 619-555-0101');
  expect(selected).toBe(value);
  await expect(staff.copyFallback).toHaveAttribute('autocomplete', 'off');
});

test('on a page with no clipboard at all (plain http from another machine), the text is shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('harbor');
  await staff.openButton('fx-harbor-shelter').click();
  await page.locator('#copy-referral').click();
  await expect(staff.copyStatus).toHaveText(/Copying is blocked here/);
  await expect(staff.copyFallback).toBeFocused();
  expect(await staff.copyFallback.inputValue()).toContain('Call: 619-555-0101');
  expect(errors).toEqual([]);
});
