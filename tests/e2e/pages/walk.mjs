// One walk through every view and flow Waypoint has, as a person would use
// it: the directory, a search typed key by key, every filter select and
// checkbox (each on its own, then cleared), the empty state and its
// "Remove all filters" button, the law-enforcement lines, a provider and
// Back, the safety page and Back, the private guide from its opening to a
// result (through the emergency screen) and back to the directory, and
// all of it again in Spanish.
//
// Every step checks that it did what it should, so a walk that silently
// went nowhere fails. Specs hook in with `atView(view)`, called at each
// stop; `view` is { name, kind, lang, serviceId? } where kind is one of
// 'directory' | 'results' | 'empty' | 'service' | 'safety' | 'guide'. The
// walk checks what each view shows, not where focus goes (the specs for
// Back and the keyboard check that), so one focus bug does not hide
// everything else. The hook may look, scroll or even leave and come back,
// but must leave the page showing the same view (the walk checks).
import { expect } from '@playwright/test';
import { DirectoryPage, FILTER_SELECTS, FILTER_CHECKS, FIRST_PAGE } from './directory-page.mjs';
import { ServicePage } from './service-page.mjs';
import { SafetyPage } from './safety-page.mjs';
import { GuidePage } from './guide-page.mjs';

/** A query that matches nothing in any data set. */
export const NO_MATCH = 'qqxqzzv';

/** Checks the page shows a view of `kind` (and nothing of the others). */
export async function expectViewKind(page, kind) {
  const directory = new DirectoryPage(page);
  const service = new ServicePage(page);
  const safety = new SafetyPage(page);
  const guide = new GuidePage(page);
  const onDirectory = ['directory', 'results', 'empty'].includes(kind);
  await expect(directory.searchInput).toHaveCount(onDirectory ? 1 : 0);
  await expect(service.title).toHaveCount(kind === 'service' ? 1 : 0);
  await expect(safety.title).toHaveCount(kind === 'safety' ? 1 : 0);
  await expect(guide.title).toHaveCount(kind === 'guide' ? 1 : 0);
  if (kind === 'empty') {
    await expect(directory.empty).toBeVisible();
    await expect(directory.cards).toHaveCount(0);
  } else if (onDirectory) {
    await expect(directory.empty).toHaveCount(0);
    await expect(directory.cards.first()).toBeVisible();
  }
  // The frame is there on every view.
  await expect(directory.quickExit).toBeVisible();
  await expect(directory.helpBar).toBeVisible();
  await expect(directory.safetyButton).toBeVisible();
}

/** The cards drawn and the count announced agree. */
async function expectStatusMatchesCards(directory) {
  await expect.poll(async () => Math.min(await directory.statusCount(), FIRST_PAGE) === (await directory.cards.count())).toBe(true);
}

/** The value of the first real option of a select (not "Any"). */
async function firstOption(page, selector, preferred) {
  const values = await page.locator(`${selector} option`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  expect(values.length, `${selector} has options`).toBeGreaterThan(0);
  return preferred && values.includes(preferred) ? preferred : values[0];
}

function makeStop(page, atView, visited) {
  return async (name, kind, extra = {}) => {
    await expectViewKind(page, kind);
    const view = { name, kind, lang: await page.locator('html').getAttribute('lang'), ...extra };
    await atView(view);
    await expectViewKind(page, kind);
    visited.push(view);
  };
}

/** A query typed key by key: narrower results, each card counted. */
export async function searchFlow(directory, stop, query) {
  const all = await directory.statusCount();
  await directory.search(query, { keyByKey: true });
  await expectStatusMatchesCards(directory);
  expect(await directory.statusCount()).toBeLessThan(all);
  await stop(`results for "${query}"`, 'results', { query });
  await directory.search('');
  await directory.expectCount(all);
}

/**
 * Every filter select and checkbox, one at a time, then cleared: the summary
 * counts it, the list follows, "Clear all filters" restores everything.
 * City (shown once a state with places is chosen) is set with its state.
 */
export async function filterFlow(directory, stop = async () => {}) {
  const { page } = directory;
  const all = await directory.statusCount();
  const summary = directory.filterPanel.locator('summary');
  const settle = async (active, name) => {
    await expect(summary).toContainText(`(${active})`);
    await expect(directory.clearFiltersButton).toBeEnabled();
    await expectStatusMatchesCards(directory);
    const kind = (await directory.cards.count()) > 0 ? 'results' : 'empty';
    await stop(`filter: ${name}`, kind, { filter: name });
  };
  const clear = async () => {
    await directory.clearFilters();
    await directory.expectCount(all);
    await expect(summary).not.toContainText('(');
    await expect(directory.clearFiltersButton).toBeDisabled();
  };
  const preferred = { language: 'es', state: 'CA' };
  for (const name of Object.keys(FILTER_SELECTS).filter((n) => n !== 'city')) {
    await directory.chooseFilter(name, await firstOption(page, FILTER_SELECTS[name], preferred[name]));
    await settle(1, name);
    await clear();
  }
  // City: only offered for a state with places.
  await expect(page.locator(FILTER_SELECTS.city)).toHaveCount(0);
  await directory.chooseFilter('state', 'CA');
  await expect(page.locator(FILTER_SELECTS.city)).toBeVisible();
  await directory.chooseFilter('city', await firstOption(page, FILTER_SELECTS.city));
  await settle(2, 'city');
  await clear();
  await expect(page.locator(FILTER_SELECTS.city)).toHaveCount(0);
  for (const name of Object.keys(FILTER_CHECKS)) {
    await directory.chooseFilter(name, true);
    await settle(1, name);
    await directory.chooseFilter(name, false);
    await directory.expectCount(all);
    await expect(directory.clearFiltersButton).toBeDisabled();
  }
}

/** Nothing matches: the empty state, whose button removes the filters. */
export async function emptyFlow(directory, stop) {
  const all = await directory.statusCount();
  await directory.search(NO_MATCH);
  await directory.chooseFilter('free', true);
  await directory.expectCount(0);
  await expect(directory.emptyClearButton).toBeVisible();
  await stop('empty state', 'empty', { query: NO_MATCH });
  await directory.emptyClearButton.click();
  await expect(directory.page.locator(FILTER_CHECKS.free)).not.toBeChecked();
  await expect(directory.empty).toBeVisible();
  await expect(directory.emptyClearButton).toHaveCount(0);
  await directory.search('');
  await directory.expectCount(all);
}

/** The law-enforcement lines open and close, apart from the results. */
export async function lawEnforcementFlow(directory) {
  const lines = directory.lawEnforcement;
  if ((await lines.count()) === 0) return;
  await lines.locator('summary').click();
  await expect(lines.locator('.card').first()).toBeVisible();
  await lines.locator('summary').click();
  await expect(lines.locator('.card').first()).toBeHidden();
}

/** "Show N more", when the list is longer than one page. */
export async function showMoreFlow(directory) {
  const more = directory.page.locator('.results button.more');
  if ((await more.count()) === 0) return;
  const before = await directory.cards.count();
  await more.click();
  await expect.poll(() => directory.cards.count()).toBeGreaterThan(before);
}

/** One provider's view, then Back to the list. */
export async function serviceFlow(directory, stop, id, label = 'service') {
  const view = await directory.openService(id);
  await expect(view.callLinks.first()).toBeVisible();
  await stop(label, 'service', { serviceId: id });
  await view.back();
  await expect(directory.card(id)).toBeVisible();
}

/** The safety page from the footer, then Back. */
export async function safetyFlow(directory, stop, label = 'safety page') {
  const safety = await directory.openSafety();
  expect(await safety.headings.count()).toBeGreaterThan(0);
  await stop(label, 'safety');
  await safety.back();
}

/** Clicks `locator` and waits for the guide to show another screen. */
async function guideStep(guide, locator) {
  const before = await guide.title.textContent();
  await locator.click();
  await expect(guide.title).not.toHaveText(before);
}

/**
 * The private guide from the footer: its opening, the first question,
 * "yes, in danger" (the emergency screen), then skipping to a result; from
 * the result to the directory, back to the guide (still on its result) from
 * the directory's invitation, Start over, and to the directory again.
 * `full: false` stops after the first question and goes back.
 */
export async function guideFlow(directory, stop, { full = true, prefix = '' } = {}) {
  const { page } = directory;
  const guide = new GuidePage(page);
  await page.locator('#footer-guide').click();
  await expect(page.locator('#guide-start')).toBeVisible();
  await stop(`${prefix}guide opening`, 'guide');
  await guideStep(guide, page.locator('#guide-start'));
  await expect(guide.progress).toBeVisible();
  await stop(`${prefix}guide question`, 'guide');
  if (!full) {
    await page.locator('#guide-back').click();
    await page.locator('#guide-to-directory').click();
    await expectViewKind(page, 'directory');
    return;
  }
  await guideStep(guide, guide.answer('yes'));
  await expect(guide.call911.first()).toBeVisible();
  await stop(`${prefix}guide emergency`, 'guide');
  await guideStep(guide, guide.continue);
  for (let i = 0; i < 30 && !(await guide.startOver.isVisible()); i++) {
    await guideStep(guide, (await guide.skip.isVisible()) ? guide.skip : guide.next);
  }
  await expect(guide.startOver).toBeVisible();
  await stop(`${prefix}guide result`, 'guide');
  // "See all services" goes to the directory; the guide keeps its place.
  await page.locator('#guide-browse').click();
  await expectViewKind(page, 'directory');
  await page.locator('#open-guide').click();
  await expect(guide.startOver).toBeVisible();
  // Start over wipes the answers and shows the opening again.
  await guideStep(guide, guide.startOver);
  await expect(page.locator('#guide-start')).toBeVisible();
  await page.locator('#guide-to-directory').click();
  await expectViewKind(page, 'directory');
}

/**
 * The whole walk. Options: `atView` (see above), `service` (the provider
 * opened), `query` (typed key by key; must narrow the list).
 * Returns the views visited, in order.
 */
export async function walkEveryView(page, { atView = async () => {}, service = 'nhth-hotline', query = 'shelter', spanishQuery = 'vivienda' } = {}) {
  const directory = new DirectoryPage(page);
  const visited = [];
  const stop = makeStop(page, atView, visited);

  await directory.goto();
  await stop('directory', 'directory');
  await searchFlow(directory, stop, query);
  await filterFlow(directory, stop);
  await emptyFlow(directory, stop);
  await lawEnforcementFlow(directory);
  await showMoreFlow(directory);
  await serviceFlow(directory, stop, service);
  await safetyFlow(directory, stop);
  await guideFlow(directory, stop);

  await directory.switchLanguage('es');
  await stop('Spanish directory', 'directory');
  await searchFlow(directory, stop, spanishQuery);
  await directory.search(NO_MATCH);
  await stop('Spanish empty state', 'empty', { query: NO_MATCH });
  await directory.search('');
  await serviceFlow(directory, stop, service, 'Spanish service');
  await safetyFlow(directory, stop, 'Spanish safety page');
  await guideFlow(directory, stop, { full: false, prefix: 'Spanish ' });
  await directory.switchLanguage('en');
  await expect(directory.searchInput).toHaveValue('');

  // Every kind of view, in both languages, was visited.
  for (const lang of ['en', 'es']) {
    const kinds = new Set(visited.filter((v) => v.lang === lang).map((v) => v.kind));
    expect([...kinds].sort(), `views visited in ${lang}`).toEqual(['directory', 'empty', 'guide', 'results', 'safety', 'service']);
  }
  return visited;
}
