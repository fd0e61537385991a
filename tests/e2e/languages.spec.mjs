// Every offered language on a phone: a search in that language finds its
// record and the first result is on screen; the page never scrolls
// sideways (Arabic mirrored, right to left); switching fetches only the
// site's own files and stores nothing.
import { test, expect } from './support/fixtures.mjs';
import { readToml } from './support/data.mjs';

test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, deviceScaleFactor: 2 });

// A phrase in each language (from its own taxonomy or guide words) and a
// record it must find.
const CASES = [
  ['es', 'trata de personas'],
  ['zh-Hans', '人口贩运'],
  ['vi', 'buôn người'],
  ['ko', '인신매매'],
  ['tl', 'human trafficking'],
  ['ru', 'торговля людьми'],
  ['ar', 'الاتجار بالبشر'],
  ['fr', 'traite des êtres humains'],
  ['ht', 'trafik moun'],
  ['pt', 'tráfico de pessoas'],
  ['th', 'การค้ามนุษย์'],
];

for (const [lang, query] of CASES) {
  test(`${lang}: a search in the language finds the hotline, on screen, with no sideways scroll`, async ({ page, directory }) => {
    const meta = readToml(`locales/${lang}/ui.toml`).meta;
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url())));
    await directory.goto();
    const origin = new URL(page.url()).origin;
    await directory.switchLanguage(lang);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    // The neutral tab title, in the page's language.
    await expect(page).toHaveTitle(readToml('site.toml').title_in[lang]);
    // The picker names the language in itself; an unreviewed one says so.
    await expect(directory.languagePicker.locator('option:checked')).toHaveText(meta.name);
    if (meta.reviewed === false) await expect(page.locator('.review-note')).toHaveText(meta.review_note);

    await directory.search(query);
    const hotline = page.locator('.results .card[data-service="nhth-hotline"]');
    await expect(hotline).toBeVisible();
    // A record's text: Spanish where written, otherwise the record's own
    // English, marked so, and left to right even on an Arabic page.
    const snippet = hotline.locator('.snippet');
    await expect(snippet).toHaveAttribute('lang', lang === 'es' ? 'es' : 'en');
    expect(await snippet.evaluate((el) => getComputedStyle(el).direction), 'the record text keeps its own direction').toBe('ltr');
    const first = await page.locator('.results .card').first().boundingBox();
    expect(first.y, 'the first result starts on the first screen').toBeLessThan(640);

    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.scroll, 'no sideways scroll').toBeLessThanOrEqual(widths.view);
    // Phone numbers read left to right inside the language's text.
    const number = page.locator('.help-bar .number').first();
    if (await number.count()) expect(await number.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

    expect(requests.filter((u) => u.origin !== origin).map(String), 'only the site itself').toEqual([]);
    const typed = encodeURIComponent(query);
    expect(requests.filter((u) => u.href.includes(typed) || decodeURIComponent(u.href).includes(query)).map(String), 'no request carries the query').toEqual([]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
  });
}

test('a browser that prefers Spanish is offered Spanish in one line, and nothing switches by itself', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'es-MX', viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('#search-input')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const offer = page.locator('#language-offer');
  await expect(offer).toHaveText('Ver en español');
  const box = await offer.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
  await offer.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(offer).toHaveCount(0);
  await context.close();
});
