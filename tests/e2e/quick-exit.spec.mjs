// Promise: a quick exit that is always at hand and leaves no way back.
// On every view, on a phone and on a desktop, the button stays on screen
// and uncovered at the bottom of the page. Leaving by click, by Shift x3 or
// Escape x2 (even while typing in the search box) or by the hidden
// "Leave this site now" button blanks the page, replaces it in history with
// data/site.toml's exit_url, and Back does not bring the directory back.
// Typing (capitals included) never leaves by accident.
import { test, expect } from './support/fixtures.mjs';
import { EXIT_URL, EXIT_TITLE, DirectoryPage } from './pages/directory-page.mjs';
import { walkEveryView, expectViewKind, NO_MATCH } from './pages/walk.mjs';
import { site, uiStrings } from './support/data.mjs';

const en = uiStrings('en');
const shiftCue = (n) => en.exit.progress_shift[n === 1 ? 'one' : 'other'].replace('{count}', n);
const escapeCue = (n) => en.exit.progress_escape[n === 1 ? 'one' : 'other'].replace('{count}', n);

test('the exit destination is data/site.toml exit_url, and the cue strings are the catalogue\'s', () => {
  expect(EXIT_URL).toBe(site().exit_url);
  expect(shiftCue(2)).toBe('Press Shift 2 more times to leave this site');
  expect(escapeCue(1)).toBe('Press Escape 1 more time to leave this site');
});

/** Whether #quick-exit is wholly on screen and nothing is drawn over it. */
async function exitButtonPlacement(page) {
  return page.evaluate(() => {
    const button = document.getElementById('quick-exit');
    if (!button) return { present: false };
    const r = button.getBoundingClientRect();
    const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0 && r.height > 0;
    // The centre, and points a quarter in from each side.
    const points = [[0.5, 0.5], [0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]].map(([fx, fy]) => [r.left + r.width * fx, r.top + r.height * fy]);
    const covered = points
      .map(([x, y]) => ({ x, y, hit: document.elementFromPoint(x, y) }))
      .filter(({ hit }) => !(hit && (hit === button || button.contains(hit))))
      .map(({ x, y, hit }) => `(${Math.round(x)},${Math.round(y)}) is ${hit ? hit.outerHTML.slice(0, 80) : 'nothing'}`);
    const scroller = document.scrollingElement;
    return {
      present: true,
      inside,
      covered,
      rect: [r.left, r.top, r.right, r.bottom].map(Math.round),
      atBottom: Math.abs(scroller.scrollTop + innerHeight - scroller.scrollHeight) <= 2,
      scrolled: scroller.scrollTop,
      scrollable: scroller.scrollHeight > innerHeight + 1,
    };
  });
}

for (const viewport of [{ width: 360, height: 640 }, { width: 1280, height: 800 }]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('on every view, scrolled to the bottom, Quick exit is inside the viewport and uncovered', async ({ page }) => {
      test.setTimeout(90_000);
      let scrolledViews = 0;
      const visited = await walkEveryView(page, {
        atView: async (view) => {
          await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
          await expect.poll(async () => (await exitButtonPlacement(page)).atBottom, `${view.name}: scrolled to the bottom`).toBe(true);
          const placed = await exitButtonPlacement(page);
          if (placed.scrollable) {
            expect(placed.scrolled, view.name).toBeGreaterThan(0);
            scrolledViews++;
          }
          expect(placed, `${view.name}: Quick exit at ${placed.rect}`).toMatchObject({ present: true, inside: true, covered: [] });
          await expect(page.locator('#quick-exit'), view.name).toBeInViewport({ ratio: 1 });
          await page.evaluate(() => window.scrollTo(0, 0));
        },
      });
      const names = visited.map((v) => v.name);
      expect(names).toEqual(expect.arrayContaining(['directory', 'service', 'safety page', 'empty state', 'Spanish directory', 'Spanish service', 'Spanish safety page']));
      // On a phone the long views really do scroll, so "at the bottom" is tested.
      if (viewport.width < 500) expect(scrolledViews).toBeGreaterThanOrEqual(visited.length - 4);
      else expect(scrolledViews).toBeGreaterThan(0);
    });
  });
}

/**
 * Records what the app page looked like the moment it blanked itself for
 * quick exit (html hidden, title, search box): a MutationObserver reports
 * it, and the exit destination is only answered once the report is in, so
 * the old page is still there to send it.
 */
async function watchLeaving(page) {
  const left = [];
  await page.exposeBinding('__reportBlanking', (_source, info) => left.push(info));
  await page.addInitScript(() => {
    // Observed from the document: <html> does not exist yet when this runs.
    new MutationObserver((records) => {
      const html = document.documentElement;
      if (!records.some((r) => r.target === html) || !html.hasAttribute('hidden')) return;
      if (!document.getElementById('app')) return;
      window.__reportBlanking({
        hidden: true,
        title: document.title,
        query: document.getElementById('search-input')?.value ?? null,
      });
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await page.route(`${new URL(EXIT_URL).origin}/**`, async (route) => {
    const deadline = Date.now() + 3_000;
    while (!left.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await route.fulfill({ status: 200, contentType: 'text/html', body: `<title>${EXIT_TITLE}</title>neutral` });
  });
  return left;
}

/** Starts from a blank page, so Back has somewhere to go, then opens the app. */
async function start(page) {
  const left = await watchLeaving(page);
  await page.goto('about:blank');
  const directory = await new DirectoryPage(page).goto();
  const historyLength = await page.evaluate(() => history.length);
  expect(historyLength).toBe(2);
  return { directory, left, historyLength };
}

/** Landed on exit_url, history not grown, page blanked on leaving, no way Back. */
async function expectExited(page, { left, historyLength }, baseURL) {
  await page.waitForURL(EXIT_URL);
  await expect(page).toHaveTitle(EXIT_TITLE);
  expect(await page.evaluate(() => history.length), 'history.length after exit').toBe(historyLength);
  await expect.poll(() => left.length).toBe(1);
  expect(left[0], 'the app page as it was left').toMatchObject({ hidden: true, title: '' });

  await page.goBack().catch(() => null);
  // Give a wrong history entry time to load the app again.
  await page.waitForTimeout(300);
  expect(page.url(), 'Back after Quick exit must not return to the directory').not.toContain(new URL(baseURL).host);
  expect(page.url()).toBe('about:blank');
  await expect(page.locator('#search-input')).toHaveCount(0);
  await expect(page.locator('#app')).toHaveCount(0);
}

test.describe('leaving by clicking Quick exit', () => {
  const setups = {
    'the directory, with a search and filters': async (d) => {
      await d.search('shelter');
      await d.chooseFilter('state', 'CA');
    },
    'the empty state': async (d) => {
      await d.search(NO_MATCH);
      await expect(d.empty).toBeVisible();
    },
    'a service view': async (d) => {
      await d.openService('nhth-hotline');
    },
    'the safety page': async (d) => {
      await d.openSafety();
    },
    'a question of the private guide': async (d) => {
      await d.page.locator('#footer-guide').click();
      await d.page.locator('#guide-start').click();
      await expect(d.page.locator('.guide-progress')).toBeVisible();
    },
    'the Spanish directory': async (d) => {
      await d.switchLanguage('es');
      await d.search('vivienda');
    },
  };
  for (const [name, setup] of Object.entries(setups)) {
    test(`from ${name}`, async ({ page, baseURL }) => {
      const started = await start(page);
      await setup(started.directory);
      await started.directory.quickExit.click();
      await expectExited(page, started, baseURL);
    });
  }

  test('after walking every view', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const left = await watchLeaving(page);
    await page.goto('about:blank');
    await walkEveryView(page);
    const historyLength = await page.evaluate(() => history.length);
    expect(historyLength).toBe(2);
    const directory = new DirectoryPage(page);
    await directory.search('immigration');
    await directory.quickExit.click();
    await expectExited(page, { left, historyLength }, baseURL);
  });
});

test.describe('leaving from the keyboard', () => {
  test('Shift pressed 3 times while typing in the search box', async ({ page, baseURL }) => {
    const started = await start(page);
    const { directory } = started;
    await directory.searchInput.click();
    await page.keyboard.type('shelter');
    await expect(directory.searchInput).toBeFocused();
    await expect(directory.searchInput).toHaveValue('shelter');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await expectExited(page, started, baseURL);
    expect(started.left[0].query, 'the search box was wiped before leaving').toBe('');
  });

  test('Escape pressed twice while typing in the search box', async ({ page, baseURL }) => {
    const started = await start(page);
    const { directory } = started;
    await directory.searchInput.click();
    await page.keyboard.type('legal help');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectExited(page, started, baseURL);
  });

  test('Escape pressed twice on a service view', async ({ page, baseURL }) => {
    const started = await start(page);
    await started.directory.openService('nhth-hotline');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectExited(page, started, baseURL);
  });

  test('the hidden "Leave this site now" button: Tab from the page start, then Enter', async ({ page, baseURL }) => {
    const started = await start(page);
    const { directory } = started;
    // Hidden until focused: off screen at first.
    await expect(directory.skipExit).not.toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(en.nav.skip);
    await page.keyboard.press('Tab');
    await expect(directory.skipExit).toBeFocused();
    await expect(directory.skipExit).toHaveText(en.exit.skip);
    await expect(directory.skipExit).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expectExited(page, started, baseURL);
  });

  test('after the "Skip to main content" link, which adds no history entry', async ({ page, baseURL }) => {
    const started = await start(page);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(en.nav.skip);
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    expect(await page.evaluate(() => history.length)).toBe(started.historyLength);
    await started.directory.quickExit.click();
    await expectExited(page, started, baseURL);
  });
});

test.describe('the shortcut never leaves by accident', () => {
  test('one Shift press shows the progress cue: 1 of 3 dots and "Press Shift 2 more times"', async ({ directory, page }) => {
    await directory.goto();
    await expect(directory.exitDots).toHaveCount(0);
    await expect(directory.exitProgress).toHaveAttribute('role', 'status');
    await expect(directory.exitProgress).toHaveText('');
    await directory.searchInput.click();
    await page.keyboard.press('Shift');
    await expect(directory.exitDots).toHaveCount(3);
    await expect(directory.exitDotsOn).toHaveCount(1);
    await expect(directory.exitProgress).toHaveText(shiftCue(2));
    await page.keyboard.press('Shift');
    await expect(directory.exitDotsOn).toHaveCount(2);
    await expect(directory.exitProgress).toHaveText(shiftCue(1));
    // Any other key abandons it.
    await page.keyboard.press('a');
    await expect(directory.exitDots).toHaveCount(0);
    await expect(directory.exitProgress).toHaveText('');
    await page.keyboard.press('Shift');
    await expect(directory.exitDotsOn).toHaveCount(1);
    await expect(directory.exitProgress).toHaveText(shiftCue(2));
    expect(page.url()).not.toBe(EXIT_URL);
    await expectViewKind(page, 'results');
    await expect(directory.searchInput).toHaveValue('a');
  });

  test('one Escape press shows 1 of 2 dots and "Press Escape 1 more time"', async ({ directory, page }) => {
    await directory.goto();
    await page.keyboard.press('Escape');
    await expect(directory.exitDots).toHaveCount(2);
    await expect(directory.exitDotsOn).toHaveCount(1);
    await expect(directory.exitProgress).toHaveText(escapeCue(1));
    // Escape, Shift: the gestures do not mix.
    await page.keyboard.press('Shift');
    await expect(directory.exitDots).toHaveCount(3);
    await expect(directory.exitDotsOn).toHaveCount(1);
    expect(page.url()).not.toBe(EXIT_URL);
  });

  test('typing "Hello World" (capitals with Shift) and "HELLO" never leaves', async ({ directory, page }) => {
    await directory.goto();
    await directory.searchInput.click();
    // Shift held as a modifier for each capital, as a person types them.
    for (const ch of 'Hello World') {
      if (ch === ' ') await page.keyboard.press('Space');
      else if (ch === ch.toUpperCase()) await page.keyboard.press(`Shift+Key${ch}`);
      else await page.keyboard.press(`Key${ch.toUpperCase()}`);
    }
    await expect(directory.searchInput).toHaveValue('Hello World');
    for (const ch of ' HELLO') {
      await page.keyboard.press(ch === ' ' ? 'Space' : `Shift+Key${ch}`);
    }
    await expect(directory.searchInput).toHaveValue('Hello World HELLO');
    await page.waitForTimeout(300);
    expect(page.url()).not.toBe(EXIT_URL);
    await expect(directory.exitDotsOn).toHaveCount(0);
    await expect(directory.exitProgress).toHaveText('');
    await expectViewKind(page, (await directory.cards.count()) ? 'results' : 'empty');
  });

  test('a third Shift more than 5 s after the second starts over instead of leaving (page.clock)', async ({ directory, page, baseURL }) => {
    // page.clock also drives KeyboardEvent.timeStamp, which the shortcut reads.
    await page.clock.install();
    await page.goto('about:blank');
    await directory.goto();
    await directory.searchInput.click();
    await page.keyboard.press('Shift');
    await page.clock.runFor(1_000);
    await page.keyboard.press('Shift');
    await expect(directory.exitDotsOn).toHaveCount(2);
    await page.clock.runFor(5_200);
    // The lapsed gesture's cue is cleared.
    await expect(directory.exitDots).toHaveCount(0);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(page.url()).not.toBe(EXIT_URL);
    await expect(directory.exitDotsOn).toHaveCount(1);
    await expect(directory.exitProgress).toHaveText(shiftCue(2));

    // Control: presses 4 s apart (within 5 s) do leave, under the same
    // clock. The installed clock also runs with real time, so the margin
    // leaves room for a loaded machine's slow steps between presses (CI
    // once took over 0.5 s here).
    await page.clock.runFor(4_000);
    await page.keyboard.press('Shift');
    await expect(directory.exitDotsOn).toHaveCount(2);
    await page.clock.runFor(4_000);
    await page.keyboard.press('Shift');
    await page.waitForURL(EXIT_URL);
    await expect(page).toHaveTitle(EXIT_TITLE);
    expect(page.url()).not.toContain(new URL(baseURL).host);
  });

  test('two Escapes more than 1 s apart do not leave (page.clock)', async ({ directory, page }) => {
    await page.clock.install();
    await directory.goto();
    await page.keyboard.press('Escape');
    await page.clock.runFor(1_200);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(page.url()).not.toBe(EXIT_URL);
    await expect(directory.exitDots).toHaveCount(2);
    await expect(directory.exitDotsOn).toHaveCount(1);
  });
});

test('pageshow (coming back from the back/forward cache) removes the blanking', async ({ directory, page }) => {
  await directory.goto();
  const title = site().title;
  await expect(page).toHaveTitle(title);
  await page.evaluate(() => {
    document.documentElement.setAttribute('hidden', '');
    document.title = '';
  });
  await expect(directory.searchInput).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await expect(page.locator('html')).not.toHaveAttribute('hidden');
  await expect(page).toHaveTitle(title);
  await expect(directory.searchInput).toBeVisible();
});
