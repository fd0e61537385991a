// End-to-end tests (tests/e2e) against the built site in dist/.
// Uses Debian's Chromium; Playwright never downloads a browser here.
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8099);
// The built site to serve (a copy lets a run go on while dist/ is rebuilt).
const DIST = process.env.E2E_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${PORT}`;
const PARTNER_PORT = Number(process.env.PARTNER_PORT ?? PORT - 2);

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], browserName: 'chromium' } }],
  // Serves dist/ (built by `make dist`) and stops the server when the run ends.
  // The site, and a partner's website on another origin for the widget
  // tests (tests/e2e/widget).
  webServer: [
    {
      command: `python3 scripts/serve.py --dir ${DIST} --port ${PORT} --quiet`,
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node scripts/partner-server.mjs --port ${PARTNER_PORT} --waypoint ${baseURL} --quiet`,
      url: `http://localhost:${PARTNER_PORT}/`,
      reuseExistingServer: false,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
