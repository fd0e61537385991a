// Screenshots of every public view and the staff console, to look at before
// calling a view change done: a 360x640 touch phone (deviceScaleFactor 2)
// and a 1280x800 desktop, in English and Spanish.
//
//   node scripts/screenshots.mjs [dist] [out]   (default: dist, target/screenshots)
//
// Serves the built site with scripts/serve.py on a free port, drives Debian's
// Chromium, and writes <out>/<view>-<lang>-<width>.png (the first screen
// only: what a person sees before scrolling).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'target/screenshots';
const port = 8180 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
mkdirSync(out, { recursive: true });

const server = spawn('python3', ['scripts/serve.py', '--dir', dist, '--port', String(port), '--quiet'], { stdio: 'inherit' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const devices = [
  { name: '360', viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: '1280', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];

/** Each view: how to get there from a loaded page. */
const views = [
  ['directory', async () => {}],
  ['search', async (page) => {
    await page.fill('#search-input', 'housing');
  }],
  ['service', async (page) => {
    await page.fill('#search-input', 'shelter');
    await page.locator('.results .card-title button').first().click();
    await page.waitForSelector('#service-title');
  }],
  ['guide-question', async (page) => {
    await page.click('#open-guide');
    await page.click('#guide-start');
    await page.waitForSelector('#guide-title');
  }],
  ['safety', async (page) => {
    await page.click('#open-safety');
    await page.waitForSelector('#safety-title');
  }],
  ['staff', async (page) => {
    await page.goto(`${base}/staff/`);
    await page.waitForSelector('#search-input');
    await page.fill('#search-input', 'legal');
  }],
];

async function main() {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(base);
      break;
    } catch {
      await sleep(100);
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  for (const device of devices) {
    for (const lang of ['en', 'es']) {
      for (const [view, go] of views) {
        const context = await browser.newContext(device);
        const page = await context.newPage();
        await page.goto(base);
        await page.waitForSelector('#search-input');
        await go(page);
        if (lang !== 'en') {
          await page.click(`button.lang[lang="${lang}"]`);
          await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        }
        await sleep(300);
        const file = join(out, `${view}-${lang}-${device.name}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
        await context.close();
      }
    }
  }
  await browser.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => server.kill());
