// Page object for a partner's page with the Waypoint widget in it.
import { expect } from '@playwright/test';
import { readToml, services } from '../support/data.mjs';

export const SITE = `http://127.0.0.1:${process.env.E2E_PORT ?? 8099}`;
export const PARTNER = `http://localhost:${process.env.PARTNER_PORT ?? Number(process.env.E2E_PORT ?? 8099) - 2}`;
/** The exit destination the partner page sets (data-exit). */
export const PARTNER_EXIT = 'https://www.bbc.com/news';

/** Domain of each service code, from data/taxonomy.toml. */
export function domainOf(code) {
  return readToml('taxonomy.toml').service.find((s) => s.code === code)?.domain;
}

/** Whether a service (from data/providers) serves a state. */
export function servesState(service, state) {
  const areas = service.areas ?? [];
  const located = (service.locations ?? []).some((l) => l.state === state);
  return located || areas.some((a) => a === 'US' || a === state || a.startsWith(`${state}:`));
}

export const serviceById = (id) => services().find((s) => s.id === id);

export class PartnerPage {
  constructor(page, path = '/') {
    this.page = page;
    this.path = path;
    this.iframe = page.locator('iframe');
    this.widget = page.frameLocator('iframe');
  }

  async goto() {
    await this.page.route('https://www.bbc.com/**', (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', body: '<title>News</title>neutral' }),
    );
    await this.page.goto(PARTNER + this.path);
    await expect(this.widget.locator('#search-input')).toBeVisible({ timeout: 15_000 });
    return this;
  }

  async height() {
    return this.iframe.evaluate((f) => f.getBoundingClientRect().height);
  }

  cardIds() {
    return this.widget.locator('.results .card').evaluateAll((cards) => cards.map((c) => c.dataset.service));
  }

  /** The widget's own window, for checks that must run inside it. */
  frame() {
    return this.page.frames().find((f) => f.url().startsWith(SITE));
  }
}
