#!/usr/bin/env node
// Runs the Playwright suite against `npm start`'s setup on free ports, with Debian's Chromium.
// `--real` runs the real-cloud set (e2e/real) against the console pointed at the rig instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

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

/** A port the OS says is free right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const run = (command, args, env = process.env) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

if (!process.argv.includes('--no-build')) {
  const status = run('npm', ['run', 'build', '--silent']);
  if (status !== 0) process.exit(status);
}
const [port, emulatorPort] = [await freePort(), await freePort()];
const real = process.argv.includes('--real');
const args = [
  'playwright',
  'test',
  '-c',
  real ? 'e2e/real/playwright.config.ts' : 'e2e/playwright.config.ts',
  ...process.argv.slice(2).filter((a) => a !== '--no-build' && a !== '--real'),
];
process.exit(
  run('npx', args, {
    ...process.env,
    CHROMIUM_PATH: chromium,
    E2E_PORT: String(port),
    E2E_EMULATOR_PORT: String(emulatorPort),
  }),
);
