// axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation, and every control
// is at least 24x24 CSS px (WCAG 2.2 target size, minimum).
import path from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { ROOT } from './support/data.mjs';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page, name) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    // Open the collapsed tip-line section too, so it is checked.
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      })),
    };
  }, TAGS);
  if (result.violations.length) console.log(`axe violations on ${name}:\n${JSON.stringify(result.violations, null, 2)}`);
  expect(result.violations, name).toEqual([]);
  expect(result.passes).toBeGreaterThan(0);
}

/** Controls smaller than 24x24 CSS px among those matched by `selector`. */
async function smallTargets(page, selector) {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { el: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`, w: r.width, h: r.height };
      })
      .filter((t) => t.w < 24 || t.h < 24),
  );
}

const CONTROLS = 'a, button, input, select, summary';

test('directory view', async ({ directory, page }) => {
  await directory.goto();
  await directory.search('hotline');
  await expectNoViolations(page, 'directory');
});

test('service view', async ({ directory, page }) => {
  await directory.goto();
  await directory.openService('nhth-hotline');
  await expectNoViolations(page, 'service view');
});

test('Spanish view', async ({ directory, page }) => {
  await directory.goto();
  await directory.switchLanguage('es');
  await directory.search('vivienda');
  await expectNoViolations(page, 'Spanish directory');
});

test('every control in the header, help bar, filters and result cards is at least 24x24', async ({ directory, page }) => {
  await directory.goto();
  await directory.chooseFilter('state', 'CA');
  const scopes = ['header.top', '.help-bar', 'details.filters', '.results .card'];
  const counts = {};
  for (const scope of scopes) {
    counts[scope] = await page.locator(`${scope} :is(${CONTROLS})`).count();
  }
  expect(counts['header.top']).toBeGreaterThanOrEqual(3);
  expect(counts['details.filters']).toBeGreaterThanOrEqual(10);
  expect(counts['.results .card']).toBeGreaterThan(0);
  const small = [];
  for (const scope of scopes) small.push(...(await smallTargets(page, `${scope} :is(${CONTROLS})`)));
  expect(small).toEqual([]);

  // The service view's own buttons (Back) and its call/text/TTY links.
  await directory.openService('nhth-hotline');
  const detail = '.service-detail :is(button, a.contact-link)';
  expect(await page.locator(detail).count()).toBeGreaterThanOrEqual(4);
  expect(await smallTargets(page, detail)).toEqual([]);
});
