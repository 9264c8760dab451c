import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, startBff, type RunningBff } from '../../apps/bff/src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = fileURLToPath(new URL('../../apps/bff/src/main.ts', import.meta.url));

export interface BffProcess {
  url: string;
  /** Where `/metrics` and `/readyz` answer (METRICS_PORT's listener, a free loopback port by default). */
  metricsUrl: string;
  pid: number;
  /** SIGKILL: the process dies without a word (no lease release, no goodbye to its streams). */
  kill(): Promise<void>;
  /** SIGTERM: the clean stop an orchestrator sends. */
  stop(): Promise<void>;
  /** Everything the process wrote, for a failure message or a search for secrets. */
  output(): string;
}

/**
 * The BFF's own `main.ts` in a process of its own, configured only through its environment as in
 * production: it can be killed, restarted on the same port, and its memory read from outside.
 */
export async function startBffProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<BffProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--conditions=source', '--import', 'tsx', main], {
    cwd: root,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [url, metricsUrl] = await new Promise<[string, string]>((resolve, reject) => {
    const onData = () => {
      const found = /listening on (\S+)/.exec(output)?.[1];
      const metrics = /readyz\) on (\S+)/.exec(output)?.[1];
      if (found && metrics)
        resolve([found.replace('localhost', '127.0.0.1'), metrics.replace('localhost', '127.0.0.1')]);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the BFF process exited (${code}): ${output}`)));
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    metricsUrl,
    pid: child.pid!,
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await ended;
    },
    stop: async () => {
      if (alive()) child.kill('SIGTERM');
      await ended;
    },
    output: () => output,
  };
}

/** The BFF in this process on a free loopback port, silent, in front of `authUrl`, with `env` on top. */
export async function startBffInProcess(authUrl: string, env: Record<string, string> = {}): Promise<RunningBff> {
  return startBff(loadConfig({ OS_AUTH_URL: authUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }));
}
