// Promise: everyone can use it. axe-core finds no WCAG 2.0/2.1/2.2 A or AA
// violation on any view of the walk (directory, results, every filter,
// empty state, service, safety page, guide, and the same in Spanish); the
// main path works by keyboard alone; every control is at least 24x24 CSS px
// (WCAG 2.2 target size, minimum).
import { test, expect } from './support/fixtures.mjs';
import { axeViolations } from './support/axe.mjs';
import { walkEveryView, expectViewKind } from './pages/walk.mjs';
import { ServicePage } from './pages/service-page.mjs';
import { DirectoryPage } from './pages/directory-page.mjs';
import { SafetyPage } from './pages/safety-page.mjs';

/**
 * Visible controls smaller than 24x24 CSS px. Links inside a sentence are
 * exempt (WCAG 2.5.8 "inline"), as are the skip links while off screen
 * (checked when focused, below).
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')];
    const inline = (el) => {
      if (el.tagName !== 'A') return false;
      const block = el.closest('p, li, dd');
      return !!block && block.textContent.trim() !== el.textContent.trim() && getComputedStyle(el).display === 'inline';
    };
    const measured = controls
      .filter((e) => e.getClientRects().length > 0)
      .filter((e) => e.getBoundingClientRect().right > 0)
      .filter((e) => !inline(e));
    const small = measured
      .map((e) => {
        const r = e.getBoundingClientRect();
        const name = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`;
        return { el: `${name} "${(e.textContent ?? '').trim().slice(0, 40)}"`, w: Math.round(r.width), h: Math.round(r.height) };
      })
      .filter((t) => t.w < 24 || t.h < 24);
    return { measured: measured.length, small };
  });
}

test('axe-core: zero WCAG A/AA violations on every view, in English and Spanish', async ({ page }) => {
  test.setTimeout(180_000);
  const failures = {};
  const checked = [];
  await walkEveryView(page, {
    atView: async (view) => {
      const { passes, violations } = await axeViolations(page);
      expect(passes, `axe ran on ${view.name}`).toBeGreaterThan(0);
      if (violations.length) failures[`${view.name} (${view.lang})`] = violations;
      checked.push(`${view.kind}/${view.lang}`);
    },
  });
  for (const needed of ['directory/en', 'results/en', 'empty/en', 'service/en', 'safety/en', 'guide/en', 'directory/es', 'results/es', 'empty/es', 'service/es', 'safety/es', 'guide/es']) {
    expect(checked, 'views checked').toContain(needed);
  }
  if (Object.keys(failures).length) console.log(`axe violations:\n${JSON.stringify(failures, null, 2)}`);
  expect(failures).toEqual({});
});

test('every control on every view is at least 24x24 CSS px', async ({ page }) => {
  test.setTimeout(90_000);
  const small = {};
  const measured = {};
  await walkEveryView(page, {
    atView: async (view) => {
      const found = await smallTargets(page);
      measured[view.name] = found.measured;
      if (found.small.length) small[view.name] = found.small;
    },
  });
  expect(Object.keys(measured).length).toBeGreaterThanOrEqual(15);
  // Header (the language picker, quick exit), help bar, footer: at least 7 on any view.
  for (const [name, n] of Object.entries(measured)) expect(n, name).toBeGreaterThanOrEqual(7);
  expect(measured.directory).toBeGreaterThanOrEqual(30);
  expect(small).toEqual({});
  // The skip links, while focused (they are on screen only then), from a fresh page.
  await new DirectoryPage(page).goto();
  for (const id of ['skip-link', 'skip-exit']) {
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { cls: document.activeElement.className, id: document.activeElement.id, w: r.width, h: r.height, x: r.x };
    });
    expect(box.id === id || box.cls.includes(id), JSON.stringify(box)).toBe(true);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.w, id).toBeGreaterThanOrEqual(24);
    expect(box.h, id).toBeGreaterThanOrEqual(24);
  }
});

/** Presses Tab (or Shift+Tab) until `locator` has focus; fails after `max` presses. */
async function tabTo(page, locator, { backwards = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return i;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${locator} with ${backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses`);
}

/** What has focus now, for messages. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"` : 'nothing';
});

test('keyboard only: search, open a result, Back, the safety page and Back', async ({ directory, page }) => {
  await directory.goto();
  // No mouse from here on. Tab from the top of the page to the search box…
  const toSearch = await tabTo(page, directory.searchInput, { max: 30 });
  expect(toSearch).toBeGreaterThan(2); // past the skip links and the header
  await page.keyboard.type('legal help');
  await expect(directory.searchInput).toHaveValue('legal help');
  await expect(directory.cards.first()).toBeVisible();

  // …to the first result, and Enter opens it.
  const firstId = await directory.cards.first().getAttribute('data-service');
  const firstButton = directory.openButton(firstId);
  await tabTo(page, firstButton, { max: 40 });
  const name = (await firstButton.textContent()).trim();
  await page.keyboard.press('Enter');
  const view = new ServicePage(page);
  await expect(view.title).toBeFocused();
  await expect(view.title).toHaveText(name);

  // Back is just before the heading: Shift+Tab to it, Enter returns to the list.
  await tabTo(page, view.backButton, { backwards: true, max: 5 });
  await page.keyboard.press('Enter');
  await expectViewKind(page, 'results');
  await expect(directory.searchInput).toHaveValue('legal help');
  await expect(firstButton, `focus after Back is on ${await focused(page)}`).toBeFocused();

  // On to the footer's safety button, Enter opens the page, its heading focused.
  await tabTo(page, directory.safetyButton);
  await page.keyboard.press('Enter');
  const safety = new SafetyPage(page);
  await expect(safety.title).toBeFocused();
  await expect(safety.headings.first()).toBeVisible();
  await tabTo(page, safety.backButton, { max: 5 });
  await page.keyboard.press('Enter');
  await expectViewKind(page, 'results');
  await expect(directory.searchInput).toHaveValue('legal help');
});
