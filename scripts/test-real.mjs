#!/usr/bin/env node
// The real-cloud part of `npm test`: the emulator's contract suite against a real Keystone +
// Cinder + Glance (deploy/openstack-dev, `npm run openstack:up`), so every fidelity claim is
// checked against the real API. Runs when OS_REAL_CLOUD=1 (then a missing cloud is a failure)
// or when the rig answers on 127.0.0.1:5000; otherwise says why it is not running.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';
const required = process.env.OS_REAL_CLOUD === '1';

async function reachable() {
  try {
    const response = await fetch(`${authUrl}/`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * CI starts the rig beside the first test steps (.ci/run) and names the folder where its start
 * writes its log and, once it has ended, its exit status: the lane waits for that, however long.
 */
async function waitForRigStart(folder) {
  const started = Date.now();
  while (!existsSync(`${folder}/status`)) await sleep(1000);
  const status = readFileSync(`${folder}/status`, 'utf8').trim();
  console.log(readFileSync(`${folder}/log`, 'utf8'));
  console.log(`::: waited ${Math.round((Date.now() - started) / 1000)} s for the rig's start (exit status ${status})`);
  if (status !== '0') {
    console.error('The OpenStack rig did not start: see its log above.');
    process.exit(1);
  }
}

if (process.env.OS_REAL_CLOUD_STARTING) await waitForRigStart(process.env.OS_REAL_CLOUD_STARTING);

if (!(await reachable())) {
  if (required) {
    console.error(`OS_REAL_CLOUD=1 but no Keystone answers at ${authUrl}. Start the rig: sudo npm run openstack:up`);
    process.exit(1);
  }
  console.log(`Real-cloud contract tests not run: no cloud at ${authUrl} (start one with \`npm run openstack:up\`).`);
  process.exit(0);
}

console.log(`Contract suite against the real cloud at ${authUrl}`);
const started = Date.now();
// One file at a time: the files share one real cloud, and quota tests would upset the others.
const result = spawnSync('npx', ['vitest', 'run', '--project', 'emulator', '--no-file-parallelism', 'contract.test'], {
  stdio: 'inherit',
  env: { ...process.env, CONTRACT_TARGET: 'real', OS_AUTH_URL: authUrl },
});
console.log(`::: real-cloud contract suite took ${Math.round((Date.now() - started) / 1000)} s`);
if (result.status !== 0) process.exit(result.status ?? 1);

// Tempest's volume API tests on the rig: the recorded pass list must still hold there, so a rig
// that drifted (or a Tempest that changed) shows up here rather than as an emulator failure.
console.log(`Tempest volume API tests against the real cloud at ${authUrl}`);
const conformance = spawnSync('node', ['scripts/test-conformance.mjs', '--real'], {
  stdio: 'inherit',
  env: { ...process.env, REAL_OS_AUTH_URL: authUrl },
});
if (conformance.status !== 0) process.exit(conformance.status ?? 1);

// The live relay's consumer of Cinder's notifications, on the rig's RabbitMQ.
const notifications = spawnSync('npx', ['vitest', 'run', '--project', 'bff', 'notifications.real.test'], {
  stdio: 'inherit',
  env: { ...process.env, OS_REAL_CLOUD: '1', REAL_OS_AUTH_URL: authUrl },
});
if (notifications.status !== 0) process.exit(notifications.status ?? 1);

// The same flows a user runs, through the console's UI, against the real cloud. `npm test` has
// built the console already (E2E_BUILT=1); run alone, this builds it first.
console.log(`End-to-end set against the real cloud at ${authUrl}`);
const e2eStarted = Date.now();
const e2e = spawnSync('node', ['scripts/e2e.mjs', '--real'], {
  stdio: 'inherit',
  env: { ...process.env, REAL_OS_AUTH_URL: authUrl },
});
console.log(`::: real-cloud e2e set took ${Math.round((Date.now() - e2eStarted) / 1000)} s`);
process.exit(e2e.status ?? 1);
