// One service's view: everything needed to act, with its provenance, and a
// Back that returns exactly to where the person was.
import { test, expect } from './support/fixtures.mjs';
import { service, verifiedText, dial } from './support/data.mjs';

test('the hotline view: call, text, TTY, last checked, source; Back keeps the query and focus', async ({ directory, page }) => {
  const hotline = service('nhth-hotline');
  await directory.goto();
  await directory.search('trafficking hotline');
  await expect(directory.card('nhth-hotline')).toBeVisible();
  const listBefore = await directory.resultIds();
  const statusBefore = await directory.status.textContent();

  const view = await directory.openService('nhth-hotline');
  await expect(view.title).toHaveText(hotline.name);
  await expect(view.title).toBeFocused();
  await expect(directory.results()).toHaveCount(0);

  // Call, text and TTY, dialled from the data.
  const voice = hotline.phones.find((p) => p.type === 'hotline');
  const text = hotline.phones.find((p) => p.type === 'text');
  const tty = hotline.phones.find((p) => p.type === 'tty');
  expect(dial(voice.number)).toBe('18883737888');
  expect(text.number).toBe('233733');
  await expect(view.root.locator('a[href="tel:18883737888"]')).toHaveText(`Call ${voice.number}`);
  await expect(view.root.locator('a[href="sms:233733"]')).toHaveText(`Text ${text.number}`);
  await expect(view.root.locator(`a[href="tel:${dial(tty.number)}"]`)).toHaveText(`TTY ${tty.number}`);
  expect(await view.hrefs('tel:')).toEqual(['tel:18883737888', `tel:${dial(tty.number)}`]);
  expect(await view.hrefs('sms:')).toEqual(['sms:233733']);

  // Provenance: the date, and what kind of check it records.
  await expect(view.verified).toHaveText(verifiedText(hotline));
  await expect(view.verified).toHaveText('Collected from public sources on November 28, 2026');
  await expect(view.source).toContainText('Source:');
  await expect(view.source).toContainText(hotline.source.name);
  await expect(view.source.locator('a')).toHaveAttribute('href', hotline.source.url);

  // Every link that leaves the site (anywhere on the page) opens without
  // telling the destination where the person came from.
  const external = await page.locator('a[href^="http"]').evaluateAll((as) =>
    as.map((a) => ({ href: a.href, rel: a.getAttribute('rel'), host: new URL(a.href).host })),
  );
  const offSite = external.filter((l) => l.host !== '127.0.0.1:8099');
  expect(offSite.length).toBeGreaterThanOrEqual(3); // chat, website, source at least
  for (const link of offSite) {
    const rel = (link.rel ?? '').split(/\s+/);
    expect(rel, link.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }

  // Back: the same list, the query kept, focus on the card that was opened.
  await view.back();
  await expect(directory.searchInput).toHaveValue('trafficking hotline');
  await expect(directory.openButton('nhth-hotline')).toBeFocused();
  expect(await directory.resultIds()).toEqual(listBefore);
  await expect(directory.status).toHaveText(statusBefore);
});

test('Back returns focus to a card further down the list, not the first one', async ({ directory }) => {
  await directory.goto();
  const ids = await directory.resultIds();
  const target = ids[ids.length - 1];
  const view = await directory.openService(target);
  await view.back();
  await expect(directory.openButton(target)).toBeFocused();
  expect(await directory.resultIds()).toEqual(ids);
});
