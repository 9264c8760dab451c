#!/usr/bin/env node
// `npm start`: the console on http://localhost:8080. Without OS_AUTH_URL or OS_CLOUD it first starts the
// embedded OpenStack emulator and points the BFF at it; with either it uses that cloud.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startBff } from '@cinder-console/bff';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const closers = [];

/** ", v2 only, profile huawei-evs" for the start-up banner; empty for the default cloud. */
function emulatorFlavour(vars) {
  const parts = [
    vars.EMULATOR_V2_ONLY === '1' ? 'v2 only' : '',
    vars.EMULATOR_PROFILE ? `profile ${vars.EMULATOR_PROFILE}` : '',
  ];
  return parts
    .filter(Boolean)
    .map((part) => `, ${part}`)
    .join('');
}

let emulator;
const scenario = env.EMULATOR_SCENARIO ?? 'demo';
if (!env.OS_AUTH_URL && !env.OS_CLOUD) {
  const { startEmulator } = await import('@cinder-console/emulator');
  const port = Number(env.EMULATOR_PORT ?? 5050);
  if (env.EMULATOR_PROFILE && !['default', 'huawei-evs'].includes(env.EMULATOR_PROFILE)) {
    console.error(`EMULATOR_PROFILE must be default or huawei-evs, got ${env.EMULATOR_PROFILE}`);
    process.exit(1);
  }
  try {
    emulator = await startEmulator({
      port,
      host: '127.0.0.1',
      scenario,
      ...(env.EMULATOR_STATE ? { statePath: env.EMULATOR_STATE } : {}),
      ...(env.EMULATOR_FAST === '1' ? { fast: true } : {}),
      // One setting turns notifications on at both ends: the emulator's Cinder publishes on the
      // bus the BFF follows.
      ...(env.OS_NOTIFICATIONS_URL ? { notificationsUrl: env.OS_NOTIFICATIONS_URL } : {}),
      ...(env.OS_NOTIFICATIONS_EXCHANGE ? { notificationsExchange: env.OS_NOTIFICATIONS_EXCHANGE } : {}),
      // A cloud that serves only Cinder's v2 API (catalog volumev2, no /volume/v3), e.g. a vendor's.
      ...(env.EMULATOR_V2_ONLY === '1' ? { v2Only: true } : {}),
      ...(env.EMULATOR_PROFILE ? { profile: env.EMULATOR_PROFILE } : {}),
    });
  } catch (error) {
    const hint = env.OS_NOTIFICATIONS_URL
      ? 'Set EMULATOR_PORT to a free port, and check that OS_NOTIFICATIONS_URL names a running RabbitMQ.'
      : 'Set EMULATOR_PORT to a free port.';
    console.error(`Could not start the emulator on port ${port}: ${error.message}\n${hint}`);
    process.exit(1);
  }
  closers.push(() => emulator.close());
  env.OS_AUTH_URL = emulator.authUrl;
}
env.STATIC_DIR ??= path.join(root, 'apps/web/dist');

let bff;
try {
  bff = await startBff(loadConfig(env));
} catch (error) {
  console.error(error.message);
  await Promise.all(closers.map((close) => close()));
  process.exit(1);
}
closers.unshift(() => bff.close());

const lines = [
  '',
  `  Cinder Console  ${bff.url}`,
  emulator
    ? `  Cloud           embedded emulator, scenario ${scenario}${emulatorFlavour(env)} (${emulator.authUrl})`
    : `  Cloud           ${env.OS_AUTH_URL ?? `clouds.yaml cloud ${env.OS_CLOUD}`}`,
  // Off the public port (METRICS_PORT); a free loopback port unless one is set.
  `  Metrics         ${bff.metricsUrl}/metrics  (readiness: ${bff.metricsUrl}/readyz)`,
];
if (emulator) {
  lines.push('  Demo logins     demo / demo (member)   admin / admin (admin)   alt_demo / alt_demo   reader / reader');
}
console.log(lines.join('\n') + '\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(closers.map((close) => close()));
    process.exit(0);
  });
}
