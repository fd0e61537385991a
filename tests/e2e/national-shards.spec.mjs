// A national directory split by state (built with WAYPOINT_SHARDS=always
// by `make e2e-fixtures`): the default view loads only the nationwide
// services; choosing a state loads that state's file once; typing never
// fetches; a state file that fails to load leaves a calm message and the
// nationwide services.
import { readdirSync } from 'node:fs';
import { test, expect } from './support/fixtures.mjs';
import { fixtureFolder, serveSiteData } from './support/site-data.mjs';

const FIXTURE = fixtureFolder('sharded');

const serveSharded = (page, { failShards = false } = {}) =>
  serveSiteData(page, FIXTURE, { fail: (name) => failShards && name.startsWith('shard-') });

test('choosing a state loads its services once; typing never fetches', async ({ page, directory }) => {
  const fetched = await serveSharded(page);
  await directory.goto();
  // Besides the bundle, only the instant-search words (the same file for
  // everyone, fetched once the page has drawn); no state's services.
  const data = () => fetched.filter((name) => name !== 'search-es.bin');
  expect(data(), 'the default view loads the nationwide bundle only').toEqual(['site.bin']);
  await expect(page.locator('.results .card[data-service="project-life-housing"]')).toHaveCount(0);

  await page.selectOption('#filter-state', 'CA');
  await expect.poll(() => directory.allResultIds()).toContain('project-life-housing');
  const caFile = readdirSync(FIXTURE).find((f) => f.startsWith('shard-CA-'));
  expect(data()).toEqual(['site.bin', caFile]);
  await expect(page.locator('.results .card[data-service="nhth-hotline"]'), 'nationwide lines still serve CA').toHaveCount(1);

  await page.selectOption('#filter-state', '');
  await page.selectOption('#filter-state', 'CA');
  await directory.search('shelter');
  expect(data(), 'CA is not fetched twice and typing fetches nothing').toEqual(['site.bin', caFile]);
  expect(fetched.filter((name) => name === 'search-es.bin').length, 'the Spanish search words once').toBeLessThanOrEqual(1);
  await expect(page.locator('.results .card').first()).toBeVisible();
});

test('a state file that fails to load leaves a calm message and the nationwide services', async ({ page, directory }) => {
  await serveSharded(page, { failShards: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await directory.goto();
  await page.selectOption('#filter-state', 'CA');
  await expect(page.locator('.results [role="alert"]')).toBeVisible();
  await expect(page.locator('.results .card[data-service="nhth-hotline"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
