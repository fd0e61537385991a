// Layout, by geometry: primary actions are big enough to tap. Quick exit,
// the guide's Start and every answer on every guide screen, Call 911 and the
// hotline on the emergency screen, the help bar's Call and Text, and the
// first Call on a service page are each at least 44 px tall (a checkbox
// answer is measured by its label, what a finger taps). The service opened
// is the first result for "shelter": it has no phone of its own, and its
// page must still offer a call (the hotline) as a link, not as plain text.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout, SEL } from '../pages/layout.mjs';

forEachLayout(test, ({ lang }) => {
  test(`primary actions are at least 44 px tall (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    const layout = await new LayoutPage(page).open(lang);
    const problems = [
      ...(await layout.tapProblems(layout.quickExit, 'Quick exit')),
      ...(await layout.tapProblems(page.locator(SEL.helpCall), 'help bar call')),
      ...(await layout.tapProblems(page.locator(SEL.helpText), 'help bar text')),
    ];
    await layout.walkGuide(async ({ index, kind }) => {
      const where = `guide screen ${index} (${kind})`;
      if (kind === 'opening') problems.push(...(await layout.tapProblems(page.locator(SEL.guideStart), `${where} start`)));
      if (kind === 'question' || kind === 'choose-any') problems.push(...(await layout.tapProblems(page.locator(SEL.guideAnswers), `${where} answer`)));
      if (kind === 'choose-any') problems.push(...(await layout.tapProblems(page.locator(SEL.guideNext), `${where} continue`)));
      if (kind === 'emergency') problems.push(...(await layout.tapProblems(page.locator(SEL.emergencyCalls), `${where} call`)));
    });
    await layout.open(lang);
    const title = await layout.openFirstService();
    problems.push(...(await layout.tapProblems(page.locator(SEL.serviceCall), `service "${title.slice(0, 40)}" call`, { all: false })));
    expect(problems).toEqual([]);
  });
});
