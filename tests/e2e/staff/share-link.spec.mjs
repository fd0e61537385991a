// A link to a search, only on request: the words, the place as typed and
// the filters in the fragment; the address bar never changes; the link
// opens the same search; nothing from the guide ever enters it.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole, allowClipboard } from '../pages/staff-console.mjs';

// Monday 10:00 in San Diego, so "open now" keeps the downtown shelter.
const MONDAY_MORNING = new Date('2026-11-30T18:00:00Z');

test('copy link holds the search, restores it, and never touches the address bar', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  await page.clock.setFixedTime(MONDAY_MORNING);
  const staff = await new StaffConsole(page).goto('/staff/');
  const start = { url: page.url(), history: await page.evaluate(() => history.length) };
  await staff.search('shelter');
  await staff.near('92101');
  await staff.expectPlace('92101 San Diego, CA');
  await staff.radius.selectOption('25');
  await staff.openNow.check();
  expect(page.url()).toBe(start.url);

  await staff.copyLinkButton.click();
  await expect(staff.copyStatus).toHaveText(/Link copied/);
  const link = await staff.clipboard();
  expect(link).toBe(`${new URL(baseURL).origin}/staff/#q=shelter&near=92101&r=25&sort=distance&open=1`);
  expect(page.url()).toBe(start.url);
  expect(await page.evaluate(() => history.length)).toBe(start.history);

  const other = await context.newPage();
  await other.clock.setFixedTime(MONDAY_MORNING);
  const colleague = new StaffConsole(other);
  await colleague.goto(link.replace(new URL(baseURL).origin, ''));
  await expect(colleague.searchInput).toHaveValue('shelter');
  await expect(colleague.placeInput).toHaveValue('92101');
  await colleague.expectPlace('92101 San Diego, CA');
  await expect(colleague.radius).toHaveValue('25');
  await expect(colleague.order).toHaveValue('distance');
  await expect(colleague.openNow).toBeChecked();
  expect((await colleague.resultIds())[0]).toBe('fx-harbor-shelter');
});

test('guide answers never enter a link', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  const staff = await new StaffConsole(page).goto('/staff/');
  // Through the guide to its result, answering where it can, then to the
  // directory for one need.
  // In the console the guide is in the footer (the survivor's invitation is left out).
  await page.locator('#footer-guide').click();
  await page.locator('#guide-start').click();
  for (const id of ['#answer-no', '#guide-skip', '#answer-no', '#answer-yes', '#answer-yes', '#guide-skip', '#guide-skip', '#answer-shelter', '#guide-next']) {
    await page.locator(id).click();
  }
  const need = page.locator('#need-shelter');
  await need.click();
  await expect(staff.searchInput).toBeVisible();
  await staff.copyLinkButton.click();
  await expect(staff.copyStatus).toHaveText(/Link copied/);
  const link = new URL(await staff.clipboard());
  expect(link.pathname).toBe('/staff/');
  // Only the directory's own keys: the need became a filter, no answer
  // or sign from the guide is there.
  const keys = [...new URLSearchParams(link.hash.slice(1)).keys()];
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(['q', 'near', 'r', 'sort', 'type', 'service', 'for', 'lang', 'state', 'city', 'free', '24-7', 'remote', 'open']).toContain(key);
  expect(link.hash).toBe('#type=housing');
});

test('a link to a best-match search near a place opens as best match, not nearest first', async ({ page, context, baseURL }) => {
  await allowClipboard(context, baseURL);
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('legal');
  await staff.near('San Diego, CA', { enter: true });
  await staff.expectPlace('San Diego, CA');
  await staff.order.selectOption('relevance');
  await staff.copyLinkButton.click();
  await expect(staff.copyStatus).toHaveText(/Link copied/);
  const link = await staff.clipboard();
  expect(link).toBe(`${new URL(baseURL).origin}/staff/#q=legal&near=San%20Diego%2C%20CA&sort=relevance`);

  const other = await context.newPage();
  const colleague = new StaffConsole(other);
  await colleague.goto(link.replace(new URL(baseURL).origin, ''));
  await colleague.expectPlace('San Diego, CA');
  await expect(colleague.order).toHaveValue('relevance');
  expect(await colleague.resultIds()).toEqual(await staff.resultIds());
});
