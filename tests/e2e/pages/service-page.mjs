// Page object for one service's view.
import { expect } from '@playwright/test';

export class ServicePage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.root = page.locator('.service-detail');
    this.title = page.locator('h1#service-title');
    this.backButton = this.root.locator('button.back');
    this.callLinks = this.root.locator('a[href^="tel:"]');
    this.textLinks = this.root.locator('a[href^="sms:"]');
    this.verified = this.root.locator('.verified');
    this.source = this.root.locator('.source');
    this.contacts = this.root.locator('.contact-block');
  }

  /** All hrefs of the contact links of one scheme, e.g. 'tel:'. */
  async hrefs(scheme) {
    return this.root
      .locator(`a[href^="${scheme}"]`)
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  }

  async back() {
    await this.backButton.click();
    await expect(this.root).toHaveCount(0);
  }
}
