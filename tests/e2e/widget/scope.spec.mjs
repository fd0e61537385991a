// The widget shows the partner's scope (California; housing and legal) in
// the partner's language (Spanish), in their accent colour.
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage, domainOf, servesState, serviceById } from './widget-page.mjs';

test('only the configured states and domains, in the configured language and colour', async ({ page }) => {
  const partner = await new PartnerPage(page).goto();
  const frame = partner.frame();
  await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe('es');
  const ids = await partner.cardIds();
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const s = serviceById(id);
    expect(servesState(s, 'CA'), `${id} serves California`).toBe(true);
    expect(s.services.some((c) => ['housing', 'legal'].includes(domainOf(c))), `${id} is housing or legal help`).toBe(true);
  }
  const states = await partner.widget.locator('#filter-state option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  expect(states).toEqual(['CA']);
  const domains = await partner.widget.locator('#filter-domain option').evaluateAll((o) => o.filter((x) => x.value).map((x) => x.textContent));
  expect(domains.length).toBe(2);
  expect(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--wp-accent').trim())).toBe('#7a1f5c');
  // Clear all keeps the partner's scope.
  await partner.widget.locator('#filter-24-7').check();
  await partner.widget.locator('#clear-filters').click();
  expect(await partner.cardIds()).toEqual(ids);
});
