// Starts the emulator and the BFF as child processes on free loopback ports, from source (tsx and
// the `source` export condition, as the tests do), so a benchmark measures the code in the tree and
// each server's memory and CPU are its own, apart from the load generator's.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = ['--import', 'tsx', '--conditions', 'source'];
/** USER_HZ: /proc reports CPU time in these ticks; 100 on every Linux port Node runs on. */
const CLOCK_TICKS = 100;

export interface Server {
  url: string;
  pid: number;
  /** Resident set size now, in bytes (Linux /proc). */
  rss(): number;
  /** CPU time used so far, user + system, in seconds (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface MeasuredServer extends Server {
  /** Collects garbage in the server, then reports its memory: what it retains, not what it has yet to free. */
  collected(): Promise<NodeJS.MemoryUsage>;
}

export interface BenchEmulator extends Server {
  authUrl: string;
  /** Requests served since the last reset, by `METHOD /route`. */
  stats(reset?: boolean): Promise<{ seconds: number; counts: Record<string, number> }>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Spawns a node process and resolves with the match of `ready` in its output. */
function launch(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ child, match });
      }
    };
    child.stdout!.on('data', onData);
    // Errors only: the BFF runs with LOG_LEVEL=error so logging costs nothing measurable.
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

function server(child: ChildProcess, url: string): Server {
  return {
    url,
    pid: child.pid!,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    cpuSeconds: () => {
      // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export interface EmulatorOptions {
  scenario?: 'empty' | 'basic' | 'demo' | 'large';
  volumes?: number;
  /** 1 = the default durations (a create takes 1.5 s), as a small real cloud. */
  timeScale?: number;
  /** Publish Cinder's notifications on this RabbitMQ (`rabbit://…`), as `--notifications-url`. */
  notificationsUrl?: string;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<BenchEmulator> {
  const { child, match } = await launch(
    [...TSX, path.join(ROOT, 'bench/servers/emulator.ts'), JSON.stringify({ scenario: 'basic', ...options })],
    { ...process.env },
    /listening on (\S+) (\S+)/,
  );
  const url = match[1]!;
  return {
    ...server(child, url),
    authUrl: match[2]!,
    stats: async (reset = false) => (await fetch(`${url}/__bench/stats${reset ? '?reset=1' : ''}`)).json(),
  };
}

/**
 * The BFF against `authUrl`; `env` adds or overrides its settings (docs/bff-configuration.md). It
 * runs with --expose-gc and bench/servers/gc-hook.ts, so that `collected()` can ask for its memory
 * after a garbage collection.
 */
export async function startBff(authUrl: string, env: Record<string, string> = {}): Promise<MeasuredServer> {
  const heapFile = path.join(mkdtempSync(path.join(tmpdir(), 'bench-heap-')), 'heap.json');
  const { child, match } = await launch(
    [
      '--expose-gc',
      ...TSX,
      '--import',
      path.join(ROOT, 'bench/servers/gc-hook.ts'),
      path.join(ROOT, 'apps/bff/src/main.ts'),
    ],
    {
      ...process.env,
      BENCH_HEAP_FILE: heapFile,
      OS_AUTH_URL: authUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'error',
      // Benchmarks sign in hundreds of times from one address; the limits guard against guessing.
      LOGIN_RATE_LIMIT: '1000000',
      LOGIN_USER_RATE_LIMIT: '1000000',
      ...env,
    },
    /listening on (\S+)/,
  );
  return {
    ...server(child, match[1]!.replace('localhost', '127.0.0.1')),
    async collected() {
      const asked = Date.now();
      child.kill('SIGUSR2');
      for (let i = 0; i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (existsSync(heapFile)) {
          const usage = JSON.parse(readFileSync(heapFile, 'utf8')) as NodeJS.MemoryUsage & { at: number };
          if (usage.at >= asked) return usage;
        }
      }
      throw new Error('the BFF did not report its memory');
    },
  };
}
