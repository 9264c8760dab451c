#!/usr/bin/env node
// `npm run test:conformance`: OpenStack's own Tempest volume API tests (tempest.api.volume) against
// the embedded emulator, compared with the tests that pass on a real Zed Keystone + Cinder, which
// scripts/conformance/rig-pass-list.txt records. Passes when every test that passes on the rig
// passes on the emulator too.
//
//   npm run test:conformance                  the emulator (fast transitions)
//   npm run test:conformance -- --real        the rig at REAL_OS_AUTH_URL (default 127.0.0.1:5000)
//   npm run test:conformance -- --refresh     the rig, and rewrite rig-pass-list.txt from the result
//   --concurrency N (default 4), --regex R (default ^tempest\.api\.volume\.)
//
// Installs nothing: Tempest comes from Debian's `tempest` package (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runTempest, tempestInstalled } from './conformance/run-tempest.mjs';

const PASS_LIST = new URL('./conformance/rig-pass-list.txt', import.meta.url);
const { values } = parseArgs({
  options: {
    real: { type: 'boolean', default: false },
    refresh: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: process.env.CONFORMANCE_CONCURRENCY ?? '4' },
    regex: { type: 'string', default: '^tempest\\.api\\.volume\\.' },
  },
});
const onRig = values.real || values.refresh;

if (!tempestInstalled()) {
  const message = 'Tempest is not installed (Debian: apt-get install tempest cinder-tempest-plugin).';
  if (process.env.CI || process.env.OS_REAL_CLOUD === '1') {
    console.error(`test:conformance: ${message}`);
    process.exit(1);
  }
  console.log(`Conformance tests not run: ${message}`);
  process.exit(0);
}

function readPassList() {
  return readFileSync(PASS_LIST, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
}

let result;
let emulator;
const started = Date.now();
if (onRig) {
  const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';
  console.log(`Tempest volume API tests against the real cloud at ${authUrl}`);
  result = await runTempest({
    authUrl,
    adminPassword: process.env.REAL_OS_ADMIN_PASSWORD ?? 'admin',
    buildTimeout: 300,
    concurrency: Number(values.concurrency),
    regex: values.regex,
  });
} else {
  const build = spawnSync('npx', ['tsc', '-b', 'packages/emulator'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { startEmulator } = await import('../packages/emulator/dist/index.js');
  emulator = await startEmulator({ port: 0, fast: true });
  console.log(`Tempest volume API tests against the emulator at ${emulator.authUrl}`);
  result = await runTempest({
    authUrl: emulator.authUrl,
    adminPassword: 'admin',
    buildTimeout: 60,
    concurrency: Number(values.concurrency),
    regex: values.regex,
  });
  await emulator.close();
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `::: tempest: ${result.passed.length} passed, ${result.failed.length} failed, ${result.skipped.length} skipped in ${seconds} s (workspace ${result.workspace})`,
);

if (values.refresh) {
  // A rig restarted under the run (shared machines do that) fails tests for no fault of theirs.
  if (result.unreachable) {
    console.error('The rig stopped answering during the run (connection refused): pass list not rewritten. Run again.');
    process.exit(1);
  }
  // With --regex, only the tests the regex covers are re-measured; the rest of the list stays.
  const pattern = new RegExp(values.regex);
  const kept = readPassList().filter((name) => !pattern.test(name));
  const list = [...new Set([...kept, ...result.passed])].sort();
  const header = [
    '# Tempest tests (tempest.api.volume) that pass on the real rig (deploy/openstack-dev: Keystone 22, Cinder 21.3).',
    `# Refreshed by \`npm run test:conformance -- --refresh\` with Debian tempest, ${new Date().toISOString().slice(0, 10)}.`,
    '# The emulator must pass every one of them.',
  ];
  writeFileSync(PASS_LIST, [...header, ...list, ''].join('\n'));
  console.log(`Wrote ${list.length} tests to scripts/conformance/rig-pass-list.txt`);
  process.exit(0);
}

const expected = readPassList();
const passed = new Set(result.passed);
const missing = expected.filter((name) => !passed.has(name));
const extra = result.passed.filter((name) => !expected.includes(name));
if (extra.length > 0) console.log(`Pass here but not on the recorded rig (${extra.length}):\n  ${extra.join('\n  ')}`);
if (missing.length > 0) {
  console.error(
    `\n${missing.length} of ${expected.length} tests that pass on the rig did not pass here:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`All ${expected.length} tests that pass on the rig pass here.`);
