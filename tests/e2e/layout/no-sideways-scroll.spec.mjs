// Layout, by geometry: no view scrolls sideways. A page wider than the
// screen on a phone hides part of every line and makes a thumb scroll drift
// sideways; on every public view the document is no wider than the window.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`no view scrolls sideways (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const layout = new LayoutPage(page);
    const { views, problems } = await layout.problemsOnEveryView(lang, (view) => layout.sidewaysProblems(view));
    expect(views.length, views.join('\n')).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });
});
