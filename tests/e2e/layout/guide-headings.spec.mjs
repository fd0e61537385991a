// Layout, by geometry: every screen of the guide shows its question. On each
// screen from the opening to the result (through the emergency screen and
// the choose-any step), the heading #guide-title is inside the viewport and
// not under the sticky header; otherwise a person sees "Yes / No" with no
// question above it. All screens are measured before failing, so the
// message lists every one that is wrong.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`every guide screen's heading is in view, below the bars (${lang})`, async ({ page }) => {
    const layout = await new LayoutPage(page).open(lang);
    const problems = [];
    const kinds = [];
    await layout.walkGuide(async ({ index, kind, heading }) => {
      kinds.push(kind);
      problems.push(...(await layout.placementProblems(layout.guideTitle, `screen ${index} (${kind}) heading "${heading.slice(0, 40)}"`)));
    });
    // The walk went through every kind of screen (a guide that stopped early would pass).
    expect([...new Set(kinds)].sort()).toEqual(['choose-any', 'emergency', 'opening', 'question', 'result']);
    expect(problems).toEqual([]);
  });
});
