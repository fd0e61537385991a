// A result card answers "is this for me, and how do I reach them" without
// opening it; a phone number written in a record's text is a link to call.
import { test, expect } from './support/fixtures.mjs';
import { service, readToml } from './support/data.mjs';

test('a card names who it serves and its languages, and a service without a phone offers the hotline', async ({ directory, page }) => {
  await directory.goto();
  await directory.search('shelter');
  const life = service('project-life-housing');
  const labels = readToml('locales/en/taxonomy.toml');
  const card = directory.card('project-life-housing');
  await expect(card.locator('.serves')).toHaveText(`For: ${life.populations.map((p) => labels[`population.${p}`]).join(', ')}`);
  expect(life.languages ?? [], 'no languages listed: no languages line').toEqual([]);
  await expect(card.locator('.languages-line')).toHaveCount(0);
  expect(life.phones ?? [], 'the default data lists no phone for Project LIFE').toEqual([]);
  await expect(card.locator('.via-hotline a[href="tel:18883737888"]')).toBeVisible();
  const hotline = service('nhth-hotline');
  await directory.search('trafficking hotline');
  await expect(directory.card('nhth-hotline').locator('.languages-line')).toHaveText(
    `Languages: ${hotline.languages.map((l) => labels[`language.${l}`]).join(', ')}`,
  );
  await directory.search('shelter');
  // The service page: the hotline's call and text buttons where its own would be.
  await directory.openService('project-life-housing');
  await expect(page.locator('.contact-block .via-hotline a.call[href="tel:18883737888"]')).toBeVisible();
  await expect(page.locator('.contact-block .via-hotline a.call[href="sms:233733"]')).toBeVisible();
});

test('phone numbers in a record\'s free text become tap-to-call links', async ({ directory, page }) => {
  // 911's description says "Call 911 if you are in danger…".
  await directory.goto();
  await directory.search('911');
  await directory.openService('emergency-911');
  const links = page.locator('.service-detail .description a.inline-call[href="tel:911"]');
  await expect(links).toHaveCount(2);
  await expect(links.first()).toHaveText('911');
});

test('a line open 24/7 says so once on its page, not twice', async ({ directory, page }) => {
  await directory.goto();
  await directory.search('trafficking hotline');
  await directory.openService('nhth-hotline');
  const facts = await page.locator('.service-detail .facts').textContent();
  expect(facts.split('Open 24/7').length - 1, facts).toBe(1);
});
