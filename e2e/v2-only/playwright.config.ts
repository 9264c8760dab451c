import { consoleSuiteConfig, STATE_WAIT } from '../playwright.base';

/**
 * The console on a cloud that serves only Cinder's v2 API, as a Huawei EVS cloud does: the embedded
 * emulator started as `--v2-only --profile huawei-evs` (catalog with `volumev2` only, no
 * `/volume/v3`, no microversions; snapshot rollback; at most 7 snapshots per volume; zones
 * az1.dc1 and az2.dc1). `npm run test:e2e` runs it after the main suite, on its own console.
 */
export default consoleSuiteConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  root: '../..',
  globalSetup: '../global-setup.ts',
  port: Number(process.env.E2E_PORT ?? 8183),
  // One worker: with the two journeys side by side (both as demo) the second one's page once lost
  // its capabilities and stayed "Loading…" (seen twice, not yet explained; each passes alone).
  workers: 1,
  retryOnCi: true,
  expectTimeout: STATE_WAIT,
  hangGuard: 600_000,
  outputDir: '../../test-results/v2-only',
  env: {
    EMULATOR_PORT: String(Number(process.env.E2E_EMULATOR_PORT ?? 5151)),
    EMULATOR_V2_ONLY: '1',
    EMULATOR_PROFILE: 'huawei-evs',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_USER_RATE_LIMIT: '1000',
  },
});
