// A Spanish word on the English page finds Spanish-labelled records: the
// site's instant-search language's words come in their own small file,
// fetched once the page has drawn (not in the first download), the same
// request whatever is typed; the page stays in English.
import { test, expect } from './support/fixtures.mjs';

test('"vivienda" on the English page finds housing, from a search file fetched after the first draw', async ({ page, directory }) => {
  const files = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname));
  await directory.goto();
  await directory.search('vivienda');
  await expect(page.locator('.results .card[data-service="project-life-housing"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const data = files.filter((p) => p.includes('/site-data/'));
  expect(data, 'the bundle, then the Spanish search words, once each').toEqual(['/site-data/site.bin', '/site-data/search-es.bin']);
  expect(files.filter((p) => p.includes('vivienda')), 'no request carries the query').toEqual([]);
});
