// Screenshots of every public view and the staff console, to look at before
// calling a view change done: a 360x640 touch phone (deviceScaleFactor 2)
// and a 1280x800 desktop, in English and Spanish.
//
//   node scripts/screenshots.mjs [dist] [out]   (default: dist, target/screenshots)
//
// Serves the built site with scripts/serve.py on a free port, drives Debian's
// Chromium through the layout page object the specs in tests/e2e/layout use
// (tests/e2e/pages/layout.mjs), and writes <out>/<view>-<lang>-<width>.png
// (the first screen only: what a person sees before scrolling, after the
// page settles). The views:
//   home, results (for "housing"), service (the first result for "shelter"),
//   guide-NN-<kind> for each guide screen in turn, from the opening through
//   every question (and the emergency screen) to guide-NN-result,
//   safety, staff (the console, a search for "legal"),
//   partners (/partners.html; English only: it has no language switch),
//   coverage (/coverage/ at its heat map; English only, for coalitions).
// `make screenshots` runs this, then scripts/layout-figures.mjs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LayoutPage, SEL, RESULTS_QUERY, SERVICE_QUERY } from '../tests/e2e/pages/layout.mjs';
import { serveDist, launchChromium, PHONE, DESKTOP } from './layout-figures.mjs';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'target/screenshots';
mkdirSync(out, { recursive: true });

const devices = [
  { name: '360', options: PHONE },
  { name: '1280', options: DESKTOP },
];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Each entry: a name and how to get there in `lang` on a fresh page, calling
 * `shot(name)` at each view it reaches (the guide reaches many).
 */
const views = [
  ['home', async (layout, lang, shot) => {
    await layout.open(lang);
    await shot('home');
  }],
  ['results', async (layout, lang, shot) => {
    await layout.open(lang);
    await layout.searchFor(RESULTS_QUERY);
    await shot('results');
  }],
  ['service', async (layout, lang, shot) => {
    await layout.open(lang);
    await layout.openFirstService(SERVICE_QUERY);
    await shot('service');
  }],
  ['guide', async (layout, lang, shot) => {
    await layout.open(lang);
    await layout.walkGuide(({ index, kind }) => shot(`guide-${String(index).padStart(2, '0')}-${kind}`));
  }],
  ['safety', async (layout, lang, shot) => {
    await layout.open(lang);
    await layout.openSafety();
    await shot('safety');
  }],
  ['staff', async (layout, lang, shot) => {
    const { page } = layout;
    await page.goto('/staff/');
    await page.waitForSelector(SEL.search);
    await page.locator(SEL.status).filter({ hasText: /\d/ }).waitFor();
    if (lang !== 'en') {
      await page.locator(SEL.languagePicker).selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    await layout.searchFor('legal');
    await shot('staff');
    // Two panes: a service open beside the list.
    await layout.searchFor('shelter');
    await page.locator('.results .card-title button').first().click();
    await page.locator('#service-title').waitFor();
    await shot('staff-open');
    // The printed sheet for two referrals, as paper shows it (from the
    // list: on a phone the open service is shown alone).
    await page.keyboard.press('Escape');
    await page.locator('#service-title').waitFor({ state: 'detached' });
    await layout.searchFor('hotline');
    await page.locator('.results .card .select input').nth(0).check();
    await page.locator('.results .card .select input').nth(1).check();
    await page.emulateMedia({ media: 'print' });
    await shot('staff-print');
    await page.emulateMedia({ media: 'screen' });
  }],
  ['partners', async (layout, lang, shot) => {
    if (lang !== 'en') return; // no language switch on this page
    const { page } = layout;
    await page.goto('/partners.html');
    await page.waitForSelector('h1');
    await page.waitForLoadState('networkidle');
    await layout.settle();
    await shot('partners');
  }],
  ['coverage', async (layout, lang, shot) => {
    if (lang !== 'en') return; // for coalitions, in English only
    const { page } = layout;
    // At its heat map (the page's own anchor: the page has no script).
    await page.goto('/coverage/#heat');
    await page.waitForSelector('table#t-domains');
    await shot('coverage');
  }],
];

// Arabic (right to left), Chinese and Vietnamese: checked by eye for each
// release of the translations (issue 16).
const MORE_LANGUAGES = ['ar', 'zh-Hans', 'vi'];

async function main() {
  const { base, stop } = await serveDist(dist);
  const browser = await launchChromium();
  let count = 0;
  try {
    for (const device of devices) {
      for (const lang of ['en', 'es', ...MORE_LANGUAGES]) {
        for (const [name, go] of views) {
          // Right to left and the scripts without spaces: the survivor's views.
          if (MORE_LANGUAGES.includes(lang) && !['home', 'results', 'service', 'guide'].includes(name)) continue;
          const context = await browser.newContext({ ...device.options, baseURL: base });
          const page = await context.newPage();
          const layout = new LayoutPage(page);
          const shot = async (view) => {
            await sleep(150); // let transitions and font swaps finish
            const file = join(out, `${view}-${lang}-${device.name}.png`);
            await page.screenshot({ path: file });
            console.log(`wrote ${file}`);
            count++;
          };
          try {
            await go(layout, lang, shot);
          } catch (e) {
            throw new Error(`${name} (${lang}, ${device.name}): ${e.message}`);
          } finally {
            await context.close();
          }
        }
      }
    }
    console.log(`${count} screenshots in ${out}`);
  } finally {
    await browser.close();
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
