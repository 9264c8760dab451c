#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const HELP = `Usage: cinder-emulator [options]

Keystone v3 + Cinder v3 emulator on one port (Keystone under /identity, Cinder under /volume).

Options:
  --port <n>          Port to listen on (default: $EMULATOR_PORT or 5050; 0 picks a free port)
  --host <addr>       Address to bind (default: 127.0.0.1)
  --token-ttl <sec>   Keystone token lifetime in seconds (default: 3600)
  --region <name>     Region name in the service catalog (default: RegionOne)
  -h, --help          Show this help

Seed users (domain Default, password = user name unless EMULATOR_<USER>_PASSWORD is set):
  admin     admin role on project admin
  demo      member + reader on project demo
  alt_demo  member on project alt_demo
  reader    reader on project demo
`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'token-ttl': { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port ?? process.env.EMULATOR_PORT ?? 5050);
  const ttl = Number(values['token-ttl'] ?? 3600);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new Error(`--token-ttl must be a positive integer, got ${values['token-ttl']}`);
  const env = process.env;
  return startEmulator({
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.region ? { region: values.region } : {}),
    tokenTtlSeconds: ttl,
    passwords: {
      ...(env.EMULATOR_ADMIN_PASSWORD ? { admin: env.EMULATOR_ADMIN_PASSWORD } : {}),
      ...(env.EMULATOR_DEMO_PASSWORD ? { demo: env.EMULATOR_DEMO_PASSWORD } : {}),
      ...(env.EMULATOR_ALT_DEMO_PASSWORD ? { alt_demo: env.EMULATOR_ALT_DEMO_PASSWORD } : {}),
      ...(env.EMULATOR_READER_PASSWORD ? { reader: env.EMULATOR_READER_PASSWORD } : {}),
    },
  }).then((emulator) => {
    process.stdout.write(`OpenStack emulator listening on ${emulator.url}\nOS_AUTH_URL=${emulator.authUrl}\n`);
  });
}

try {
  await main();
} catch (error) {
  process.stderr.write(`cinder-emulator: ${(error as Error).message}\n`);
  process.exit(1);
}
