import { defineConfig } from '@playwright/test';

/**
 * Runs against `npm start`'s setup (emulator + BFF serving the built SPA) on free ports chosen by
 * scripts/e2e.mjs. The browser is Debian's Chromium: Playwright's own downloads are not available here.
 */
const port = Number(process.env.E2E_PORT ?? 8181);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 5151);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The real-cloud set has its own config (e2e/real) and runs from `npm run test:real`.
  testIgnore: 'real/**',
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry on CI only, where two workers share two cores with the real rig. A test that passes
  // only on its retry is listed as flaky in the output: a defect to fix, not a pass to trust.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  // Flows of many steps, with an admin and a member side by side, on two cores (next to the real rig
  // on CI): they need the room. Each step still has its own 10 s expectation.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: '..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every test signs in; the production login rate limit would throttle the suite.
    env: {
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_USER_RATE_LIMIT: '1000',
    },
  },
});
