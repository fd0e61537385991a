// Open now, with a fixed clock: each service's hours judged in its own time
// zone, the words a caller hears, and the filter.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole } from '../pages/staff-console.mjs';

test('Monday 10:00 in Los Angeles, 13:00 in New York', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T18:00:00Z'));
  const near = await new StaffConsole(page).goto('/');
  await near.search('shelter');
  await expect(near.openStatus('fx-harbor-shelter')).toHaveText('Open now · closes 5 pm');
  await expect(near.openStatus('fx-hudson-shelter')).toHaveText('Open now · closes 5 pm');
  await expect(near.openStatus('fx-oceanside-night')).toHaveText('Closed · opens 7 pm');
  await expect(near.openStatus('fx-mesa-safe-house')).toHaveText('Open 24/7');
  await expect(near.openStatus('fx-oceanside-night')).toHaveClass(/closed/);

  await near.openNow.check();
  const ids = await near.resultIds();
  expect(ids).toEqual(expect.arrayContaining(['fx-harbor-shelter', 'fx-hudson-shelter', 'fx-mesa-safe-house']));
  expect(ids).not.toContain('fx-oceanside-night');
});

test('Monday 15:30 in Los Angeles is 18:30 in New York: one open, one closed', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T23:30:00Z'));
  const near = await new StaffConsole(page).goto('/');
  await near.search('shelter');
  await expect(near.openStatus('fx-harbor-shelter')).toHaveText('Open now · closes 5 pm');
  await expect(near.openStatus('fx-hudson-shelter')).toHaveText('Closed · opens tomorrow 9 am');
  await near.openNow.check();
  const ids = await near.resultIds();
  expect(ids).toContain('fx-harbor-shelter');
  expect(ids).not.toContain('fx-hudson-shelter');
});

test('past midnight, hours not listed, and the service page\'s week', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00Z')); // Tuesday 01:00 in Los Angeles
  const near = await new StaffConsole(page).goto('/');
  await near.search('oceanside');
  await expect(near.openStatus('fx-oceanside-night')).toHaveText('Open now · closes 7 am');
  await near.search('sexual assault');
  // A record with no hours is never "open now" (RAINN's line lists none in
  // the default data: "Hours not listed" until a source says otherwise),
  // and the page says how many were left out for that.
  await expect(near.openStatus('rainn-hotline')).toHaveText('Hours not listed');
  await near.openNow.check();
  expect(await near.resultIds()).not.toContain('rainn-hotline');
  await expect(page.locator('.results .hours-unknown')).toContainText(/(does not list its|do not list their) hours/);
  await near.openNow.uncheck();

  await near.search('harbor');
  await near.openButton('fx-harbor-shelter').click();
  await expect(page.locator('.service-detail .hours li')).toHaveText(['Mon–Fri 9 am–5 pm', 'Sat–Sun closed', 'Pacific time']);
  await expect(page.locator('.service-detail .open-status')).toHaveText('Closed · opens 9 am');
});
