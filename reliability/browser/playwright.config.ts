import { consoleSuiteConfig, STATE_WAIT } from '../../e2e/playwright.base';

/**
 * The browser half of `npm run test:reliability`: the console as `npm start` runs it (emulator +
 * BFF serving the built SPA) on free ports chosen by scripts/test-reliability.mjs, in Debian's
 * Chromium. One worker: the faults these specs inject are the cloud's, and would hit a neighbour.
 */
export default consoleSuiteConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  root: '../..',
  port: Number(process.env.RELIABILITY_PORT ?? 8282),
  workers: 1,
  retryOnCi: false,
  expectTimeout: STATE_WAIT,
  hangGuard: 600_000,
  outputDir: '../../test-results/reliability',
  env: {
    EMULATOR_PORT: String(Number(process.env.RELIABILITY_EMULATOR_PORT ?? 5252)),
    // The small seeded cloud: its volume names are known, its quotas leave room.
    EMULATOR_SCENARIO: 'basic',
    // A slow Cinder is one slower than this; the production default (30 s) would only slow the suite.
    UPSTREAM_TIMEOUT_MS: '3000',
    // The live relay's background look, which is what notices an outage while nobody clicks
    // (30 s in production): short here, so that the outage cases take seconds, not minutes.
    LIVE_SLOW_MS: '3000',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_USER_RATE_LIMIT: '1000',
  },
});
