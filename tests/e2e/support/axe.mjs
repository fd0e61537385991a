// axe-core run inside the page (the CSP forbids adding a script tag, so
// its source is evaluated), for the WCAG 2.x A and AA rules.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './data.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core's violations on the page as it is (the CSP forbids a script tag, so it is evaluated). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    // Open the collapsed tip-line section too, so it is checked; then restore it.
    const closed = [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d) => (d.open = true));
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    closed.forEach((d) => (d.open = false));
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
}

