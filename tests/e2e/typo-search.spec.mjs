// Search forgives typos and understands Spanish.
import { test, expect } from './support/fixtures.mjs';

test.beforeEach(async ({ directory }) => {
  await directory.goto();
});

test('a misspelt "imigration", typed key by key, finds and highlights "immigration"', async ({ directory }) => {
  const all = await directory.statusCount();
  await directory.search('imigration', { keyByKey: true });

  const first = directory.results().first();
  await expect(first.locator('mark').filter({ hasText: /^immigration$/i }).first()).toBeVisible();
  // Every mark in the first card is the corrected word, not the typo.
  const marks = await first.locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.toLowerCase()).toBe('immigration');

  // The status announces exactly the cards drawn, and the query narrowed the list.
  const cards = await directory.results().count();
  expect(cards).toBeGreaterThan(0);
  expect(cards).toBeLessThan(all);
  await expect(directory.status).toHaveText(new RegExp(`\\b${cards}\\b`));
  expect(await directory.statusCount()).toBe(cards);
  await expect(directory.status).toHaveAttribute('role', 'status');
});

test('"housng" lists the Project LIFE housing service in the top 3', async ({ directory }) => {
  await directory.search('housng', { keyByKey: true });
  await expect(directory.card('project-life-housing')).toBeVisible();
  const top3 = (await directory.resultIds()).slice(0, 3);
  expect(top3).toContain('project-life-housing');
  await expect(directory.card('project-life-housing').locator('mark').first()).toHaveText(/^housing$/i);
  expect(await directory.statusCount()).toBe(await directory.results().count());
});

test('a Spanish query ("trata") finds the National Human Trafficking Hotline', async ({ directory }) => {
  await directory.search('trata', { keyByKey: true });
  await expect(directory.card('nhth-hotline')).toBeVisible();
  expect((await directory.resultIds()).slice(0, 3)).toContain('nhth-hotline');
  expect(await directory.statusCount()).toBe(await directory.results().count());
});

test('a query that matches nothing says so instead of listing everything', async ({ directory }) => {
  await directory.search('qqxqzzv', { keyByKey: true });
  await expect(directory.results()).toHaveCount(0);
  await expect(directory.empty).toBeVisible();
  expect(await directory.statusCount()).toBe(0);
});
