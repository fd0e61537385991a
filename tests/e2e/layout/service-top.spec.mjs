// Layout, by geometry: a service opens at its top. After a search for
// "shelter", opening the first result shows the service's title inside the
// viewport and below the sticky bars, and the view is scrolled so that its
// own top (the Back button above the title) is not hidden under the bars
// either: the page must not open part-way down (at scrollY 0, or scrolled
// so the view starts right under the bars).
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`a service opens at its top, its title in view below the bars (${lang})`, async ({ page }) => {
    const layout = await new LayoutPage(page).open(lang);
    const title = await layout.openFirstService();
    const problems = await layout.placementProblems(layout.serviceTitle, `service title "${title.slice(0, 40)}"`);
    problems.push(...(await layout.viewTopProblems(layout.serviceView, 'the service view')));
    expect(problems).toEqual([]);
  });
});
