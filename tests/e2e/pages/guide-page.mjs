// Page object for the private self-screening guide.
import { expect } from '@playwright/test';
import { readToml } from '../support/data.mjs';

/** The guide's words in a language, from data/locales/<lang>/guide.toml. */
export const guideStrings = (lang) => readToml(`locales/${lang}/guide.toml`).guide;

export class GuidePage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.title = page.locator('#guide-title');
    this.progress = page.locator('.guide-progress');
    this.skip = page.locator('#guide-skip');
    this.back = page.locator('#guide-back');
    this.next = page.locator('#guide-next');
    this.continue = page.locator('#guide-continue');
    this.startOver = page.locator('#guide-start-over');
    this.signs = page.locator('ul.signs li');
    this.call911 = page.locator('a[href="tel:911"]');
  }

  answer(id) {
    return this.page.locator(`#answer-${id}`);
  }

  need(id) {
    return this.page.locator(`#need-${id}`);
  }

  /** Opens the guide from the directory and starts it, by keyboard. */
  async openAndStartByKeyboard() {
    await this.focusAndPress('#open-guide');
    await expect(this.title).toBeFocused();
    await this.focusAndPress('#guide-start');
    await expect(this.progress).toBeVisible();
  }

  /** Tabs forward from the current focus until `selector` has focus, then
   * presses Enter (or Space for a checkbox): keyboard only, no clicks. */
  async focusAndPress(selector, key = 'Enter') {
    const target = this.page.locator(selector);
    await expect(target).toBeVisible();
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) {
        await this.page.keyboard.press(key);
        return;
      }
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${selector} with Tab`);
  }

  async headingText() {
    return (await this.title.textContent()).trim();
  }
}
