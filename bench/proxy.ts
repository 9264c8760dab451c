// 1. Proxy overhead: `GET volumes/detail?limit=1000` through the BFF and straight to the same
// emulator, side by side in one run. Throughput with autocannon at a fixed concurrency, runs
// alternating; the added latency from single requests interleaved one by one, so both paths see
// the same machine at the same moment.
import { BffSession, keystoneToken } from './lib/clients.js';
import { load, type LoadResult } from './lib/load.js';
import { budgeted, info } from './lib/report.js';
import { startBff, startEmulator } from './lib/stack.js';
import { median, percentile, spread } from './lib/stats.js';
import type { Bench } from './run.js';

const CONNECTIONS = 10;
const SECONDS = 3;
const PAIRS = 6;
const LATENCY_SAMPLES = 200;
const PATH = '/volumes/detail?limit=1000';

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - start;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** Single requests on one connection, direct and through the BFF in turns (the order alternates). */
async function interleaved(direct: Target, viaBff: Target, pairs: number) {
  const added: number[] = [];
  const directMs: number[] = [];
  const bffMs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always meets a warmer cache.
    const first = i % 2 === 0;
    const a = first ? await timed(direct.url, direct.headers) : 0;
    const b = await timed(viaBff.url, viaBff.headers);
    const d = first ? a : await timed(direct.url, direct.headers);
    directMs.push(d);
    bffMs.push(b);
    added.push(b - d);
  }
  return { added, directMs, bffMs };
}

const bench: Bench = {
  title: '1. Proxy overhead',
  async run() {
    const emulator = await startEmulator({ scenario: 'large', volumes: 5000 });
    const bff = await startBff(emulator.authUrl);
    try {
      const cloud = await keystoneToken(emulator.authUrl, 'demo');
      const session = await BffSession.signIn(bff.url);
      const microversion = { 'OpenStack-API-Version': 'volume 3.60', Accept: 'application/json' };
      const direct = { url: `${cloud.cinderUrl}${PATH}`, headers: { ...microversion, 'X-Auth-Token': cloud.token } };
      const viaBff = { url: `${bff.url}/api/cinder${PATH}`, headers: { ...microversion, Cookie: session.cookie } };

      // Warm both paths (JIT, connection pools, the emulator's token cache).
      for (let i = 0; i < 5; i++)
        await Promise.all([timed(direct.url, direct.headers), timed(viaBff.url, viaBff.headers)]);

      // CPU each server spends per request: unlike throughput, hardly moved by what else runs.
      const cpu = { direct: 0, directRequests: 0, emulator: 0, bff: 0, bffRequests: 0 };
      const measured = async (target: Target, via: 'direct' | 'bff') => {
        const [emulatorBefore, bffBefore] = [emulator.cpuSeconds(), bff.cpuSeconds()];
        const result = await load({ ...target, connections: CONNECTIONS, seconds: SECONDS });
        if (via === 'direct') {
          cpu.direct += emulator.cpuSeconds() - emulatorBefore;
          cpu.directRequests += result.total;
        } else {
          cpu.emulator += emulator.cpuSeconds() - emulatorBefore;
          cpu.bff += bff.cpuSeconds() - bffBefore;
          cpu.bffRequests += result.total;
        }
        return result;
      };
      const directRuns: LoadResult[] = [];
      const bffRuns: LoadResult[] = [];
      for (let i = 0; i < PAIRS; i++) {
        directRuns.push(await measured(direct, 'direct'));
        bffRuns.push(await measured(viaBff, 'bff'));
      }
      const perRequest = (seconds: number, requests: number) => (seconds * 1000) / requests;
      const ratios = directRuns.map((d, i) => bffRuns[i]!.rps / d.rps);

      const { added, directMs, bffMs } = await interleaved(direct, viaBff, LATENCY_SAMPLES);
      // The same for a page as the console asks for it (50 rows): the BFF's own cost, apart from copying 0.9 MB.
      const small = await interleaved(
        { ...direct, url: direct.url.replace('limit=1000', 'limit=50') },
        { ...viaBff, url: viaBff.url.replace('limit=1000', 'limit=50') },
        LATENCY_SAMPLES,
      );
      const failed = [...directRuns, ...bffRuns].reduce((sum, r) => sum + r.errors + r.non2xx, 0);
      const bytes = (await (await fetch(direct.url, { headers: direct.headers })).arrayBuffer()).byteLength;
      return {
        rows: [
          budgeted(
            `throughput BFF/direct, ${CONNECTIONS} connections (${PAIRS} alternating pairs of ${SECONDS} s)`,
            median(ratios),
            '≥',
            0.85,
            '',
            `${spread(ratios, 2)}: BFF ${median(bffRuns.map((r) => r.rps)).toFixed(0)} vs direct ${median(directRuns.map((r) => r.rps)).toFixed(0)} req/s`,
          ),
          budgeted(
            `added median latency, 1 connection (${LATENCY_SAMPLES} interleaved pairs)`,
            median(added),
            '≤',
            2,
            ' ms',
            `${median(added).toFixed(1)} ms (p95 ${percentile(added, 95).toFixed(1)} ms)`,
          ),
          info(
            'CPU per request: emulator direct / emulator + BFF via the BFF',
            `${perRequest(cpu.direct, cpu.directRequests).toFixed(2)} ms / ${perRequest(cpu.emulator, cpu.bffRequests).toFixed(2)} + ${perRequest(cpu.bff, cpu.bffRequests).toFixed(2)} ms (the BFF adds ${((100 * perRequest(cpu.bff, cpu.bffRequests)) / perRequest(cpu.direct, cpu.directRequests)).toFixed(0)}% of the emulator's cost)`,
          ),
          info(
            'added median latency for a 50-row page (27 kB), 1 connection',
            `${median(small.added).toFixed(1)} ms (direct ${median(small.directMs).toFixed(1)}, BFF ${median(small.bffMs).toFixed(1)} ms)`,
          ),
          info(
            'median latency direct / BFF, 1 connection',
            `${median(directMs).toFixed(1)} / ${median(bffMs).toFixed(1)} ms (${(median(bffMs) / median(directMs)).toFixed(2)}×)`,
          ),
        ],
        notes: [
          `each response ${(bytes / 1e6).toFixed(2)} MB (1,000 volumes of a 5,000-volume project); load generator, BFF and emulator share the machine's 2 cores, so the BFF's CPU is taken from the emulator's${failed ? `; ${failed} failed requests` : ''}.`,
        ],
      };
    } finally {
      await bff.stop();
      await emulator.stop();
    }
  },
};
export default bench;
