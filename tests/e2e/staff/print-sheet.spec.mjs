// The printed referral sheet: only the chosen referrals and the hotline,
// with no navigation and no quick-exit button on paper.
import { test, expect } from '../support/fixtures.mjs';
import { StaffConsole } from '../pages/staff-console.mjs';
import { pdfText } from '../support/pdf-text.mjs';

test('print preview: the sheet alone, no exit bar; on screen: the reverse', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  await staff.selectBox('fx-harbor-shelter').check();
  await staff.selectBox('fx-mesa-safe-house').check();

  await expect(staff.sheet).toBeHidden();
  await expect(staff.quickExit).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(staff.quickExit).toBeHidden();
  await expect(staff.header).toBeHidden();
  await expect(staff.helpBar).toBeHidden();
  await expect(page.locator('details.filters')).toBeHidden();
  await expect(page.locator('main')).toBeHidden();
  await expect(staff.sheet).toBeVisible();
  const referrals = staff.sheet.locator('.referral-text');
  await expect(referrals).toHaveCount(3); // the two chosen, then the hotline
  await expect(referrals.nth(0)).toContainText('Harbor Light emergency shelter (fictional)');
  await expect(referrals.nth(1)).toContainText('Private address in La Mesa, CA');
  await expect(referrals.nth(2)).toContainText('National Human Trafficking Hotline');

  await page.emulateMedia({ media: 'screen' });
  await expect(staff.sheet).toBeHidden();
  await expect(staff.quickExit).toBeVisible();
});

test('the printed sheet: the date, each name in bold, what they offer, who they serve, languages, phones, hours, address, how to get help, last checked', async ({ page }) => {
  const staff = await new StaffConsole(page).goto('/staff/');
  await staff.search('shelter');
  await staff.selectBox('fx-harbor-shelter').check();
  await staff.selectBox('fx-mesa-safe-house').check();
  await page.emulateMedia({ media: 'print' });
  await expect(staff.sheet.locator('.printed')).toHaveText(/^Printed \w+ \d{1,2}, 20\d\d$/);
  const referrals = staff.sheet.locator('.referral-text');
  for (const i of [0, 1]) {
    const entry = referrals.nth(i);
    const name = entry.locator('strong.referral-name');
    await expect(name).toHaveCount(1);
    expect(Number(await name.evaluate((el) => getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
    for (const label of ['Offers:', 'Who they serve:', 'Languages:', 'Call:', 'Hours:', 'Address:', 'How to get help:', 'Last checked:']) {
      await expect(entry, `referral ${i + 1} has ${label}`).toContainText(label);
    }
  }
  // What to expect when calling, where the record says it (the Harbor fixture).
  await expect(referrals.nth(0)).toContainText('What to expect when you call: A staff member answers');
  // A confidential address prints as its city only.
  await expect(referrals.nth(1)).toContainText('Private address in La Mesa, CA');
  await expect(staff.sheet).not.toContainText('Quick exit');
  const pdf = await page.pdf({ format: 'Letter' });
  expect(pdf.length).toBeGreaterThan(1000);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Two referrals and the hotline: a third of a page each, one sheet.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'pages').toBe(1);
  const text = [].concat(pdfText(pdf)).join(' ').replace(/\s+/g, ' ');
  for (const words of ['Harbor Light emergency shelter', 'Who they serve:', 'Last checked:', 'Private address in La Mesa']) expect(text).toContain(words);
});
