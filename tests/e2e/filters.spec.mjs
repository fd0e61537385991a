// Filters combine with each other; clearing them is one click.
import { test, expect } from './support/fixtures.mjs';
import { listedServices, servesState, readToml, verifiedText } from './support/data.mjs';

const sorted = (ids) => [...ids].sort();

test.beforeEach(async ({ directory }) => {
  await directory.goto();
});

test('state CA and Open 24/7 combine; Clear all filters restores every service in one click', async ({ directory }) => {
  const total = listedServices().length;
  await directory.expectCount(total);
  await expect(directory.clearFiltersButton).toBeDisabled();

  const inCA = listedServices().filter((s) => servesState(s, 'CA'));
  const expected = inCA.filter((s) => s.open_24_7).map((s) => s.id);
  // From data/providers today: 911, the trafficking hotline and StrongHearts.
  expect(sorted(expected)).toEqual(['emergency-911', 'nhth-hotline', 'stronghearts-helpline']);

  await directory.chooseFilter('state', 'CA');
  await directory.expectCount(inCA.length);
  expect(sorted(await directory.allResultIds())).toEqual(sorted(inCA.map((s) => s.id)));

  await directory.chooseFilter('24/7', true);
  await directory.expectCount(expected.length);
  expect(sorted(await directory.resultIds())).toEqual(sorted(expected));
  // Tip lines are never mixed into results.
  await expect(directory.results().locator('.badge.warning')).toHaveCount(0);
  await expect(directory.filterPanel.locator('summary')).toContainText('(2)');

  await directory.clearFilters();
  await directory.expectCount(total);
  await expect(directory.page.locator('#filter-state')).toHaveValue('');
  await expect(directory.page.locator('#filter-24-7')).not.toBeChecked();
  await expect(directory.clearFiltersButton).toBeDisabled();
  // Every card says when its facts were last checked, and how, from its source.
  const byId = Object.fromEntries(listedServices().map((s) => [s.id, s]));
  const verified = await directory.results().evaluateAll((cs) =>
    cs.map((c) => [c.dataset.service, c.querySelector('.verified')?.textContent]),
  );
  for (const [id, text] of verified) expect(text, id).toBe(verifiedText(byId[id]));
});

test('a combination with no results shows the empty state, whose button removes the filters', async ({ directory }) => {
  const total = listedServices().length;
  const housingLabel = readToml('locales/en/taxonomy.toml')['domain.housing'];
  await directory.chooseFilter('domain', { label: housingLabel });
  await expect(directory.results().first()).toBeVisible();
  await directory.chooseFilter('24/7', true);

  await expect(directory.results()).toHaveCount(0);
  await expect(directory.empty).toBeVisible();
  expect(await directory.statusCount()).toBe(0);
  await expect(directory.emptyClearButton).toHaveText('Remove all filters');

  await directory.emptyClearButton.click();
  await directory.expectCount(total);
  await expect(directory.empty).toHaveCount(0);
  await expect(directory.page.locator('#filter-domain')).toHaveValue('');
  await expect(directory.page.locator('#filter-24-7')).not.toBeChecked();
});

test('law-enforcement tip lines stay out of the results, whatever the filters', async ({ directory }) => {
  const tipLines = (await directory.lawEnforcement.locator('.card').evaluateAll((cs) => cs.map((c) => c.dataset.service)));
  expect(tipLines).toContain('hsi-tip-line');
  await expect(directory.lawEnforcement.locator('.card .badge.warning')).toHaveCount(tipLines.length);
  for (const setup of [async () => {}, () => directory.chooseFilter('remote', true), () => directory.search('tip line')]) {
    await setup();
    const ids = await directory.allResultIds();
    for (const id of tipLines) expect(ids).not.toContain(id);
  }
});
