import { consoleSuiteConfig, STATE_WAIT } from './playwright.base';

/**
 * The e2e suite: `npm start`'s setup (emulator + BFF serving the built SPA) on free ports chosen by
 * scripts/e2e.mjs. The real-cloud set has its own config (e2e/real) and runs from `npm run test:real`;
 * the v2-only cloud's set (e2e/v2-only) runs after this one from `npm run test:e2e`.
 */
export default consoleSuiteConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Suites with a console of their own: the real cloud and the v2-only cloud.
  testIgnore: ['real/**', 'v2-only/**', 'several-clouds/**'],
  root: '..',
  globalSetup: './global-setup.ts',
  port: Number(process.env.E2E_PORT ?? 8181),
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retryOnCi: true,
  expectTimeout: STATE_WAIT,
  hangGuard: 600_000,
  env: {
    EMULATOR_PORT: String(Number(process.env.E2E_EMULATOR_PORT ?? 5151)),
    // Every test signs in; the production login rate limit would throttle the suite.
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_USER_RATE_LIMIT: '1000',
  },
});
