// Layout, by geometry: the search box is on the first screen. A survivor on
// a cheap phone opens the site to find help; if the box starts below the
// fold (behind the hotline bar and the intro), the first screen offers no
// way to search. Checked right after load, without scrolling.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`the search box is on the first screen without scrolling (${lang})`, async ({ page }) => {
    const layout = await new LayoutPage(page).open(lang);
    const box = await layout.box(layout.search);
    const screen = await layout.screen();
    expect(screen.scrollY, `the page opened scrolled to y=${screen.scrollY}`).toBe(0);
    expect(box, 'the search box is drawn').not.toBeNull();
    expect(box.bottom, `search box at y=${box.top}..${box.bottom}, viewport ${screen.width}x${screen.height}`).toBeLessThanOrEqual(screen.height);
    expect(box.top, `search box at y=${box.top}`).toBeGreaterThanOrEqual(0);
  });
});
