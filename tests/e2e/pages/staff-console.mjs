// Page object for the near-me, open-now and referral tools: the public site
// at `/` and the staff console at `/staff/` (the same directory plus the
// staff tools). Serves the fictional San Diego providers of
// tests/fixtures/nearby (built by `make e2e-fixtures`) in place of the
// default data; the ZIP and city files come from the real site.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.mjs';
import { ROOT } from '../support/data.mjs';

const NEARBY = join(ROOT, 'target/e2e-fixtures/nearby/site.bin');

/** Answers every page's `site-data/site.bin` with the nearby fixture. */
export async function serveNearbyFixture(page) {
  expect(existsSync(NEARBY), 'run `make e2e-fixtures` first').toBe(true);
  await page.route('**/site-data/site.bin', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: readFileSync(NEARBY) }),
  );
}

export class StaffConsole extends DirectoryPage {
  constructor(page) {
    super(page);
    this.placeInput = page.locator('#place-input');
    this.placeStatus = page.locator('#place-status');
    this.radius = page.locator('#filter-radius');
    this.order = page.locator('#sort-order');
    this.openNow = page.locator('#filter-open-now');
    this.copyStatus = page.locator('#copy-status');
    this.copyFallback = page.locator('#copy-fallback');
    this.copyLinkButton = page.locator('#copy-link');
    this.compactButton = page.locator('#toggle-compact');
    this.selectionCount = page.locator('#selection-count');
    this.copyAllButton = page.locator('#copy-all');
    this.sheet = page.locator('.referral-sheet');
    this.serviceTitle = page.locator('#service-title');
  }

  /** Opens `path` (`/staff/` or `/`) on the fictional San Diego data. */
  async goto(path = '/staff/') {
    await serveNearbyFixture(this.page);
    await this.page.goto(path);
    await this.waitUntilReady();
    return this;
  }

  /** Types a place in the place box; a ZIP is looked up as it is typed. */
  async near(text, { enter = false } = {}) {
    await this.placeInput.fill(text);
    if (enter) await this.placeInput.press('Enter');
  }

  async expectPlace(label) {
    await expect(this.placeStatus).toHaveText(`Showing services near ${label}`);
  }

  distance(id) {
    return this.card(id).locator('.distance');
  }

  openStatus(id) {
    return this.card(id).locator('.open-status');
  }

  selectBox(id) {
    return this.page.locator(`#select-${id}`);
  }

  async clipboard() {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The id of the element with keyboard focus. */
  async focused() {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }
}

/** Clipboard access for the site's origin (what a person grants by using Copy). */
export async function allowClipboard(context, baseURL) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
}
