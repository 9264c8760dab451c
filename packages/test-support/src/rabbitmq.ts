// A real, throw-away RabbitMQ for tests and benchmarks: its own node, epmd, data directory and
// loopback ports, so it never meets the rig's broker (deploy/openstack-dev, port 5672). Debian's
// rabbitmq-server package provides it (CI gets it from the rig's up.sh, which .ci/run runs
// before the tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { freePort } from './free-port.js';

const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const EPMD = '/usr/bin/epmd';
export const haveRabbitmq = existsSync(RABBITMQ_SERVER) && existsSync(EPMD);
if (!haveRabbitmq && process.env.CI)
  throw new Error('CI needs rabbitmq-server (deploy/openstack-dev/up.sh installs it)');
/** Said in the name of what is skipped without it, so a skip is never silent. */
export const NEEDS_RABBITMQ = haveRabbitmq ? '' : ' [skipped: rabbitmq-server is not installed]';

export interface TestBroker {
  /** `rabbit://guest:guest@127.0.0.1:<port>/`, the form Cinder's transport_url takes. */
  url: string;
  /** The same broker as an AMQP URL, for amqplib. */
  amqpUrl: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
  });
}

/** Starts RabbitMQ and resolves once it accepts AMQP connections (waits on the broker, not a clock). */
export async function startTestBroker(): Promise<TestBroker> {
  if (!haveRabbitmq) throw new Error(`RabbitMQ is not installed (${RABBITMQ_SERVER}): apt-get install rabbitmq-server`);
  const [amqpPort, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), 'test-rabbitmq-'));
  writeFileSync(path.join(dir, 'rabbitmq.conf'), `listeners.tcp.default = 127.0.0.1:${amqpPort}\n`);
  writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');
  const env = {
    ...process.env,
    HOME: dir,
    RABBITMQ_NODENAME: `test${amqpPort}@localhost`,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
    RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
  // Our own epmd in the foreground, so that stopping it is ours to do and nothing outlives the test.
  const epmd = spawn(EPMD, ['-address', '127.0.0.1', '-port', String(epmdPort)], { env, stdio: 'ignore' });
  const server = spawn(RABBITMQ_SERVER, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const stop = async () => {
    await stopChild(server);
    await stopChild(epmd);
    rmSync(dir, { recursive: true, force: true });
  };
  const amqpUrl = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`rabbitmq-server exited:\n${output}`);
      const connection = await amqp.connect(amqpUrl).catch(() => undefined);
      if (connection) {
        await connection.close();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `rabbit://guest:guest@127.0.0.1:${amqpPort}/`, amqpUrl, stop };
}
