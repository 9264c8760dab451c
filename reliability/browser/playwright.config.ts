import { defineConfig } from '@playwright/test';

/**
 * The browser half of `npm run test:reliability`: the console as `npm start` runs it (emulator +
 * BFF serving the built SPA) on free ports chosen by scripts/test-reliability.mjs, in Debian's
 * Chromium. One worker: the faults these specs inject are the cloud's, and would hit a neighbour.
 */
const port = Number(process.env.RELIABILITY_PORT ?? 8282);
const emulatorPort = Number(process.env.RELIABILITY_EMULATOR_PORT ?? 5252);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../../test-results/reliability',
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
    env: {
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      // The small seeded cloud: its volume names are known, its quotas leave room.
      EMULATOR_SCENARIO: 'basic',
      LOG_LEVEL: 'warn',
      // A slow Cinder is one slower than this; the production default (30 s) would only slow the suite.
      UPSTREAM_TIMEOUT_MS: '3000',
      // The live relay's background look, which is what notices an outage while nobody clicks
      // (30 s in production): short here, so that the outage cases take seconds, not minutes.
      LIVE_SLOW_MS: '3000',
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_USER_RATE_LIMIT: '1000',
    },
  },
});
