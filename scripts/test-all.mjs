#!/usr/bin/env node
// `npm test`: every test layer, stopping at the first failure, with the time each took.
//
// Two lanes run side by side. The emulator lane (lint to reliability) keeps the CPU busy; the
// real-cloud lane (`test:real`: contract suite, Tempest, notifications and e2e against the rig)
// spends most of its time waiting for a real Cinder to finish an operation, with the CPU idle (over
// 90 % idle through its contract suite, measured in CI). One after the other they took 2,348 s in
// a CI run; side by side 2,177 s (CI, 2026-12-06: emulator lane 2,164 s, real-cloud lane 2,131 s):
// each lane slows the other down (the rig's Tempest run took three times as long beside the e2e
// suite), but the waiting overlaps. On a slower machine of the same kind the two lanes came out
// within 10 % of each other (2026-12-06: 3,092 s in all; emulator lane 3,092 s, real-cloud lane
// 2,808 s), so neither alone is the long pole there. Neither lane touches the other's cloud: the
// emulator lane's tests start emulators of their own, and the unit suite leaves the rig's tests
// (`*.real.test.ts`) to the real-cloud lane.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

// test:bundle builds the SPA into a folder of its own and holds it to its size budget (docs/benchmarks.md).
// test:conformance runs OpenStack's Tempest volume API tests against the emulator (docs/emulator-fidelity.md).
// Steps in one inner list run side by side: ESLint and tsc each keep one core busy and leave the
// other idle (CI, 2026-12-07: 40-50 % idle through `lint`), so together they take the longer one's time.
const EMULATOR_LANE = [
  ['lint', 'typecheck'],
  'test:unit',
  'test:conformance',
  'test:bundle',
  'test:e2e',
  'test:reliability',
];
const REAL_CLOUD_LANE = ['test:real'];

// One build first: every lane's console (e2e, reliability, the real-cloud e2e) serves it, and no
// step rebuilds it under a console that is serving it.
const env = { ...process.env, E2E_BUILT: '1' };
const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 1000);
const timings = [];
const running = new Set();
console.log('\n::: npm run build');
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env });
if (build.status !== 0) stop('build failed', build.status);
timings.push(`build ${seconds(started)} s`);

/** Runs one npm script, its lines prefixed with the lane's name so two lanes' output can be told apart. */
function runStep(lane, step) {
  return new Promise((resolve) => {
    console.log(`\n::: [${lane}] npm run ${step}`);
    const stepStarted = Date.now();
    // A process group of its own, so a failure in the other lane can end this step and its children.
    const child = spawn('npm', ['run', '--silent', step], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      const out = stream === child.stdout ? process.stdout : process.stderr;
      createInterface({ input: stream }).on('line', (line) => out.write(`[${lane}] ${line}\n`));
    }
    child.on('close', (code, signal) => {
      running.delete(child);
      const took = `${step} ${seconds(stepStarted)} s`;
      timings.push(took);
      console.log(`::: [${lane}] ${took.replace(/ (\d+ s)$/, ' took $1')}`);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// The steps run in process groups of their own, which a Ctrl-C in the terminal does not reach.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(`interrupted (${signal})`, 130));

async function runLane(lane, steps) {
  for (const group of steps) {
    const together = Array.isArray(group) ? group : [group];
    await Promise.all(
      together.map(async (step) => {
        const status = await runStep(lane, step);
        if (status !== 0) stop(`${step} failed`, status);
      }),
    );
  }
}

function stop(why, status) {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  console.error(`\n::: npm test stopped: ${why} (${timings.join(', ')}; ${seconds(started)} s in all)`);
  process.exit(status || 1);
}

await Promise.all([runLane('emulator', EMULATOR_LANE), runLane('real', REAL_CLOUD_LANE)]);
console.log(`\n::: npm test passed in ${seconds(started)} s (${timings.join(', ')})`);
