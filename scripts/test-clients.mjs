#!/usr/bin/env node
// `npm run test:clients`: the functional test suites that ship with Debian's OpenStack clients
// (python-openstackclient 6: volume v3 and identity v3; python-cinderclient 9: all) against the
// embedded emulator, compared with the tests that pass on a real Zed Keystone + Cinder, which
// scripts/conformance/clients-rig-pass-list.txt records. Passes when every test that passes on the
// rig passes on the emulator too.
//
//   npm run test:clients                  the emulator (fast transitions)
//   npm run test:clients -- --real        the rig at REAL_OS_AUTH_URL (default 127.0.0.1:5000)
//   npm run test:clients -- --refresh     the rig, and rewrite clients-rig-pass-list.txt from the result
//   --concurrency N (default 3) stestr workers per suite; the two suites run side by side
//
// Installs nothing: the clients, their tests, tempest.lib and stestr come from Debian packages
// (python3-openstackclient, python3-cinderclient, python3-tempest, python3-stestr; .ci/run installs them).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clientSuitesInstalled, runClientSuites } from './conformance/run-client-suites.mjs';

const PASS_LIST = new URL('./conformance/clients-rig-pass-list.txt', import.meta.url);
const { values } = parseArgs({
  options: {
    real: { type: 'boolean', default: false },
    refresh: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: process.env.CLIENTS_CONCURRENCY ?? '3' },
  },
});
const onRig = values.real || values.refresh;
const concurrency = Number(values.concurrency);

if (!clientSuitesInstalled()) {
  const message =
    "The clients' functional tests are not installed (Debian: apt-get install python3-openstackclient python3-cinderclient python3-tempest python3-stestr).";
  if (process.env.CI || process.env.OS_REAL_CLOUD === '1') {
    console.error(`test:clients: ${message}`);
    process.exit(1);
  }
  console.log(`Client suites not run: ${message}`);
  process.exit(0);
}

function readPassList() {
  return readFileSync(PASS_LIST, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
}

const user = (name, password) => ({ name, password });
let result;
const started = Date.now();
if (onRig) {
  const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';
  console.log(`Client functional suites against the real cloud at ${authUrl}`);
  result = await runClientSuites({
    authUrl,
    users: {
      admin: user('admin', process.env.REAL_OS_ADMIN_PASSWORD ?? 'admin'),
      demo: user('demo', process.env.REAL_OS_DEMO_PASSWORD ?? 'demo'),
      altDemo: user('alt_demo', process.env.REAL_OS_ALT_DEMO_PASSWORD ?? 'alt_demo'),
    },
    concurrency,
  });
} else {
  const build = spawnSync('npx', ['tsc', '-b', 'packages/emulator'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { startEmulator } = await import('../packages/emulator/dist/index.js');
  const emulator = await startEmulator({ port: 0, fast: true });
  console.log(`Client functional suites against the emulator at ${emulator.authUrl}`);
  try {
    result = await runClientSuites({
      authUrl: emulator.authUrl,
      users: { admin: user('admin', 'admin'), demo: user('demo', 'demo'), altDemo: user('alt_demo', 'alt_demo') },
      concurrency,
    });
  } finally {
    await emulator.close();
  }
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `::: client suites: ${result.passed.length} passed, ${result.failed.length} failed, ${result.skipped.length} skipped in ${seconds} s (workspace ${result.workspace})`,
);

// A suite that reported no test did not run (a wrong stestr argument once hid that for days).
if (result.silent.length > 0) {
  console.error(`No test ran in ${result.silent.join(', ')}: see its output.txt in ${result.workspace}.`);
  process.exit(1);
}

if (values.refresh) {
  if (result.unreachable) {
    console.error('The rig stopped answering during the run (connection refused): pass list not rewritten. Run again.');
    process.exit(1);
  }
  const header = [
    '# Client functional tests (python-openstackclient 6.0, python-cinderclient 9.1, Debian) that pass on the',
    '# real rig (deploy/openstack-dev: Keystone 22, Cinder 21.3).',
    `# Refreshed by \`npm run test:clients -- --refresh\`, ${new Date().toISOString().slice(0, 10)}.`,
    '# The emulator must pass every one of them.',
  ];
  writeFileSync(PASS_LIST, [...header, ...result.passed, ''].join('\n'));
  console.log(`Wrote ${result.passed.length} tests to scripts/conformance/clients-rig-pass-list.txt`);
  process.exit(0);
}

const expected = readPassList();
const passed = new Set(result.passed);
const missing = expected.filter((name) => !passed.has(name));
const extra = result.passed.filter((name) => !expected.includes(name));
if (extra.length > 0) console.log(`Pass here but not on the recorded rig (${extra.length}):\n  ${extra.join('\n  ')}`);
if (missing.length > 0) {
  console.error(
    `\n${missing.length} of ${expected.length} tests that pass on the rig did not pass here (output in ${result.workspace}):\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`All ${expected.length} client tests that pass on the rig pass here.`);
