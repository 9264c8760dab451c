#!/usr/bin/env node
// `npm start`: the console on http://localhost:8080. Without OS_AUTH_URL, OS_CLOUD or OS_CLOUDS it first
// starts the embedded OpenStack emulator and points the BFF at it; with one of them it uses that cloud.
// EMULATOR_CLOUDS=2 starts a second emulator beside the first and offers both (OS_CLOUDS east,west).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** The emulator's identity provider (packages/emulator/src/keystone/federation.ts). */
const SSO_CHOICE = 'emulator-idp/openid=Emulator single sign-on';
let emulator;
let secondEmulator;
const scenario = env.EMULATOR_SCENARIO ?? 'demo';
if (!['1', '2', undefined].includes(env.EMULATOR_CLOUDS)) {
  console.error(`EMULATOR_CLOUDS must be 1 or 2, got ${env.EMULATOR_CLOUDS}`);
  process.exit(1);
}
if (!env.OS_AUTH_URL && !env.OS_CLOUD && !env.OS_CLOUDS) {
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
  // The emulator's built-in identity provider, offered as single sign-on (Keystone WebSSO).
  env.OS_WEBSSO_CHOICES ??= SSO_CHOICE;
  if (env.EMULATOR_CLOUDS === '2') {
    // Another cloud altogether: its own Keystone, projects and volumes, on a free port.
    const { startEmulator } = await import('@cinder-console/emulator');
    secondEmulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      scenario,
      ...(env.EMULATOR_FAST === '1' ? { fast: true } : {}),
    });
    closers.push(() => secondEmulator.close());
    const dir = mkdtempSync(path.join(tmpdir(), 'cinder-console-clouds-'));
    const cloud = (name, displayName, authUrl) => [
      `  ${name}:`,
      `    display_name: ${displayName}`,
      `    websso_choices: ${env.OS_WEBSSO_CHOICES}`,
      '    auth:',
      `      auth_url: ${authUrl}`,
    ];
    const yaml = [
      'clouds:',
      ...cloud('east', 'East (embedded)', emulator.authUrl),
      ...cloud('west', 'West (embedded)', secondEmulator.authUrl),
    ];
    env.OS_CLIENT_CONFIG_FILE = path.join(dir, 'clouds.yaml');
    writeFileSync(env.OS_CLIENT_CONFIG_FILE, yaml.join('\n') + '\n');
    env.OS_CLOUDS = 'east,west';
    delete env.OS_AUTH_URL;
    delete env.OS_WEBSSO_CHOICES;
  }
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
  secondEmulator
    ? `  Clouds          east ${emulator.authUrl}, west ${secondEmulator.authUrl} (embedded emulators, ${env.OS_CLIENT_CONFIG_FILE})`
    : emulator
      ? `  Cloud           embedded emulator, scenario ${scenario}${emulatorFlavour(env)} (${emulator.authUrl})`
      : env.OS_CLOUDS
        ? `  Clouds          clouds.yaml clouds ${env.OS_CLOUDS}`
        : `  Cloud           ${env.OS_AUTH_URL ?? `clouds.yaml cloud ${env.OS_CLOUD}`}`,
  // Off the public port (METRICS_PORT); a free loopback port unless one is set.
  `  Metrics         ${bff.metricsUrl}/metrics  (readiness: ${bff.metricsUrl}/readyz)`,
];
if (emulator) {
  lines.push('  Demo logins     demo / demo (member)   admin / admin (admin)   alt_demo / alt_demo   reader / reader');
  lines.push('  Single sign-on  sso_demo / sso_demo at the emulator identity provider (member of demo)');
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
