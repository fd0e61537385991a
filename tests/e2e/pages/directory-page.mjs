// Page object for Waypoint's directory view (search, filters, results) and
// the frame every view shares (quick exit, language switch, help bar).
import { expect } from '@playwright/test';
import { ServicePage } from './service-page.mjs';
import { SafetyPage } from './safety-page.mjs';
import { site } from '../support/data.mjs';

/** data/site.toml exit_url. Tests fulfil it locally (see routeExit). */
export const EXIT_URL = site().exit_url;
/** What the locally answered exit page is titled. */
export const EXIT_TITLE = 'Weather';

/** Answers the quick-exit destination without leaving this machine. */
export async function routeExit(page) {
  await page.route(`${new URL(EXIT_URL).origin}/**`, (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: `<title>${EXIT_TITLE}</title>neutral` }),
  );
}

export const FILTER_SELECTS = {
  domain: '#filter-domain',
  service: '#filter-service',
  population: '#filter-population',
  language: '#filter-language',
  state: '#filter-state',
  city: '#filter-city',
};
export const FILTER_CHECKS = { free: '#filter-free', '24/7': '#filter-24-7', remote: '#filter-remote' };

/** How many results are drawn before "Show more" (core's app::PAGE). */
export const FIRST_PAGE = 10;

export class DirectoryPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.searchInput = page.locator('#search-input');
    this.searchLabel = page.locator('label[for="search-input"]');
    this.status = page.locator('#results-status');
    this.cards = page.locator('.results .card');
    this.empty = page.locator('.results .empty');
    this.emptyClearButton = this.empty.locator('button');
    this.clearFiltersButton = page.locator('#clear-filters');
    this.filterPanel = page.locator('details.filters');
    this.quickExit = page.locator('#quick-exit');
    this.skipExit = page.locator('#skip-exit');
    this.exitDots = page.locator('.exit-dots .dot');
    this.exitDotsOn = page.locator('.exit-dots .dot.on');
    this.exitProgress = page.locator('#exit-progress');
    this.safetyButton = page.locator('#open-safety');
    this.header = page.locator('header.top');
    this.helpBar = page.locator('.help-bar');
    this.helpCallLink = this.helpBar.locator('a[href^="tel:"]');
    this.helpTextLink = this.helpBar.locator('a[href^="sms:"]');
    this.lawEnforcement = page.locator('details.law-enforcement-lines');
  }

  /** Opens the app and waits until it has loaded its data and rendered. */
  async goto() {
    await this.page.goto('/');
    await this.waitUntilReady();
    return this;
  }

  async waitUntilReady() {
    await expect(this.searchInput).toBeVisible();
    await expect(this.status).toHaveText(/\d/);
  }

  /**
   * Types a query. With `keyByKey`, one key press at a time, as a person types
   * (every intermediate query goes through the app).
   */
  async search(text, { keyByKey = false } = {}) {
    if (keyByKey) {
      await this.searchInput.fill('');
      await this.searchInput.pressSequentially(text);
    } else {
      await this.searchInput.fill(text);
    }
    await expect(this.searchInput).toHaveValue(text);
  }

  /** The result cards (never the law-enforcement lines). */
  results() {
    return this.cards;
  }

  card(id) {
    return this.page.locator(`.results .card[data-service="${id}"]`);
  }

  /** Service ids of the result cards, in order. */
  async resultIds() {
    return this.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-service')));
  }

  /** Every result's id, pressing "Show more" until the whole list is drawn. */
  async allResultIds() {
    const more = this.page.locator('.results button.more');
    while ((await more.count()) > 0) {
      const drawn = await this.cards.count();
      await more.click();
      await expect.poll(() => this.cards.count()).toBeGreaterThan(drawn);
    }
    return this.resultIds();
  }

  /** The number in the result status ("3 services found" -> 3). */
  async statusCount() {
    const text = (await this.status.textContent()) ?? '';
    const m = text.match(/\d+/);
    if (!m) throw new Error(`no count in status: ${JSON.stringify(text)}`);
    return Number(m[0]);
  }

  /** Waits until the status reports `n` and the cards drawn are `n`, or
   *  the first page of them (FIRST_PAGE) with "Show more" for the rest. */
  async expectCount(n) {
    await expect(this.status).toHaveText(new RegExp(`(^|\\D)${n}(\\D|$)`));
    await expect(this.cards).toHaveCount(Math.min(n, FIRST_PAGE));
    await expect(this.page.locator('.results button.more')).toHaveCount(n > FIRST_PAGE ? 1 : 0);
  }

  openButton(id) {
    return this.page.locator(`#open-${id}`);
  }

  /** Opens one service from the result list. */
  async openService(id) {
    await this.openButton(id).click();
    const service = new ServicePage(this.page);
    await expect(service.title).toBeVisible();
    return service;
  }

  /**
   * Sets one filter. Selects take a value (`'CA'`, `'es'`) or
   * `{ label: 'Housing' }`; checkboxes ('free', '24/7', 'remote') take a boolean.
   */
  async chooseFilter(name, value = true) {
    await this.openFilters();
    if (name in FILTER_CHECKS) {
      const box = this.page.locator(FILTER_CHECKS[name]);
      await box.setChecked(Boolean(value));
      await expect(box).toBeChecked({ checked: Boolean(value) });
      return;
    }
    const selector = FILTER_SELECTS[name];
    if (!selector) throw new Error(`unknown filter ${name}`);
    const select = this.page.locator(selector);
    await select.selectOption(value);
    if (typeof value === 'string') await expect(select).toHaveValue(value);
  }

  async clearFilters() {
    await this.openFilters();
    await this.clearFiltersButton.click();
  }

  /** Unfolds the filters, as a person on a phone taps "Filters" first (they
   *  start open on a wide screen). */
  async openFilters() {
    if (!(await this.filterPanel.evaluate((d) => d.open))) await this.filterPanel.locator('summary').click();
    await expect.poll(() => this.filterPanel.evaluate((d) => d.open)).toBe(true);
  }

  /** The one language control in the header: a select, each language
   *  named in itself. */
  get languagePicker() {
    return this.page.locator('header #language-select');
  }

  async chooseLanguage(lang) {
    await this.languagePicker.selectOption(lang);
  }

  async switchLanguage(lang) {
    await this.chooseLanguage(lang);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
    await expect(this.languagePicker).toHaveValue(lang);
  }

  /** Opens "Staying safe online" from the footer. */
  async openSafety() {
    await this.safetyButton.click();
    const safety = new SafetyPage(this.page);
    await expect(safety.title).toBeVisible();
    return safety;
  }

  async clickQuickExit() {
    await this.quickExit.click();
    await this.page.waitForURL(EXIT_URL);
  }
}
