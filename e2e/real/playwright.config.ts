import { defineConfig } from '@playwright/test';

/**
 * The real-cloud set: the console (built SPA + BFF, `scripts/start.mjs`) pointed at the rig's
 * Keystone (`deploy/openstack-dev`) instead of the emulator. One worker: the flows share one real
 * cloud with real quotas, and a real backup takes seconds, not milliseconds.
 */
const port = Number(process.env.E2E_PORT ?? 8182);
const baseURL = `http://localhost:${port}`;
const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  // On CI one retry of a failed group (serial: from its first step, with fresh names), listed as flaky.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 240_000,
  expect: { timeout: 60_000 },
  outputDir: '../../test-results/real',
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
    cwd: '../..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), OS_AUTH_URL: authUrl, LOG_LEVEL: 'warn' },
  },
});
