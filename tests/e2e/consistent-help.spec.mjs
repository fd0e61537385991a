// WCAG 2.2 consistent help: the hotline is in the same place on every view.
// (That Quick exit never scrolls away is quick-exit.spec.mjs's promise.)
import { test, expect } from './support/fixtures.mjs';
import { service, dial } from './support/data.mjs';
import { walkEveryView } from './pages/walk.mjs';

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

  await directory.search('Project LIFE');
  await directory.card('project-life-housing').scrollIntoViewIfNeeded();
  await directory.openService('project-life-housing');
  expect(await helpBarPlace(directory)).toEqual(onDirectory);
});

test('the help bar is in the same place, with the same numbers, on every view of the walk', async ({ directory, page }) => {
  test.setTimeout(60_000);
  const places = {};
  await walkEveryView(page, {
    atView: async (view) => {
      (places[view.lang] ??= []).push({ view: view.name, ...(await helpBarPlace(directory)) });
    },
  });
  for (const [lang, list] of Object.entries(places)) {
    expect(list.length, lang).toBeGreaterThanOrEqual(5);
    const { view: _, ...first } = list[0];
    for (const { view, ...place } of list) expect(place, `${view} (${lang})`).toEqual(first);
  }
  expect(places.es[0].call).toBe(places.en[0].call);
});
