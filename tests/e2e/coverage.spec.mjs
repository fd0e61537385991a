// Promise: /coverage/, the coverage and gaps page for partners and
// coalitions, is plain HTML and CSS from the site's own files: it reads with
// scripts off, fetches nothing but itself and its stylesheet, stores
// nothing, passes axe, shows the same figures as `waypoint report --format
// json`, links every number to the services behind it, and prints: a PDF
// of it holds the domain × population matrix.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { ROOT } from './support/data.mjs';
import { axeViolations } from './support/axe.mjs';
import { pdfText } from './support/pdf-text.mjs';
import { CoveragePage } from './pages/coverage-page.mjs';

const DIST = process.env.E2E_DIST ?? path.join(ROOT, 'dist');

/** The figures the page was made from, as the CLI reports them for the same data. */
function figures() {
  const bin = path.join(ROOT, 'target/release/waypoint');
  const json = execFileSync(bin, ['report', '--data', 'data', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(json);
}

test('the coverage page is static: no script, its own two files, nothing stored', async ({ page, baseURL }) => {
  expect(fs.existsSync(path.join(DIST, 'coverage/index.html')), 'make dist wrote dist/coverage/').toBe(true);
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (r) => requests.push(r));
  const coverage = new CoveragePage(page);
  await coverage.goto();
  await page.waitForLoadState('networkidle');
  const paths = requests.map((r) => `${r.method()} ${new URL(r.url()).origin === origin ? new URL(r.url()).pathname : r.url()}`);
  expect(paths).toEqual(['GET /coverage/', 'GET /coverage/coverage.css']);
  expect(await page.locator('script').count()).toBe(0);
  // The site's policy covers the page, and its styles came from the file.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("style-src 'self'");
  expect(await coverage.heatMap.evaluate((t) => getComputedStyle(t).borderCollapse)).toBe('collapse');
  expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
  // Not linked from a survivor's views: only the partners page links here.
  expect(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')).not.toContain('coverage/');
  expect(fs.readFileSync(path.join(DIST, 'partners.html'), 'utf8')).toContain('href="coverage/"');
});

test('it reads with scripts turned off', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const coverage = new CoveragePage(page);
  await coverage.goto();
  await expect(coverage.heatMap).toBeVisible();
  await expect(coverage.limits).toContainText('cannot show');
  await context.close();
});

test('the figures are the CLI\'s, every number links to its list, and zero cells say gap', async ({ page }) => {
  const c = figures();
  const coverage = new CoveragePage(page);
  await coverage.goto();
  await expect(coverage.title).toHaveText('Coverage and gaps');
  await expect(page.locator('.lede')).toContainText(`${c.totals.services} services from ${c.totals.organizations} organisations`);
  const counts = await coverage.heatCounts();
  for (const row of c.domains.rows) {
    expect(counts[row.label], row.code).toEqual([row.total.count, ...row.cells.map((x) => x.count)]);
  }
  const gaps = c.domains.rows.flatMap((r) => r.cells).filter((x) => x.gap).length;
  expect(await coverage.heatMap.locator('td.gap').filter({ hasText: 'gap' }).count()).toBe(gaps + c.domains.rows.filter((r) => r.total.gap).length);
  // Every link lands on a list of exactly as many services.
  const n = await coverage.links.count();
  expect(n).toBeGreaterThan(20);
  for (let i = 0; i < n; i += Math.ceil(n / 12)) {
    const link = coverage.links.nth(i);
    expect(await coverage.listLength(link), await link.getAttribute('href')).toBe(Number(await link.textContent()));
  }
  const first = coverage.heatMap.locator('td a').first();
  await first.click();
  const target = page.locator(`section[id="${(await first.getAttribute('href')).slice(1)}"]`);
  await expect(target).toBeInViewport();
  await expect(target.locator('li')).toHaveCount(Number(await first.textContent()));
  await expect(page.locator('#import + p')).toContainText('Not an import');
});

test('axe finds no violation', async ({ page }) => {
  const coverage = new CoveragePage(page);
  await coverage.goto();
  const { violations } = await axeViolations(page);
  expect(violations).toEqual([]);
});

test('at 360 px only the tables scroll, inside their own boxes', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, baseURL });
  const page = await context.newPage();
  const coverage = new CoveragePage(page);
  await coverage.goto();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});

test('it prints: the PDF holds the domain × population matrix', async ({ page }) => {
  const c = figures();
  const coverage = new CoveragePage(page);
  await coverage.goto();
  // The stylesheet asks for A4 landscape with 10 mm margins: 277 mm of
  // printable width at 96 dpi. The matrices fit it, not clipped.
  const printable = Math.floor((277 / 25.4) * 96);
  await page.setViewportSize({ width: printable, height: 700 });
  await page.emulateMedia({ media: 'print' });
  for (const table of [coverage.heatMap, coverage.matrix]) {
    expect((await table.boundingBox()).width).toBeLessThanOrEqual(printable);
  }
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // (The stylesheet prints "gap" in capitals.)
  const text = pdfText(pdf).join(' ');
  expect(text).toContain('Domains and populations');
  for (const row of c.domains.rows) {
    const numbers = [row.total, ...row.cells].map((x) => (x.gap ? '0 GAP' : x.count)).join(' ');
    expect(text, `${row.label} row`).toContain(`${row.label} ${numbers}`);
  }
  for (const col of c.domains.columns) expect(text).toContain(col.label);
});
