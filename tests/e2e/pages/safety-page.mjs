// Page object for "Staying safe online", opened from the footer. Its
// sections are h2 headings, each followed by its paragraphs (the page is
// drawn by crates/web/src/components/screen.rs, which puts no <section> around them).
import { expect } from '@playwright/test';

export class SafetyPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.root = page.locator('article.safety');
    this.title = page.locator('h1#safety-title');
    this.intro = this.root.locator('.lede');
    this.headings = this.root.locator('h2');
    this.backButton = page.locator('.safety .back');
    this.openButton = page.locator('#open-safety');
  }

  async headingTexts() {
    return this.headings.allTextContents();
  }

  /** Each section's paragraphs (those between one h2 and the next), as text. */
  async sectionParagraphs() {
    return this.root.evaluate((article) => {
      const sections = [];
      for (const el of article.children) {
        if (el.tagName === 'H2') sections.push([]);
        else if (el.tagName === 'P' && sections.length) sections[sections.length - 1].push(el.textContent);
      }
      return sections;
    });
  }

  /** Back to the directory (where focus lands is checked by safety-page.spec). */
  async back() {
    await this.backButton.click();
    await expect(this.root).toHaveCount(0);
    await expect(this.page.locator('#search-input')).toBeVisible();
  }
}
