// Layout, by geometry: "Staying safe online" opens at its top. After the
// footer link, the page's title is inside the viewport and below the sticky
// bars, and the view is shown from its own top (at scrollY 0, or scrolled
// so the view starts right under the bars, never part-way down).
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`the safety page opens at its top, its title in view below the bars (${lang})`, async ({ page }) => {
    const layout = await new LayoutPage(page).open(lang);
    await layout.openSafety();
    const problems = await layout.placementProblems(layout.safetyTitle, 'safety title');
    problems.push(...(await layout.viewTopProblems(layout.safetyView, 'the safety view')));
    expect(problems).toEqual([]);
  });
});
