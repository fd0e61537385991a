// The layout figures of the public site on a 360x640 touch phone
// (deviceScaleFactor 2), in English: how tall the sticky header is, where
// the search box starts, where the first result's heading is after typing
// "housing", where each guide screen's heading is (in order, from the
// opening to the result) and where a service's title is when it opens. They
// are the before/after numbers of a layout change (issue 13); the specs in
// tests/e2e/layout assert the rules these numbers must meet.
//
//   node scripts/layout-figures.mjs [dist] [out]   (default: dist, target/screenshots)
//
// Serves the built site with scripts/serve.py on a free port, drives Debian's
// Chromium through the layout page object (tests/e2e/pages/layout.mjs, so it
// measures exactly what the specs measure), prints the figures and writes
// <out>/figures.json. Every y is the top edge in CSS px from the top of the
// viewport, after the page settles; `bars` is where the sticky bars end.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { LayoutPage, RESULTS_QUERY, SERVICE_QUERY } from '../tests/e2e/pages/layout.mjs';

export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port nothing listens on now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `dist` with scripts/serve.py; resolves once it answers. Returns { base, stop }. */
export async function serveDist(dist) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('python3', ['scripts/serve.py', '--dir', dist, '--port', String(port), '--quiet'], { stdio: 'inherit' });
  let exited = null;
  server.once('exit', (code) => (exited = code));
  for (let i = 0; i < 100; i++) {
    if (exited !== null) throw new Error(`scripts/serve.py exited (${exited}) before serving ${dist}`);
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) return { base, stop: () => server.kill() };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  server.kill();
  throw new Error(`scripts/serve.py did not answer on ${base}`);
}

/** Debian's Chromium, headless, with the flags the e2e suite uses. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Measures the figures on a fresh phone context for each view. */
export async function measure(browser, base, lang = 'en') {
  const fresh = async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: base });
    const layout = await new LayoutPage(await context.newPage()).open(lang);
    return { context, layout };
  };
  const top = async (layout, locator) => (await layout.box(locator))?.top ?? null;
  const figures = { viewport: '360x640 touch, deviceScaleFactor 2', lang };

  let { context, layout } = await fresh();
  figures.header_height = (await layout.box(layout.header)).height;
  figures.bars = (await layout.bars()).bottom;
  figures.search_box_y = await top(layout, layout.search);
  await layout.searchFor(RESULTS_QUERY);
  figures.results_query = RESULTS_QUERY;
  figures.result_count_y = await top(layout, layout.status);
  figures.first_result_heading_y = await top(layout, layout.firstCardHeading);
  figures.results_scroll_y = (await layout.screen()).scrollY;
  await context.close();

  ({ context, layout } = await fresh());
  figures.guide = [];
  await layout.walkGuide(async ({ index, kind, heading }) => {
    figures.guide.push({ index, kind, heading, y: await top(layout, layout.guideTitle), scroll_y: (await layout.screen()).scrollY });
  });
  await context.close();

  ({ context, layout } = await fresh());
  const title = await layout.openFirstService(SERVICE_QUERY);
  figures.service = { query: SERVICE_QUERY, title, y: await top(layout, layout.serviceTitle), scroll_y: (await layout.screen()).scrollY };
  await context.close();
  return figures;
}

async function main() {
  const dist = process.argv[2] ?? 'dist';
  const out = process.argv[3] ?? 'target/screenshots';
  const { base, stop } = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const f = await measure(browser, base);
    console.log(`layout figures of ${dist} at ${f.viewport}, ${f.lang} (y = top edge in CSS px; bars end at y=${f.bars}):`);
    console.log(`  header height                 ${f.header_height} px`);
    console.log(`  search box                    y=${f.search_box_y}`);
    console.log(`  after typing "${f.results_query}": count  y=${f.result_count_y}, first result heading y=${f.first_result_heading_y} (scrollY ${f.results_scroll_y})`);
    for (const s of f.guide) console.log(`  guide ${String(s.index).padStart(2)} ${s.kind.padEnd(10)}  y=${String(s.y).padEnd(5)} (scrollY ${s.scroll_y})  ${s.heading}`);
    console.log(`  service title on open         y=${f.service.y} (scrollY ${f.service.scroll_y})  ${f.service.title}`);
    mkdirSync(out, { recursive: true });
    const file = join(out, 'figures.json');
    writeFileSync(file, `${JSON.stringify({ dist, ...f }, null, 2)}\n`);
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
    stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
