// The private guide, end to end on a phone-sized screen: completed by
// keyboard alone in English and in Spanish; the in-danger branch shows the
// emergency options first; the result opens the directory with the right
// filters; no request and no storage from the first question to the result;
// axe-core finds no violation on any step.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from './support/fixtures.mjs';
import { GuidePage, guideStrings } from './pages/guide-page.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');

test.use({ viewport: { width: 360, height: 640 } });

async function expectNoAxeViolations(page, where) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), where).toEqual([]);
}

/** Watches for any request and any storage from now on. */
async function watchTraffic(page) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return {
    requests,
    async storage() {
      return page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
      }));
    },
  };
}

// Every language the default site offers: the guide's structure is the
// same in all of them, only the words differ.
const LANGUAGES = ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ru', 'ar', 'fr', 'ht', 'pt', 'th'];

for (const lang of LANGUAGES) {
  test(`the whole guide by keyboard alone (${lang}) at 360x640, with no request, no storage and no axe violation`, async ({ page, directory }) => {
    const words = guideStrings(lang);
    const guide = new GuidePage(page);
    await directory.goto();
    if (lang !== 'en') {
      await directory.switchLanguage(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
    await guide.openAndStartByKeyboard();
    const historyBefore = await page.evaluate(() => history.length);
    const urlBefore = page.url();
    const traffic = await watchTraffic(page);

    // 1. In danger? "Yes" shows 911 and the hotline before anything else.
    expect(await guide.headingText()).toBe(words.danger.question);
    await expectNoAxeViolations(page, 'danger question');
    await guide.focusAndPress('#answer-yes');
    await expect(guide.title).toHaveText(words.emergency.title);
    const first = await page.locator('article.guide a').first().getAttribute('href');
    expect(first, 'the first thing offered is 911').toBe('tel:911');
    await expect(page.locator('article.guide a[href="tel:18883737888"]')).toBeVisible();
    await expectNoAxeViolations(page, 'emergency');
    await guide.focusAndPress('#guide-continue');

    // 2. Age, then work: "no" skips the pay and debt questions.
    await expect(guide.title).toHaveText(words.age.question);
    await guide.focusAndPress('#answer-adult');
    await expect(guide.title).toHaveText(words.work.question);
    await guide.focusAndPress('#answer-no');
    await expect(guide.title).toHaveText(words.documents.question);
    await expectNoAxeViolations(page, 'documents question');
    await guide.focusAndPress('#answer-yes');
    await expect(guide.title).toHaveText(words.free.question);
    await guide.focusAndPress('#answer-rather-not-say');
    await expect(guide.title).toHaveText(words.threats.question);
    await guide.focusAndPress('#guide-skip');
    await expect(guide.title).toHaveText(words.sex.question);
    await guide.focusAndPress('#answer-no');

    // 3. Needs: choose any, with Space on the checkboxes.
    await expect(guide.title).toHaveText(words.needs.question);
    await expectNoAxeViolations(page, 'needs');
    await guide.focusAndPress('#answer-shelter', 'Space');
    await expect(page.locator('#answer-shelter')).toBeChecked();
    await guide.focusAndPress('#guide-next');

    // 4. The result: signs named, never a diagnosis; hotlines first.
    await expect(guide.title).toHaveText(words.outcome.signs.title);
    await expect(guide.signs).toContainText([words.sign.documents]);
    const text = (await page.locator('article.guide').textContent()).toLowerCase();
    expect(text).not.toContain('you are a victim');
    expect(text).not.toContain('usted es víctima');
    // A need with services listed is a way into the directory; one with
    // none (immigration help, in the default data) is never a button to an
    // empty list: the hotline is offered for it instead.
    await expect(guide.need('shelter')).toBeVisible();
    await expect(guide.need('immigration')).toHaveCount(0);
    await expect(page.locator('#needs-unlisted')).toContainText(words.need.immigration);
    await expect(page.locator('#needs-unlisted + .card a[href="tel:18883737888"]')).toBeVisible();
    await expectNoAxeViolations(page, 'result');

    // Nothing left the page or the device, and the URL and history never moved.
    expect(traffic.requests, 'no request from the first question to the result').toEqual([]);
    expect(await traffic.storage()).toEqual({ cookie: '', local: 0, session: 0, idb: 0, caches: 0 });
    expect(page.url()).toBe(urlBefore);
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    // 5. The need opens the directory with the matching filter.
    await guide.focusAndPress('#need-shelter');
    await expect(page.locator('#search-input')).toBeVisible();
    const housing = await page.locator('#filter-domain option').evaluateAll((options, label) => options.find((o) => o.textContent === label)?.value, lang === 'en' ? 'Housing' : null);
    if (lang === 'en') expect(await page.locator('#filter-domain').inputValue()).toBe(housing);
    else expect(await page.locator('#filter-domain').inputValue()).not.toBe('');
    await expect(page.locator('.results .card').first()).toBeVisible();
  });
}

test('Start over wipes every answer, and so do quick exit and leaving the page', async ({ page, directory }) => {
  const guide = new GuidePage(page);
  await directory.goto();
  await page.click('#open-guide');
  await page.click('#guide-start');
  await page.click('#answer-no');
  await expect(page.locator('#answer-adult')).toBeVisible();
  await page.click('#guide-back');
  await expect(guide.answer('no')).toHaveAttribute('aria-pressed', 'true');
  // Leaving the page by any route forgets the answers.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(page.locator('#search-input')).toBeVisible();
  await page.click('#open-guide');
  await expect(page.locator('#guide-start')).toBeVisible();
  await page.click('#guide-start');
  await expect(guide.answer('no')).toHaveAttribute('aria-pressed', 'false');
  // Skip to the end, then Start over.
  for (let i = 0; i < 20 && !(await guide.startOver.isVisible()); i++) {
    await page.click((await guide.skip.isVisible()) ? '#guide-skip' : '#guide-next');
  }
  await guide.startOver.click();
  await expect(page.locator('#guide-start')).toBeVisible();
});

test('quick exit works on every step of the guide', async ({ page, directory }) => {
  await page.goto('about:blank');
  await directory.goto();
  await page.click('#open-guide');
  await page.click('#guide-start');
  await page.click('#answer-no');
  const before = await page.evaluate(() => history.length);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForURL(/bbc\.com/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});
