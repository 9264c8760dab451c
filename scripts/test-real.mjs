#!/usr/bin/env node
// The real-cloud part of `npm test`: the emulator's contract suite against a real Keystone +
// Cinder + Glance (deploy/openstack-dev, `npm run openstack:up`), so every fidelity claim is
// checked against the real API. Runs when OS_REAL_CLOUD=1 (then a missing cloud is a failure)
// or when the rig answers on 127.0.0.1:5000; otherwise says why it is not running.
import { spawnSync } from 'node:child_process';

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

if (!(await reachable())) {
  if (required) {
    console.error(`OS_REAL_CLOUD=1 but no Keystone answers at ${authUrl}. Start the rig: sudo npm run openstack:up`);
    process.exit(1);
  }
  console.log(`Real-cloud contract tests not run: no cloud at ${authUrl} (start one with \`npm run openstack:up\`).`);
  process.exit(0);
}

console.log(`Contract suite against the real cloud at ${authUrl}`);
// One file at a time: the files share one real cloud, and quota tests would upset the others.
const result = spawnSync('npx', ['vitest', 'run', '--project', 'emulator', '--no-file-parallelism', 'contract.test'], {
  stdio: 'inherit',
  env: { ...process.env, CONTRACT_TARGET: 'real', OS_AUTH_URL: authUrl },
});
process.exit(result.status ?? 1);
