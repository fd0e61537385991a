// Switching language changes the whole interface in place, without a reload.
import { test, expect } from './support/fixtures.mjs';
import { uiStrings } from './support/data.mjs';

test('Spanish and back to English, without reloading the page', async ({ directory, page }) => {
  const en = uiStrings('en');
  const es = uiStrings('es');
  await directory.goto();
  await directory.search('shelter');
  const ids = await directory.resultIds();

  await page.evaluate(() => { window.__marker = 1; });
  const navigations = () => page.evaluate(() => performance.getEntriesByType('navigation').length);
  const before = await navigations();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(directory.languagePicker).toHaveValue('en');
  await directory.switchLanguage('es');
  await expect(directory.searchLabel).toHaveText(es.search.label);
  await expect(directory.quickExit).toHaveText(es.exit.button);
  await expect(page.locator('#directory-title')).toHaveText(es.directory.title);
  await expect(directory.clearFiltersButton).toHaveText(es.filters.clear);
  // The search and its results survive the switch.
  await expect(directory.searchInput).toHaveValue('shelter');
  expect(await directory.resultIds()).toEqual(ids);

  expect(await page.evaluate(() => window.__marker)).toBe(1);
  expect(await navigations()).toBe(before);

  await directory.switchLanguage('en');
  await expect(directory.searchLabel).toHaveText(en.search.label);
  await expect(directory.quickExit).toHaveText(en.exit.button);
  await expect(page.locator('#directory-title')).toHaveText(en.directory.title);
  expect(await page.evaluate(() => window.__marker)).toBe(1);
  expect(await navigations()).toBe(before);
});
