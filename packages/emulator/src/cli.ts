#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { SCENARIOS, startEmulator, type Scenario, type StartOptions } from './index.js';
import { FAULT_OPERATIONS, type FaultOperation } from './sim/faults.js';

const HELP = `Usage: cinder-emulator [options]

A Keystone v3 + Cinder v3 (+ Glance v2) emulator on one port, laid out like devstack:
Keystone under /identity, Cinder under /volume (RegionTwo under /RegionTwo/volume),
Glance under /image, fault injection under /emulator/control.

Options:
  --port <n>             Port (default: $EMULATOR_PORT or 5050; 0 picks a free port)
  --host <addr>          Address to bind (default: 127.0.0.1)
  --scenario <name>      Seed data: empty | basic | demo | large (default: basic)
  --volumes <n>          Volumes for --scenario large (default: 5000)
  --state <file>         Keep all data in <file> across restarts (atomic writes)
  --fast                 Asynchronous transitions 50x faster (for tests)
  --time-scale <x>       Multiply every transition duration by <x> (overrides --fast)
  --v2                   Also serve the v2 API (/volume/v2/{project_id}) and list volumev2
  --v2-only              Serve only the v2 API: the catalog lists only volumev2, /volume/v3 is absent
  --profile <name>       default | huawei-evs (snapshot rollback, 7 snapshots per volume,
                         zones az1.dc1/az2.dc1; implies --v2)
  --regions <a,b>        Region names (default: RegionOne,RegionTwo), each with its own Cinder
  --like-filters         Allow "name~" like filters for non-admins (resource_filters.json)
  --token-ttl <sec>      Keystone token lifetime in seconds (default: 3600)
  --fail-next <op[:n]>   Make the next n (default 1) runs of an operation end in error;
                         repeatable. Operations: ${FAULT_OPERATIONS.join(', ')}
  --keystone-down        Start with Keystone refusing every request (503)
  --notifications-url <rabbit://user:pass@host:5672/>
                         Publish Cinder's notifications (volume.*, snapshot.*, backup.*) on
                         this RabbitMQ as Cinder Zed does with driver = messagingv2
                         (default: $EMULATOR_NOTIFICATIONS_URL; unset: none)
  --notifications-exchange <name>
                         control_exchange to publish to (default: openstack)
  -h, --help             Show this help

Seed users (domain Default; password = user name unless EMULATOR_<USER>_PASSWORD is set):
  admin     admin role on project admin (a cloud admin, as in Cinder Zed's default policy)
  demo      member + reader on project demo
  alt_demo  member on project alt_demo
  reader    reader on project demo

Fault injection at run time (admin token): GET/POST/DELETE /emulator/control/faults, e.g.
  {"failNext": {"operation": "volume.extend", "count": 1}}
  {"http": {"path": "^/volume/v3/.*/volumes", "status": 503, "count": 3}}
  {"http": {"path": "^/volume/", "delayMs": 5000}}   {"keystoneDown": true}
`;

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got ${value}`);
  return n;
}

function notificationOptions(url: string | undefined, exchange: string | undefined): Partial<StartOptions> {
  if (!url) {
    if (exchange) throw new Error('--notifications-exchange needs --notifications-url');
    return {};
  }
  if (!/^rabbit:\/\/[^/]+/.test(url)) throw new Error('--notifications-url must be a rabbit:// transport URL');
  return { notificationsUrl: url, ...(exchange ? { notificationsExchange: exchange } : {}) };
}

function options(argv: string[]): StartOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      volumes: { type: 'string' },
      state: { type: 'string' },
      fast: { type: 'boolean' },
      'time-scale': { type: 'string' },
      v2: { type: 'boolean' },
      'v2-only': { type: 'boolean' },
      profile: { type: 'string' },
      regions: { type: 'string' },
      'like-filters': { type: 'boolean' },
      'token-ttl': { type: 'string' },
      'fail-next': { type: 'string', multiple: true },
      'keystone-down': { type: 'boolean' },
      'notifications-url': { type: 'string' },
      'notifications-exchange': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const scenario = values.scenario ?? 'basic';
  if (!SCENARIOS.includes(scenario as Scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  const profile = values.profile ?? 'default';
  if (profile !== 'default' && profile !== 'huawei-evs') throw new Error('--profile must be default or huawei-evs');
  const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale']);
  if (timeScale !== undefined && !(timeScale >= 0)) throw new Error('--time-scale must be a number >= 0');
  const env = process.env;
  const passwords = Object.fromEntries(
    (['admin', 'demo', 'alt_demo', 'reader'] as const)
      .map((user) => [user, env[`EMULATOR_${user.toUpperCase()}_PASSWORD`]])
      .filter(([, password]) => password),
  );
  return {
    port: integer('port', values.port ?? env.EMULATOR_PORT ?? '5050', 0, 65535)!,
    ...(values.host ? { host: values.host } : {}),
    scenario: scenario as Scenario,
    ...(values.volumes ? { volumes: integer('volumes', values.volumes, 0, 1_000_000)! } : {}),
    ...(values.state ? { statePath: values.state } : {}),
    fast: values.fast ?? false,
    ...(timeScale !== undefined ? { timeScale } : {}),
    v2: values.v2 ?? false,
    v2Only: values['v2-only'] ?? false,
    profile,
    ...(values.regions
      ? {
          regions: values.regions
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        }
      : {}),
    ...(values['like-filters']
      ? { extraResourceFilters: { volume: ['name~'], snapshot: ['name~'], backup: ['name~'] } }
      : {}),
    tokenTtlSeconds: integer('token-ttl', values['token-ttl'] ?? '3600', 1, 10 * 86_400)!,
    ...notificationOptions(
      values['notifications-url'] ?? env.EMULATOR_NOTIFICATIONS_URL,
      values['notifications-exchange'],
    ),
    passwords,
  };
}

function armFaults(ctx: Awaited<ReturnType<typeof startEmulator>>['ctx'], argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: { 'fail-next': { type: 'string', multiple: true }, 'keystone-down': { type: 'boolean' } },
  });
  for (const spec of (values['fail-next'] as string[] | undefined) ?? []) {
    const [operation, count = '1'] = spec.split(':');
    if (!FAULT_OPERATIONS.includes(operation as FaultOperation))
      throw new Error(`--fail-next: unknown operation ${operation}`);
    ctx.faults.failNext(operation as FaultOperation, integer('fail-next', count, 1, 1000)!);
  }
  ctx.faults.keystoneDown = Boolean(values['keystone-down']);
}

try {
  const argv = process.argv.slice(2);
  const parsed = options(argv);
  if (!parsed) {
    process.stdout.write(HELP);
  } else {
    const emulator = await startEmulator(parsed);
    armFaults(emulator.ctx, argv);
    process.stdout.write(
      `OpenStack emulator listening on ${emulator.url} (scenario ${parsed.scenario})\nOS_AUTH_URL=${emulator.authUrl}\n`,
    );
    const stop = () => void emulator.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (error) {
  process.stderr.write(`cinder-emulator: ${(error as Error).message}\n`);
  process.exit(1);
}
