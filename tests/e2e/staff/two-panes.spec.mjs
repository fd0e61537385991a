// The console on a desk (1280x800): the result list beside the open
// service, both on screen; the arrow keys move through the list and the
// detail follows; the list keeps its selection. Narrower, one column.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole } from '../pages/staff-console.mjs';

test.use({ viewport: { width: 1280, height: 800 } });

test('a service opens beside the list; arrows move the selection and the detail follows', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  const ids = await staff.resultIds();
  expect(ids.length).toBeGreaterThanOrEqual(3);
  await staff.openButton(ids[0]).click();
  const list = page.locator('.panes .pane-list .results');
  const detail = page.locator('.panes .pane-detail .service-detail');
  await expect(detail).toBeVisible();
  await expect(list).toBeVisible();
  const [l, d] = [await list.boundingBox(), await detail.boundingBox()];
  expect(l.x + l.width, 'the list is left of the detail').toBeLessThanOrEqual(d.x + 1);
  for (const box of [l, d]) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y).toBeLessThan(800);
  }
  await expect(page.locator(`.card[data-service="${ids[0]}"]`)).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`.card[data-service="${ids[1]}"]`)).toHaveAttribute('aria-current', 'true');
  const second = await page.locator('#service-title').textContent();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`.card[data-service="${ids[2]}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('#service-title')).not.toHaveText(second);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#service-title')).toHaveText(second);
  // The list kept its search and its order while the detail changed.
  await expect(staff.searchInput).toHaveValue('shelter');
  expect(await staff.resultIds()).toEqual(ids);

  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
});

test('the shortcut list opens from a button and names every key, including ?', async ({ page }) => {
  await new StaffConsole(page).goto('/staff/');
  const summary = page.locator('#shortcuts-summary');
  expect((await summary.boundingBox()).height).toBeGreaterThanOrEqual(44);
  await page.keyboard.press('?');
  await expect(page.locator('#shortcuts')).toHaveAttribute('open', '');
  const entries = await page.locator('#shortcuts li').evaluateAll((lis) => lis.map((li) => li.dataset.shortcut));
  expect(entries).toEqual(['search', 'place', 'move', 'back', 'open_now', 'free', 'domains', 'sort', 'density', 'copy', 'select', 'print', 'shortcuts', 'exit']);
  await expect(page.locator('#shortcuts li[data-shortcut="shortcuts"]')).toContainText('?');
  await expect(page.locator('#shortcuts li[data-shortcut="back"]')).not.toContainText('quick exit');
});

test('narrower than a desk, the open service is shown alone', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  const [first] = await staff.resultIds();
  await staff.openButton(first).click();
  await expect(page.locator('.pane-detail .service-detail')).toBeVisible();
  await expect(page.locator('.pane-list')).toBeHidden();
});

test('what to expect when calling: on the service page and on the console card, where the record says it', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('harbor');
  await expect(page.locator('.card[data-service="fx-harbor-shelter"] .expect')).toContainText('When you call: A staff member answers');
  await staff.openButton('fx-harbor-shelter').click();
  await expect(page.locator('.service-detail .facts')).toContainText('What to expect when you call');
  await expect(page.locator('.service-detail .facts')).toContainText('how many people need a bed');
});
