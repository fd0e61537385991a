// axe-core finds no WCAG 2.2 A/AA violation inside the widget.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from '../support/fixtures.mjs';
import { PartnerPage } from './widget-page.mjs';

const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test('axe-core reports no violations inside the widget', async ({ page }) => {
  const partner = await new PartnerPage(page).goto();
  const frame = partner.frame();
  await frame.evaluate(axe);
  const result = await frame.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});
