// Layout, by geometry: Quick exit is on screen on every view. On the home
// screen, the results, a service, the safety page and every guide screen to
// the result, #quick-exit is visible and wholly inside the viewport, as the
// page settles after the view change (a person in danger must not have to
// scroll to find it). quick-exit.spec.mjs checks that nothing covers it and
// that it leaves; this checks where it is drawn at both sizes and languages.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`Quick exit is visible and inside the viewport on every view (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const layout = new LayoutPage(page);
    const { views, problems } = await layout.problemsOnEveryView(lang, async (view) =>
      (await layout.quickExit.isVisible())
        ? layout.placementProblems(layout.quickExit, `${view}: Quick exit`, { belowBars: false })
        : [`${view}: Quick exit is not visible`]);
    expect(views.length, views.join('\n')).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });
});
