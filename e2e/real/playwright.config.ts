import { consoleSuiteConfig } from '../playwright.base';

/**
 * The real-cloud set: the console (built SPA + BFF, `scripts/start.mjs`) pointed at the rig's
 * Keystone (`deploy/openstack-dev`) instead of the emulator. One worker: the flows share one real
 * cloud with real quotas, and a real backup takes seconds, not milliseconds.
 */
export default consoleSuiteConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  root: '../..',
  port: Number(process.env.E2E_PORT ?? 8182),
  workers: 1,
  // On CI one retry of a failed group (serial: from its first step, with fresh names), reported as flaky.
  retryOnCi: true,
  // A real backup or volume from an image takes tens of seconds on the rig's two cores.
  expectTimeout: 60_000,
  hangGuard: 900_000,
  outputDir: '../../test-results/real',
  env: { OS_AUTH_URL: process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3' },
});
