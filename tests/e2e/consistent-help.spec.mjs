// WCAG 2.2 consistent help: the hotline is in the same place on every view;
// the quick-exit button never scrolls away.
import { test, expect } from './support/fixtures.mjs';
import { service, dial } from './support/data.mjs';

/** Where the help bar sits in the document (not the viewport), and its links. */
async function helpBarPlace(directory) {
  await expect(directory.helpBar).toBeVisible();
  return directory.helpBar.evaluate((bar) => {
    const r = bar.getBoundingClientRect();
    return {
      top: Math.round(r.top + window.scrollY),
      left: Math.round(r.left),
      width: Math.round(r.width),
      call: bar.querySelector('a[href^="tel:"]')?.getAttribute('href') ?? null,
      text: bar.querySelector('a[href^="sms:"]')?.getAttribute('href') ?? null,
      nextToHeader: bar.previousElementSibling?.matches('header.top') ?? false,
    };
  });
}

test('the hotline help bar is in the same place on the directory, the empty state and a service', async ({ directory }) => {
  const hotline = service('nhth-hotline');
  const call = `tel:${dial(hotline.phones.find((p) => p.type === 'hotline').number)}`;
  const text = `sms:${dial(hotline.phones.find((p) => p.type === 'text').number)}`;
  await directory.goto();

  const onDirectory = await helpBarPlace(directory);
  expect(onDirectory).toMatchObject({ call, text, nextToHeader: true });
  await expect(directory.helpCallLink).toHaveText(/1-888-373-7888/);

  await directory.search('qqxqzzv');
  await expect(directory.empty).toBeVisible();
  expect(await helpBarPlace(directory)).toEqual(onDirectory);

  await directory.search('');
  await directory.card('project-life-housing').scrollIntoViewIfNeeded();
  await directory.openService('project-life-housing');
  expect(await helpBarPlace(directory)).toEqual(onDirectory);
});

test.describe('on a 375x667 phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  test('Quick exit stays on screen, uncovered, at the bottom of a long list', async ({ directory, page }) => {
    await directory.goto();
    const cards = await directory.results().count();
    expect(cards).toBeGreaterThanOrEqual(20);
    const docHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(docHeight).toBeGreaterThan(667 * 3);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(667 * 2);
    await expect(directory.results().last()).toBeInViewport();

    await expect(directory.quickExit).toBeInViewport({ ratio: 1 });
    const box = await directory.quickExit.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(667);
    // Nothing is drawn over it: the element at its centre is the button.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    expect(onTop).toBe('quick-exit');
  });
});
