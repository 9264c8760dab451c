import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

/**
 * What every Playwright suite of the project shares (e2e, the real-cloud set, the browser half of
 * the reliability suite): Debian's Chromium (Playwright's own downloads are not available here), the
 * console started as `npm start` starts it, and one rule about time.
 *
 * Time: a test waits on state, never on a budget sized for one machine. Each expectation waits for
 * the state it names (`expect.timeout`, generous so that a busy two-core machine still gets there);
 * the test timeout is only a guard against a hang, far above what any journey needs, so it is never
 * what decides a test on a slow machine. Transitional statuses are held by the emulator
 * (e2e/support/emulator-control.ts), not caught in passing.
 */
/**
 * How long an expectation waits for its state in the emulator suites. A live change reaches a row in
 * about a second and a page boots in well under one on an idle machine; but CI runs the e2e suite
 * beside the real rig's Tempest run, and there a single page boot was seen to take 13 s of a busy
 * browser's time (sso.spec, 2026-12-06). Thirty seconds leaves room for a machine that much slower
 * again, and is still a guard, not a budget: nothing waits for it to pass.
 */
export const STATE_WAIT = 30_000;

export interface ConsoleSuite {
  /** Folder of the specs, relative to the config file. */
  testDir: string;
  testMatch: string;
  testIgnore?: string | string[];
  /** Path from the config file's folder to the repository root. */
  root: string;
  port: number;
  /** Environment of `scripts/start.mjs` beyond PORT. */
  env: Record<string, string>;
  workers: number;
  /** At most one, and only on CI: a test that passes on its retry is reported as flaky, a defect to fix. */
  retryOnCi: boolean;
  /** How long one expectation may wait for its state. */
  expectTimeout: number;
  /** The hang guard of one test. */
  hangGuard: number;
  outputDir?: string;
  globalSetup?: string;
}

const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
};

export function consoleSuiteConfig(suite: ConsoleSuite): PlaywrightTestConfig {
  const baseURL = `http://localhost:${suite.port}`;
  return defineConfig({
    testDir: suite.testDir,
    testMatch: suite.testMatch,
    ...(suite.testIgnore ? { testIgnore: suite.testIgnore } : {}),
    ...(suite.globalSetup ? { globalSetup: suite.globalSetup } : {}),
    ...(suite.outputDir ? { outputDir: suite.outputDir } : {}),
    fullyParallel: suite.workers > 1,
    workers: suite.workers,
    retries: suite.retryOnCi && process.env.CI ? 1 : 0,
    forbidOnly: Boolean(process.env.CI),
    reporter: [['list'], [fileURLToPath(new URL('./support/flaky-reporter.ts', import.meta.url))]],
    timeout: suite.hangGuard,
    expect: { timeout: suite.expectTimeout },
    use: {
      baseURL,
      locale: 'en-US',
      // Recording a trace doubles what a test costs: 126-132 CPU-s for volumes.spec's 7 tests against
      // 63-69 without (cgroup cpuacct, one worker, idle machine, 2026-12-07), most of it Chromium
      // painting the screencast. So a trace is recorded for a retry only (CI's one retry of a failed
      // test); `--trace on` records one for every test when you are after a failure by hand.
      trace: 'on-first-retry',
      screenshot: 'only-on-failure',
      // A click or fill waits for its element as long as an expectation waits for its state.
      actionTimeout: suite.expectTimeout,
      navigationTimeout: suite.expectTimeout * 2,
      launchOptions: CHROMIUM_LAUNCH,
    },
    webServer: {
      command: 'node scripts/start.mjs',
      cwd: suite.root,
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      // Starting takes seconds; on a machine busy with the real rig and a parallel build, far longer.
      timeout: 180_000,
      env: { PORT: String(suite.port), LOG_LEVEL: 'warn', ...suite.env },
    },
  });
}
