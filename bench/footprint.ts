// 6. BFF footprint: resident memory of the BFF process as idle sessions and event streams add up,
// and whether it keeps growing under a soak of mixed traffic (lists, sign-in and sign-out, event
// streams opening and closing, volumes created and deleted through the console).
import { BffSession } from './lib/clients.js';
import { budgeted, info } from './lib/report.js';
import { startBff, startEmulator, type MeasuredServer } from './lib/stack.js';
import { mb, median, sleep } from './lib/stats.js';
import type { Bench, BenchOptions } from './run.js';

const SESSIONS = 1000;
const STREAMS = 200;
const WARM_UP_S = 60;
/** A memory reading (after a collection) this often during the soak. */
const SAMPLE_S = 5;

interface Memory {
  rss: number;
  /** V8 heap in use after a collection: what the BFF's JavaScript retains. */
  heap: number;
  /** V8 heap reserved: pages V8 keeps after a collection count in RSS too. */
  heapTotal: number;
  /** Memory outside V8 that JavaScript holds: Buffers and ArrayBuffers. */
  external: number;
}

/** RSS and retained heap once the BFF has settled and collected its garbage. */
async function settled(server: MeasuredServer): Promise<Memory> {
  await sleep(1000);
  const usage = await server.collected();
  return { rss: usage.rss, heap: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external };
}

/** Least-squares slope of `values` sampled every `everyS` seconds, per minute. */
function slopePerMinute(values: number[], everyS: number): number {
  const n = values.length;
  if (n < 2) return NaN;
  const xs = values.map((_, i) => (i * everyS) / 60);
  const mx = xs.reduce((a, b) => a + b) / n;
  const my = values.reduce((a, b) => a + b) / n;
  const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * (values[i]! - my), 0);
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
}

async function signIn(url: string, count: number): Promise<BffSession[]> {
  const sessions: BffSession[] = [];
  while (sessions.length < count) {
    const batch = Math.min(10, count - sessions.length);
    sessions.push(...(await Promise.all(Array.from({ length: batch }, () => BffSession.signIn(url)))));
  }
  return sessions;
}

/** Mixed traffic until `until`; each loop is one kind of client. Returns the requests made. */
async function soak(url: string, sessions: BffSession[], until: number): Promise<number> {
  let requests = 0;
  const pick = () => sessions[Math.floor(Math.random() * sessions.length)]!;
  const loop = async (step: () => Promise<void>) => {
    while (Date.now() < until) {
      await step();
      requests++;
    }
  };
  const lists = () => loop(async () => void (await pick().get('/api/cinder/volumes/detail?limit=50&with_count=true')));
  const churn = () =>
    loop(async () => {
      const session = await BffSession.signIn(url);
      await session.get('/api/session');
      await session.signOut();
    });
  const streams = () =>
    loop(async () => {
      const stream = await pick().events(() => undefined);
      await sleep(2000);
      stream.close();
    });
  const volumes = () =>
    loop(async () => {
      const session = pick();
      const response = await fetch(`${url}/api/cinder/volumes`, {
        method: 'POST',
        headers: { ...session.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ volume: { size: 1, name: 'soak' } }),
      });
      const { volume } = (await response.json()) as { volume: { id: string } };
      // The fast emulator has it available within a fraction of a second.
      await sleep(1000);
      await fetch(`${url}/api/cinder/volumes/${volume.id}`, { method: 'DELETE', headers: session.headers });
    });
  await Promise.all([lists(), lists(), lists(), churn(), streams(), streams(), volumes()]);
  return requests;
}

const bench: Bench = {
  title: '6. BFF footprint',
  async run({ soakMinutes }: BenchOptions) {
    // Fast transitions, so the soak's creates and deletes finish and the relay has events to send.
    const emulator = await startEmulator({ scenario: 'demo', timeScale: 0.05 });
    const bff = await startBff(emulator.authUrl);
    try {
      await (await BffSession.signIn(bff.url)).get('/api/cinder/volumes/detail?limit=50');
      const base = await settled(bff);
      const sessions = await signIn(bff.url, SESSIONS);
      const withSessions = await settled(bff);
      const streams = await Promise.all(sessions.slice(0, STREAMS).map((s) => s.events(() => undefined)));
      const withStreams = await settled(bff);
      streams.forEach((s) => s.close());

      // Every 10 s the BFF collects its garbage and reports: growth is then what it keeps, not
      // what it has yet to free.
      const samples: Memory[] = [];
      // A minute of the same traffic first, unmeasured: V8 and the allocator grow to the working set
      // in it (a 10-minute soak shows RSS rising for about that long, then flat or falling), and a
      // short soak would otherwise measure that warm-up as growth.
      await soak(bff.url, sessions, Date.now() + WARM_UP_S * 1000);
      const until = Date.now() + soakMinutes * 60_000;
      const sampler = (async () => {
        while (Date.now() < until - SAMPLE_S * 500) {
          await sleep(SAMPLE_S * 1000);
          samples.push(await settled(bff));
        }
      })();
      const requests = await soak(bff.url, sessions, until);
      await sampler;
      // Growth: the median of the soak's second half against its first. RSS after a collection
      // still swings by tens of MB as the allocator keeps or returns pages, so single readings or
      // short stretches say little; the retained heap is the steadier sign of a leak.
      const half = (which: 0 | 1, value: (m: Memory) => number) =>
        median(
          samples
            .slice(which * Math.floor(samples.length / 2), which ? undefined : Math.floor(samples.length / 2))
            .map(value),
        );
      const change = (value: (m: Memory) => number) => mb(half(1, value) - half(0, value));
      const growth = change((m) => m.rss);
      const heapGrowth = change((m) => m.heap);
      const rssSlope = mb(
        slopePerMinute(
          samples.map((m) => m.rss),
          SAMPLE_S,
        ),
      );
      const native = (m: Memory) => m.rss - m.heapTotal - m.external;
      const f = (bytes: number) => `${mb(bytes).toFixed(1)} MB`;
      return {
        rows: [
          budgeted(
            'RSS growth per 1,000 idle sessions',
            mb(withSessions.rss - base.rss),
            '≤',
            50,
            ' MB',
            `${f(withSessions.rss - base.rss)} (heap ${f(withSessions.heap - base.heap)})`,
          ),
          budgeted(
            'RSS growth per 200 SSE clients',
            mb(withStreams.rss - withSessions.rss),
            '≤',
            30,
            ' MB',
            `${f(withStreams.rss - withSessions.rss)} (heap ${f(withStreams.heap - withSessions.heap)})`,
          ),
          budgeted(
            `RSS growth over a ${soakMinutes}-minute soak (second half vs first)`,
            growth,
            '≤',
            10,
            ' MB',
            `${growth.toFixed(1)} MB (heap ${heapGrowth.toFixed(1)} MB; ${(requests / (soakMinutes * 60)).toFixed(0)} req/s)`,
          ),
          info(
            'soak, second half vs first: V8 heap reserved / Buffers / the rest (native)',
            `${change((m) => m.heapTotal).toFixed(1)} / ${change((m) => m.external).toFixed(1)} / ${change(native).toFixed(1)} MB; RSS trend ${rssSlope.toFixed(1)} MB/min, range ${mb(Math.min(...samples.map((m) => m.rss))).toFixed(0)}–${mb(Math.max(...samples.map((m) => m.rss))).toFixed(0)} MB`,
          ),
          info(
            'RSS: idle BFF / with sessions / with streams / end of soak',
            [base, withSessions, withStreams, samples.at(-1) ?? withStreams]
              .map((v) => mb(v.rss).toFixed(0))
              .join(' / ') + ' MB',
          ),
        ],
        notes: [
          `RSS during the soak, every 30 s (MB): ${samples
            .filter((_, i) => (i + 1) % (30 / SAMPLE_S) === 0)
            .map((m) => mb(m.rss).toFixed(0))
            .join(', ')}.`,
          `every figure is taken after a garbage collection in the BFF (--expose-gc, bench/servers/gc-hook.ts); after a 1-minute warm-up of the same traffic, the soak mixes 3 list loops, a sign-in/out loop, 2 event-stream loops (2 s each) and a create/delete loop over the 1,000 sessions; "no growth" is taken as ≤ 10 MB between the medians of the soak's second and first halves (samples every 5 s). \`--soak-minutes 10\` runs the full 10-minute soak.`,
        ],
      };
    } finally {
      await bff.stop();
      await emulator.stop();
    }
  },
};
export default bench;
