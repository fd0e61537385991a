// Quick exit leaves at once and replaces the page in history, so Back does
// not bring the directory up again.
import { test, expect } from './support/fixtures.mjs';
import { EXIT_URL } from './pages/directory-page.mjs';
import { site } from './support/data.mjs';

test.beforeEach(async ({ page }) => {
  expect(site().exit_url).toBe(EXIT_URL);
  // A previous entry, so Back has somewhere to go.
  await page.goto('about:blank');
});

async function expectBackNeverReachesApp(page, baseURL) {
  await page.goBack().catch(() => null);
  // Give a wrong history entry time to load the app again.
  await page.waitForTimeout(300);
  expect(page.url(), 'Back after Quick exit must not return to the directory').not.toContain(new URL(baseURL).host);
  expect(['about:blank', EXIT_URL]).toContain(page.url());
  await expect(page.locator('#search-input')).toHaveCount(0);
}

test('from the directory view', async ({ directory, page, baseURL }) => {
  await directory.goto();
  await directory.search('shelter');
  await directory.clickQuickExit();
  expect(page.url()).toBe(EXIT_URL);
  await expect(page).toHaveTitle('Weather');
  await expectBackNeverReachesApp(page, baseURL);
});

test('from a service view', async ({ directory, page, baseURL }) => {
  await directory.goto();
  await directory.openService('nhth-hotline');
  await directory.clickQuickExit();
  expect(page.url()).toBe(EXIT_URL);
  await expect(page).toHaveTitle('Weather');
  await expectBackNeverReachesApp(page, baseURL);
});

test('from the keyboard: the hidden "Leave this site now" skip button', async ({ directory, page, baseURL }) => {
  await directory.goto();
  await page.keyboard.press('Tab'); // skip to main content
  await page.keyboard.press('Tab'); // leave this site now
  await expect(page.locator(':focus')).toHaveText('Leave this site now');
  await page.keyboard.press('Enter');
  await page.waitForURL(EXIT_URL);
  await expectBackNeverReachesApp(page, baseURL);
});

test('after using the "Skip to main content" link', async ({ directory, page, baseURL }) => {
  await directory.goto();
  const before = await page.evaluate(() => history.length);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Skip to main content');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  // In-app navigation must not add a history entry that Quick exit cannot replace.
  expect.soft(await page.evaluate(() => history.length), "history.length after the skip link").toBe(before);
  await directory.clickQuickExit();
  await expectBackNeverReachesApp(page, baseURL);
});
