// The `test` every spec uses: a `directory` page object on a page whose
// quick-exit destination is answered locally, so no test reaches the
// internet even if it clicks Quick exit.
import { test as base, expect } from '@playwright/test';
import { DirectoryPage, routeExit } from '../pages/directory-page.mjs';

export const test = base.extend({
  page: async ({ page }, use) => {
    await routeExit(page);
    await use(page);
  },
  directory: async ({ page }, use) => {
    await use(new DirectoryPage(page));
  },
});

export { expect };
