#!/usr/bin/env node
// Runs the Playwright suite against `npm start`'s setup on free ports, with Debian's Chromium.
// `--real` runs the real-cloud set (e2e/real) against the console pointed at the rig instead.
// With no test named, the v2-only cloud's set (e2e/v2-only: the emulator as `--v2-only --profile
// huawei-evs`) and the two-cloud set (e2e/several-clouds: OS_CLOUDS over two emulators) run after the
// main suite, each on its own console; `--v2-only` or `--several-clouds` runs only that set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './lib/free-port.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    [
      '',
      `  End-to-end tests need Chromium, and there is none at ${chromium}.`,
      '  Fix: sudo apt-get update && sudo apt-get install -y chromium',
      '  (or set CHROMIUM_PATH to another Chromium or Chrome binary).',
      '  `npx playwright install` does not work here: browser downloads are blocked.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const run = (command, args, env = process.env) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

// `npm test` builds once before its lanes and says so with E2E_BUILT=1.
if (!process.argv.includes('--no-build') && process.env.E2E_BUILT !== '1') {
  const status = run('npm', ['run', 'build', '--silent']);
  if (status !== 0) process.exit(status);
}
const [port, emulatorPort] = [await freePort(), await freePort()];
const flags = ['--no-build', '--real', '--v2-only', '--several-clouds'];
const extraSuites = ['e2e/v2-only/playwright.config.ts', 'e2e/several-clouds/playwright.config.ts'];
const passed = process.argv.slice(2).filter((a) => !flags.includes(a));
const suites = process.argv.includes('--real')
  ? ['e2e/real/playwright.config.ts']
  : process.argv.includes('--v2-only')
    ? [extraSuites[0]]
    : process.argv.includes('--several-clouds')
      ? [extraSuites[1]]
      : // A run narrowed to some specs or tests is about the main suite; a full run takes them all.
        ['e2e/playwright.config.ts', ...(passed.length === 0 ? extraSuites : [])];
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  E2E_PORT: String(port),
  E2E_EMULATOR_PORT: String(emulatorPort),
};
for (const config of suites) {
  // One suite after the other: each starts its own console and emulator on the same free ports.
  const status = run('npx', ['playwright', 'test', '-c', config, ...passed], env);
  if (status !== 0) process.exit(status);
}
