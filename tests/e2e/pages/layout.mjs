// Page object for layout checks by geometry: where things are drawn on the
// screen, not which roles and names the page has. The specs in
// tests/e2e/layout use it at a 360x640 touch phone and a 1280x800 desktop,
// in English and Spanish, because a page can have every right element and
// still hide the one a person needs under a sticky header or below the fold
// (issue 13). Every selector the layout specs rely on is in SEL, so a
// redesign that renames one is fixed here once. scripts/layout-figures.mjs
// and scripts/screenshots.mjs drive the same page object (with a baseURL
// context), so the figures and the pictures walk the views the specs check.
//
// Measurements are in CSS pixels relative to the viewport (what
// getBoundingClientRect gives), taken after the page has settled: scrolling
// and focus moves that the app does after a view change are part of what is
// measured, so a view that jumps somewhere after drawing is caught.
import { expect } from '@playwright/test';
import { site } from '../support/data.mjs';

/** Every selector the layout specs use. */
export const SEL = {
  header: 'header.top',
  quickExit: '#quick-exit',
  languagePicker: '#language-select',
  search: '#search-input',
  status: '#results-status',
  cards: '.results .card',
  firstCardHeading: '.results .card .card-title',
  openResult: '.results .card-title button',
  openGuide: '#open-guide',
  guideStart: '#guide-start',
  guideView: 'article.guide',
  guideTitle: '#guide-title',
  // Single-choice answers are buttons; choose-any answers are checkboxes
  // whose label is what a finger taps.
  guideAnswers: 'article.guide [id^="answer-"]',
  guideNext: '#guide-next',
  guideContinue: '#guide-continue',
  guideStartOver: '#guide-start-over',
  emergencyCalls: 'article.guide a[href^="tel:"]',
  serviceView: '.service-detail',
  serviceTitle: '#service-title',
  serviceCall: '.service-detail a[href^="tel:"]',
  openSafety: '#open-safety',
  safetyView: 'article.safety',
  safetyTitle: '#safety-title',
  helpCall: '.help-bar a[href^="tel:"]',
  helpText: '.help-bar a[href^="sms:"]',
};

/** The query whose results the results checks look at. */
export const RESULTS_QUERY = 'housing';
/** The query whose first result the service checks open. */
export const SERVICE_QUERY = 'shelter';
/** WCAG 2.5.5 (AAA) / Apple and Material guidance: a finger needs 44 px. */
export const MIN_TAP = 44;
/** At most this tall at 360 px: one row of header, not two. */
export const ONE_ROW_HEADER = 64;
/** A view scrolled to its top starts at most this far below the bars (its margin). */
export const VIEW_TOP_SLACK = 32;

/** The two screens every layout check runs at. */
export const SIZES = [
  {
    name: 'phone 360x640',
    phone: true,
    use: { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  },
  { name: 'desktop 1280x800', phone: false, use: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false } },
];
export const LANGS = ['en', 'es'];

/**
 * Declares `body` once per screen size and language, each in its own
 * describe block with that size's context options. `body({ size, lang })`
 * declares the tests. `sizes` narrows the sizes (e.g. the phone only).
 */
export function forEachLayout(test, body, { sizes = SIZES } = {}) {
  for (const size of sizes) {
    // On the phone, every language the site offers (longer words, other
    // scripts, Arabic right to left); on the desktop, English and Spanish.
    for (const lang of size.phone ? site().languages : LANGS) {
      test.describe(`${size.name}, ${lang}`, () => {
        test.use(size.use);
        body({ size, lang });
      });
    }
  }
}

const r = Math.round;

export class LayoutPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.header = page.locator(SEL.header);
    this.quickExit = page.locator(SEL.quickExit);
    this.search = page.locator(SEL.search);
    this.status = page.locator(SEL.status);
    this.firstCardHeading = page.locator(SEL.firstCardHeading).first();
    this.guideTitle = page.locator(SEL.guideTitle);
    this.serviceView = page.locator(SEL.serviceView);
    this.serviceTitle = page.locator(SEL.serviceTitle);
    this.safetyView = page.locator(SEL.safetyView);
    this.safetyTitle = page.locator(SEL.safetyTitle);
  }

  /**
   * Loads the site and, for another language, switches with the header's
   * button (as a person does; the test never scrolls). Leaves the page as
   * it settles after load.
   */
  async open(lang = 'en') {
    await this.page.goto('/');
    await expect(this.search).toBeVisible();
    await expect(this.status).toHaveText(/\d/);
    if (lang !== 'en') {
      await this.page.locator(SEL.languagePicker).selectOption(lang);
      await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    await this.settle();
    return this;
  }

  /**
   * Waits until nothing moves: two animation frames, then until the scroll
   * position and the layout height are the same for three frames in a row
   * (smooth scrolling and focus moves land first), at most ~2 s.
   */
  async settle() {
    await this.page.evaluate(
      () =>
        new Promise((resolve) => {
          let last = '';
          let same = 0;
          let frames = 0;
          const tick = () => {
            const now = `${scrollX},${scrollY},${document.documentElement.scrollHeight}`;
            same = now === last ? same + 1 : 0;
            last = now;
            if (same >= 3 || ++frames > 120) resolve();
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
  }

  /** Types the query (Playwright scrolls the box into view first, as a person's tap would) and waits for the results. */
  async searchFor(query) {
    const before = (await this.status.textContent()) ?? '';
    await this.search.fill(query);
    await expect(this.status).not.toHaveText(before);
    await expect(this.page.locator(SEL.cards).first()).toBeVisible();
    await this.settle();
  }

  /** Searches for SERVICE_QUERY and opens the first result; returns its title. */
  async openFirstService(query = SERVICE_QUERY) {
    await this.searchFor(query);
    await this.page.locator(SEL.openResult).first().click();
    await expect(this.serviceTitle).toBeVisible();
    await this.settle();
    return ((await this.serviceTitle.textContent()) ?? '').trim();
  }

  /** Opens "Staying safe online" from the footer. */
  async openSafety() {
    await this.page.locator(SEL.openSafety).click();
    await expect(this.safetyTitle).toBeVisible();
    await this.settle();
  }

  /**
   * Walks the guide from its opening to its result, calling
   * `atScreen({ index, kind, heading })` on every screen (kind: 'opening',
   * 'question', 'choose-any', 'emergency', 'result'). Answers "yes" to the
   * first question (so the emergency screen is shown), then the first
   * answer of every question, and on a choose-any step the first choice and
   * Continue: a path through every step of the default guide.
   */
  async walkGuide(atScreen) {
    const { page } = this;
    await page.locator(SEL.openGuide).click();
    await expect(page.locator(SEL.guideStart)).toBeVisible();
    await this.settle();
    let index = 0;
    await atScreen({ index: index++, kind: 'opening', heading: await this.headingText() });
    await this.advanceGuide(page.locator(SEL.guideStart));
    for (let question = 0; index < 40; question++) {
      const heading = await this.headingText();
      if (await page.locator(SEL.guideStartOver).isVisible()) {
        await atScreen({ index, kind: 'result', heading });
        return index + 1;
      }
      if (await page.locator(SEL.guideContinue).isVisible()) {
        await atScreen({ index: index++, kind: 'emergency', heading });
        await this.advanceGuide(page.locator(SEL.guideContinue));
      } else if (await page.locator(SEL.guideNext).isVisible()) {
        await atScreen({ index: index++, kind: 'choose-any', heading });
        await page.locator(SEL.guideAnswers).first().check();
        await this.advanceGuide(page.locator(SEL.guideNext));
      } else {
        await atScreen({ index: index++, kind: 'question', heading });
        const answer = question === 0 ? page.locator('#answer-yes') : page.locator(SEL.guideAnswers).first();
        await this.advanceGuide(answer);
      }
    }
    throw new Error('the guide did not reach a result in 40 screens');
  }

  async headingText() {
    return ((await this.guideTitle.textContent()) ?? '').trim();
  }

  /** Clicks and waits for the guide to show another screen. */
  async advanceGuide(locator) {
    const before = await this.headingText();
    await locator.click();
    await expect(this.guideTitle).not.toHaveText(before);
    await this.settle();
  }

  /**
   * "The bars": every element drawn with position sticky or fixed that is
   * on screen and stacked from the top edge down (the header, a help bar
   * stuck under it, ...). Returns the lowest bottom edge of that stack (0
   * when there is none) and what is in it. A bar at the bottom of the screen,
   * a sticky element still in the flow further down, and full-screen
   * overlays are not in the stack.
   */
  async bars() {
    return this.page.evaluate(() => {
      const found = [];
      for (const el of document.querySelectorAll('body *')) {
        const style = getComputedStyle(el);
        if (style.position !== 'sticky' && style.position !== 'fixed') continue;
        if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
        const b = el.getBoundingClientRect();
        if (b.width < 1 || b.height < 1 || b.bottom <= 0 || b.top >= innerHeight) continue;
        if (b.height >= innerHeight * 0.9) continue;
        found.push({ what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`, top: b.top, bottom: b.bottom });
      }
      found.sort((a, b) => a.top - b.top);
      let bottom = 0;
      const stack = [];
      for (const bar of found) {
        if (bar.top > bottom + 1) continue; // not touching the stack from the top
        stack.push(`${bar.what} ${Math.round(bar.top)}-${Math.round(bar.bottom)}`);
        bottom = Math.max(bottom, bar.bottom);
      }
      return { bottom: Math.round(bottom), stack };
    });
  }

  /** The viewport and the scroll position. */
  async screen() {
    return this.page.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      scrollX: Math.round(scrollX),
      scrollY: Math.round(scrollY),
      scrollWidth: document.scrollingElement.scrollWidth,
    }));
  }

  /** The box of the first element `locator` matches, rounded, or null if it has none. */
  async box(locator) {
    if ((await locator.count()) === 0) return null;
    const b = await locator.first().boundingBox();
    if (!b) return null;
    return { top: r(b.y), bottom: r(b.y + b.height), left: r(b.x), right: r(b.x + b.width), height: r(b.height), width: r(b.width) };
  }

  /**
   * Why `locator` is not wholly inside the viewport, or not below the bars:
   * a list of sentences with the measured numbers (empty when it is fine).
   * `what` names it in the sentences.
   */
  async placementProblems(locator, what, { belowBars = true } = {}) {
    const b = await this.box(locator);
    const s = await this.screen();
    if (!b) return [`${what}: not drawn (no box)`];
    const problems = [];
    const at = `${what} at y=${b.top}..${b.bottom}, x=${b.left}..${b.right}, viewport ${s.width}x${s.height}, scrollY=${s.scrollY}`;
    if (b.top < 0 || b.bottom > s.height) problems.push(`${at}: not inside the viewport vertically`);
    if (b.left < 0 || b.right > s.width) problems.push(`${at}: not inside the viewport horizontally`);
    if (belowBars) {
      const bars = await this.bars();
      if (b.top < bars.bottom - 1) problems.push(`${at}: top is under the bars, which end at y=${bars.bottom} (${bars.stack.join(', ')})`);
    }
    return problems;
  }

  /**
   * Why a view (a service, the safety page) is not shown from its top: its
   * first line (the Back button) is under the bars, or the page is scrolled
   * part-way, neither at the very top (scrollY 0) nor with the view
   * starting right under the bars (within VIEW_TOP_SLACK px). Empty when fine.
   */
  async viewTopProblems(locator, what) {
    const view = await this.box(locator);
    if (!view) return [`${what}: not drawn (no box)`];
    const bars = await this.bars();
    const { scrollY } = await this.screen();
    const at = `${what} starts at y=${view.top}, bars end at y=${bars.bottom}, scrollY=${scrollY}`;
    if (view.top < bars.bottom - 1) return [`${at}: its top is hidden under the bars`];
    if (scrollY > 0 && view.top > bars.bottom + VIEW_TOP_SLACK) return [`${at}: opened part-way down (neither at the page's top nor at the view's top)`];
    return [];
  }

  /** Why the document scrolls sideways, if it does (empty when it does not). */
  async sidewaysProblems(view) {
    const s = await this.screen();
    // On a phone the browser widens its layout viewport to fit content that
    // overflows (and zooms out), so innerWidth alone can hide it: compare
    // with the device's own width too.
    const device = this.page.viewportSize()?.width ?? s.width;
    if (s.scrollWidth <= s.width && s.width <= device) return [];
    const wide = await this.page.evaluate((limit) =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`),
    device);
    return [`${view}: scrollWidth ${s.scrollWidth}, innerWidth ${s.width}, device width ${device} (${wide.join(', ')})`];
  }

  /**
   * Why a tap target is too small (empty when every match is at least
   * MIN_TAP tall). A checkbox is measured by its label, what a finger taps.
   * `required` makes "nothing matched" a problem.
   */
  async tapProblems(locator, what, { required = true, all = true } = {}) {
    const n = await locator.count();
    if (n === 0) return required ? [`${what}: none on the page`] : [];
    const problems = [];
    for (let i = 0; i < (all ? n : 1); i++) {
      const el = locator.nth(i);
      const m = await el.evaluate((node) => {
        let target = node;
        if (node instanceof HTMLInputElement && (node.type === 'checkbox' || node.type === 'radio')) {
          target = node.labels?.[0] ?? node;
        }
        const b = target.getBoundingClientRect();
        return { id: node.id || node.getAttribute('href') || node.tagName.toLowerCase(), text: (target.textContent ?? '').trim().slice(0, 40), height: Math.round(b.height * 10) / 10, width: Math.round(b.width) };
      });
      if (m.height < MIN_TAP) problems.push(`${what} ${m.id} "${m.text}": ${m.height} px tall (x ${m.width} wide), needs ${MIN_TAP}`);
    }
    return problems;
  }

  /**
   * Visits every public view from a fresh load in `lang` and calls
   * `atView(name)` on each: the home screen, results, a service, the safety
   * page, and every guide screen to the result.
   */
  /** Walks every view (as `everyView`) collecting what `check(view)` finds
   *  wrong there; returns the views visited and the problems. */
  async problemsOnEveryView(lang, check) {
    const views = [];
    const problems = [];
    await this.everyView(lang, async (view) => {
      views.push(view);
      problems.push(...(await check(view)));
    });
    return { views, problems };
  }

  async everyView(lang, atView) {
    await this.open(lang);
    await atView('home');
    await this.searchFor(RESULTS_QUERY);
    await atView(`results for "${RESULTS_QUERY}"`);
    await this.open(lang);
    const title = await this.openFirstService();
    await atView(`service "${title}"`);
    await this.open(lang);
    await this.openSafety();
    await atView('safety page');
    await this.open(lang);
    await this.walkGuide(({ index, kind, heading }) => atView(`guide screen ${index} (${kind}) "${heading}"`));
  }
}
