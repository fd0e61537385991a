// Serves a bundle folder that `make e2e-fixtures` built (a national
// directory split by state, a regional site in parts) as the page's
// `site-data/`, and records which of its files the page fetched: the specs
// assert that no fetch depends on what was typed.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from '@playwright/test';
import { ROOT } from './data.mjs';

/** The folder of a built fixture under target/e2e-fixtures/. */
export const fixtureFolder = (name) => join(ROOT, 'target/e2e-fixtures', name);

/**
 * Answers `site-data/*` from `folder`; `fail(name)` makes a file answer 404.
 * Returns the list of file names the page requests, in order.
 */
export async function serveSiteData(page, folder, { fail = () => false } = {}) {
  expect(existsSync(join(folder, 'site.bin')), 'run `make e2e-fixtures` first').toBe(true);
  const fetched = [];
  page.on('request', (r) => {
    if (r.url().includes('/site-data/')) fetched.push(basename(new URL(r.url()).pathname));
  });
  await page.route('**/site-data/**', (route) => {
    const name = basename(new URL(route.request().url()).pathname);
    const file = join(folder, name);
    if (fail(name) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: readFileSync(file) });
  });
  return fetched;
}
