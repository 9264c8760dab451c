#!/usr/bin/env node
// `npm test`: every test layer in order, stopping at the first failure, with the time each took.
import { spawnSync } from 'node:child_process';

// test:bundle builds the SPA once (a few seconds) and holds it to its size budget (docs/benchmarks.md).
// test:conformance runs OpenStack's Tempest volume API tests against the emulator (docs/emulator-fidelity.md).
const STEPS = [
  'lint',
  'typecheck',
  'test:unit',
  'test:conformance',
  'test:bundle',
  'test:e2e',
  'test:reliability',
  'test:real',
];
const timings = [];
const env = { ...process.env };
for (const step of STEPS) {
  const started = Date.now();
  console.log(`\n::: npm run ${step}`);
  const { status } = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit', env });
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push(`${step} ${seconds} s`);
  console.log(`::: ${step} took ${seconds} s`);
  if (status !== 0) {
    console.error(`\n::: npm test stopped: ${step} failed (${timings.join(', ')})`);
    process.exit(status ?? 1);
  }
  // The e2e step built the console; the reliability suite and the real-cloud e2e set reuse that build.
  if (step === 'test:e2e') env.E2E_BUILT = '1';
}
console.log(`\n::: npm test passed (${timings.join(', ')})`);
