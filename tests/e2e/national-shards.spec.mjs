// A national directory split by state (built with WAYPOINT_SHARDS=always
// by `make e2e-fixtures`): the default view loads only the nationwide
// services; choosing a state loads that state's file once; typing never
// fetches; a state file that fails to load leaves a calm message and the
// nationwide services.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { ROOT } from './support/data.mjs';

const FIXTURE = join(ROOT, 'target/e2e-fixtures/sharded');

async function serveSharded(page, { failShards = false } = {}) {
  expect(existsSync(join(FIXTURE, 'site.bin')), 'run `make e2e-fixtures` first').toBe(true);
  await page.route('**/site-data/**', (route) => {
    const name = basename(new URL(route.request().url()).pathname);
    if (failShards && name.startsWith('shard-')) return route.fulfill({ status: 404, body: '' });
    const file = join(FIXTURE, name);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: readFileSync(file) });
  });
}

test('choosing a state loads its services once; typing never fetches', async ({ page, directory }) => {
  await serveSharded(page);
  const data = [];
  page.on('request', (r) => { if (r.url().includes('/site-data/')) data.push(basename(new URL(r.url()).pathname)); });
  await directory.goto();
  expect(data, 'the default view loads the nationwide bundle only').toEqual(['site.bin']);
  await expect(page.locator('.results .card[data-service="project-life-housing"]')).toHaveCount(0);

  await page.selectOption('#filter-state', 'CA');
  await expect(page.locator('.results .card[data-service="project-life-housing"]')).toHaveCount(1);
  const caFile = readdirSync(FIXTURE).find((f) => f.startsWith('shard-CA-'));
  expect(data).toEqual(['site.bin', caFile]);
  await expect(page.locator('.results .card[data-service="nhth-hotline"]'), 'nationwide lines still serve CA').toHaveCount(1);

  await page.selectOption('#filter-state', '');
  await page.selectOption('#filter-state', 'CA');
  await directory.search('shelter');
  expect(data, 'CA is not fetched twice and typing fetches nothing').toEqual(['site.bin', caFile]);
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
