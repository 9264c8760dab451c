import { consoleSuiteConfig, STATE_WAIT } from '../playwright.base';

/**
 * The console offering two clouds (`OS_CLOUDS=east,west`): `npm start` with EMULATOR_CLOUDS=2 runs
 * two embedded emulators, each its own Keystone, projects and volumes. `npm run test:e2e` runs it
 * after the main suite, on its own console.
 */
export default consoleSuiteConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  root: '../..',
  globalSetup: '../global-setup.ts',
  port: Number(process.env.E2E_PORT ?? 8184),
  workers: 1,
  retryOnCi: true,
  expectTimeout: STATE_WAIT,
  hangGuard: 600_000,
  outputDir: '../../test-results/several-clouds',
  env: {
    EMULATOR_PORT: String(Number(process.env.E2E_EMULATOR_PORT ?? 5152)),
    EMULATOR_CLOUDS: '2',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_USER_RATE_LIMIT: '1000',
  },
});
