// Promise: "Staying safe online" is one click away from every view, says
// exactly what data/locales/<lang>/ui.toml [safety] says, and Back returns
// to the directory with keyboard focus on the footer button that opened it.
import { test, expect } from './support/fixtures.mjs';
import { uiStrings } from './support/data.mjs';
import { walkEveryView, expectViewKind } from './pages/walk.mjs';
import { SafetyPage } from './pages/safety-page.mjs';
import { DirectoryPage } from './pages/directory-page.mjs';

/** [safety.1], [safety.2], … of a catalogue, in order, until one is missing. */
function safetySections(lang) {
  const safety = uiStrings(lang).safety;
  const sections = [];
  for (let n = 1; safety[String(n)]; n++) {
    const { heading, body } = safety[String(n)];
    sections.push({ heading, paragraphs: body.split('\n\n').map((p) => p.trim()) });
  }
  return { ...safety, sections };
}

test('the catalogues have the same number of safety sections in English and Spanish', () => {
  const en = safetySections('en');
  const es = safetySections('es');
  expect(en.sections.length).toBeGreaterThanOrEqual(3);
  expect(es.sections.length).toBe(en.sections.length);
});

for (const lang of ['en', 'es']) {
  test(`the ${lang} page says exactly what ui.toml [safety] says`, async ({ directory, page }) => {
    const expected = safetySections(lang);
    await directory.goto();
    if (lang !== 'en') await directory.switchLanguage(lang);
    await expect(directory.safetyButton).toHaveText(expected.link);
    const safety = await directory.openSafety();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(safety.title).toHaveText(expected.title);
    await expect(safety.title).toBeFocused();
    await expect(safety.backButton).toHaveText(expected.back);
    await expect(safety.root.locator('> p').first()).toHaveText(expected.intro);
    expect(await safety.headingTexts()).toEqual(expected.sections.map((s) => s.heading));
    expect(await safety.sectionParagraphs()).toEqual(expected.sections.map((s) => s.paragraphs));
    // One h1, then h2s: a heading outline a screen reader can jump through.
    await expect(safety.root.locator('h1')).toHaveCount(1);
    await expect(safety.root.locator('h3, h4, h5, h6')).toHaveCount(0);
  });
}

test('Back returns to the directory, as it was, with focus on the footer button', async ({ directory, page }) => {
  await directory.goto();
  await directory.search('housing');
  await directory.chooseFilter('state', 'CA');
  const ids = await directory.resultIds();
  const safety = await directory.openSafety();
  await safety.backButton.click();
  await expectViewKind(page, ids.length ? 'results' : 'empty');
  await expect(directory.searchInput).toHaveValue('housing');
  await expect(page.locator('#filter-state')).toHaveValue('CA');
  expect(await directory.resultIds()).toEqual(ids);
  const active = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await expect(directory.safetyButton, `focus after Back is on ${active}`).toBeFocused();
});

test('Back by keyboard (Enter) returns focus to the footer button too', async ({ directory, page }) => {
  await directory.goto();
  await directory.safetyButton.focus();
  await page.keyboard.press('Enter');
  const safety = new SafetyPage(page);
  await expect(safety.title).toBeFocused();
  await safety.backButton.focus();
  await page.keyboard.press('Enter');
  await expectViewKind(page, 'directory');
  const active = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await expect(directory.safetyButton, `focus after Back is on ${active}`).toBeFocused();
});

test('reachable from the footer on every view of the walk, in English and Spanish', async ({ page }) => {
  test.setTimeout(90_000);
  const directory = new DirectoryPage(page);
  const safety = new SafetyPage(page);
  const reachedFrom = [];
  await walkEveryView(page, {
    atView: async (view) => {
      const expected = safetySections(view.lang);
      await expect(directory.safetyButton, view.name).toHaveText(expected.link);
      await directory.safetyButton.click();
      await expect(safety.title, view.name).toHaveText(expected.title);
      expect(await safety.headingTexts(), view.name).toEqual(expected.sections.map((s) => s.heading));
      reachedFrom.push(`${view.name} (${view.lang})`);
      if (view.kind === 'safety') return; // already here: the button keeps the page
      // Come back to the view the walk was on.
      await safety.backButton.click();
      if (view.kind === 'service') await directory.openButton(view.serviceId).click();
      if (view.kind === 'guide') await page.locator('#footer-guide').click();
    },
  });
  expect(reachedFrom.length).toBeGreaterThanOrEqual(15);
  for (const name of ['directory (en)', 'service (en)', 'empty state (en)', 'guide opening (en)', 'Spanish directory (es)', 'Spanish service (es)']) {
    expect(reachedFrom).toContain(name);
  }
});
