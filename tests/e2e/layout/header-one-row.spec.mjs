// Layout, by geometry: on a 360 px phone the sticky header is one row. A
// header that wraps to two rows (name, languages, then Quick exit) takes a
// sixth of the screen on every view and hides headings under it; one row
// is at most 64 px tall, and its parts sit side by side.
import { test, expect } from '../support/fixtures.mjs';
import { LayoutPage, forEachLayout, SIZES, ONE_ROW_HEADER } from '../pages/layout.mjs';

forEachLayout(
  test,
  ({ lang }) => {
    test(`the header is one row, at most ${ONE_ROW_HEADER} px tall (${lang})`, async ({ page }) => {
      const layout = await new LayoutPage(page).open(lang);
      const box = await layout.box(layout.header);
      // Where each visible part of the header is, for the message.
      const parts = await layout.header.evaluate((header) =>
        [...header.children]
          .filter((el) => el.getBoundingClientRect().height > 1)
          .map((el) => {
            const b = el.getBoundingClientRect();
            return `${el.tagName.toLowerCase()}.${el.className} y=${Math.round(b.top)}..${Math.round(b.bottom)}`;
          }),
      );
      expect(box.height, `header ${box.height} px tall at width ${box.width}: ${parts.join(', ')}`).toBeLessThanOrEqual(ONE_ROW_HEADER);
    });
  },
  { sizes: SIZES.filter((s) => s.phone) },
);
