// Page object for /coverage/, the coverage and gaps page for partners and
// coalitions (written by `waypoint report --site` during `make dist`; the
// markup is crates/cli/src/report/coverage/html.rs).
export class CoveragePage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.title = page.locator('h1');
    this.heatMap = page.locator('table#t-domains');
    this.matrix = page.locator('table#t-codes');
    this.limits = page.locator('section.limits');
    this.links = page.locator('td a[href^="#list-"], .figures a[href^="#list-"]');
  }

  async goto() {
    await this.page.goto('/coverage/');
    await this.title.waitFor();
  }

  /** The heat map's counts by row label: [total, ...one per population], a gap as 0. */
  async heatCounts() {
    return this.heatMap.evaluate((table) =>
      Object.fromEntries(
        [...table.tBodies[0].rows].map((tr) => [
          tr.cells[0].textContent.trim(),
          [...tr.cells].slice(1).map((td) => Number.parseInt(td.textContent, 10)),
        ]),
      ),
    );
  }

  /** The list a count links to: its number of services. */
  async listLength(link) {
    const target = (await link.getAttribute('href')).slice(1);
    return this.page.locator(`section[id="${target}"] li`).count();
  }
}
