// Layout, by geometry: typing a search shows its results. After typing
// "housing", the result count and the first result's heading are on screen
// and not under the sticky header, without the person scrolling (an open
// filter panel or a tall intro pushes them below the fold, so all a phone
// shows is filters).
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout, RESULTS_QUERY } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`after typing "${RESULTS_QUERY}", the count and the first result are in view, below the bars (${lang})`, async ({ page }) => {
    const layout = await new LayoutPage(page).open(lang);
    await layout.searchFor(RESULTS_QUERY);
    const problems = [
      ...(await layout.placementProblems(layout.status, 'result count')),
      ...(await layout.placementProblems(layout.firstCardHeading, 'first card heading')),
    ];
    expect(problems).toEqual([]);
  });
});
