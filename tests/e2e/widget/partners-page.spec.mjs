// The partners page writes the snippet a partner pastes: it keeps its own
// promises (an https exit address only; colours used only when readable).
import { test, expect } from '../support/fixtures.mjs';

test.beforeEach(async ({ page }) => {
  await page.goto('/partners.html');
  await expect(page.locator('#snippet')).toContainText('data-waypoint');
});

test('an http:// exit address is refused and never reaches the snippet; an https one does', async ({ page }) => {
  await page.fill('#opt-exit', 'http://www.example.org/weather');
  await expect(page.locator('#opt-exit-error')).toContainText('https://');
  await expect(page.locator('#opt-exit')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#snippet')).not.toContainText('example.org');
  await page.fill('#opt-exit', 'https://www.example.org/weather');
  await expect(page.locator('#opt-exit-error')).toHaveText('');
  await expect(page.locator('#snippet')).toContainText('data-exit="https://www.example.org/weather"');
});

test('hard-to-read colours are named with their ratio and not used; readable ones are', async ({ page }) => {
  const pick = async (id, value) => page.locator(id).evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
  await page.check('#opt-colours');
  await pick('#opt-accent', '#ffd966'); // pale yellow: about 1.4:1 on white
  await pick('#opt-accent-ink', '#ffffff');
  await expect(page.locator('#contrast')).toContainText('Hard to read');
  await expect(page.locator('#contrast')).toContainText('Not used');
  await expect(page.locator('#snippet')).not.toContainText('data-accent');
  await pick('#opt-accent', '#0b5c7a');
  await expect(page.locator('#contrast')).toContainText('Readable');
  await expect(page.locator('#snippet')).toContainText('data-accent="#0b5c7a"');
});
