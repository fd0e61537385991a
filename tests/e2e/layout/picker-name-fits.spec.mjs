// Layout, by geometry: on a 360 px phone the language picker shows the
// whole name of the language it is set to, in every offered language. The
// closed control is all a person sees of it, and a name cut to "Tiếng Việ"
// or "Kreyòl ayis" is a harder thing to recognise as your own language.
// The natural width of a select holding only that name is what the name
// needs (text, padding and the arrow); the picker must be at least that wide.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, SIZES, SEL } from '../pages/layout.mjs';
import { site } from '../support/data.mjs';

test.use(SIZES.find((s) => s.phone).use);

for (const lang of site().languages) {
  test(`the picker shows its whole language name at 360 px (${lang})`, async ({ page }) => {
    const layout = await new LayoutPage(page).open(lang);
    const picker = page.locator(SEL.languagePicker);
    const { shown, needed, name } = await picker.evaluate((select) => {
      const probe = select.cloneNode(false);
      probe.removeAttribute('id');
      const option = select.options[select.selectedIndex];
      probe.append(option.cloneNode(true));
      Object.assign(probe.style, { width: 'auto', maxWidth: 'none', position: 'absolute', visibility: 'hidden' });
      select.parentElement.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      return { shown: select.getBoundingClientRect().width, needed, name: option.textContent };
    });
    expect(shown, `"${name}" needs ${needed.toFixed(1)} px, the picker is ${shown.toFixed(1)} px`).toBeGreaterThanOrEqual(needed - 0.5);
    // And the header is still one row with Quick exit whole (header-one-row, quick-exit-in-view).
    await expect(layout.quickExit).toBeInViewport({ ratio: 1 });
  });
}
