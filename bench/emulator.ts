// 7. Emulator throughput: listing and creating volumes straight at the emulator, so test and demo
// runs stay fast. No budget; reported for scale (the BFF's own figures rest on it).
import { keystoneToken } from './lib/clients.js';
import { load, type LoadResult } from './lib/load.js';
import { info } from './lib/report.js';
import { startEmulator } from './lib/stack.js';
import { median, spread } from './lib/stats.js';
import type { Bench } from './run.js';

const RUNS = 3;
const SECONDS = 3;
const CONNECTIONS = 10;

const bench: Bench = {
  title: '7. Emulator throughput',
  async run() {
    // The large scenario: 5,000 volumes in project demo, quotas lifted so creates never hit them.
    const emulator = await startEmulator({ scenario: 'large', volumes: 5000, timeScale: 1 });
    try {
      const cloud = await keystoneToken(emulator.authUrl, 'demo');
      const headers = {
        'X-Auth-Token': cloud.token,
        'OpenStack-API-Version': 'volume 3.60',
        'Content-Type': 'application/json',
      };
      let n = 0;
      const cases: Array<[string, Parameters<typeof load>[0]]> = [
        [
          'list: GET volumes/detail?limit=20 (a page of 20 of 5,000)',
          { url: `${cloud.cinderUrl}/volumes/detail?limit=20`, connections: CONNECTIONS, seconds: SECONDS, headers },
        ],
        [
          'list: GET volumes/detail?limit=1000',
          { url: `${cloud.cinderUrl}/volumes/detail?limit=1000`, connections: CONNECTIONS, seconds: SECONDS, headers },
        ],
        [
          'create: POST volumes (1 GiB, blank)',
          {
            url: `${cloud.cinderUrl}/volumes`,
            method: 'POST',
            connections: CONNECTIONS,
            seconds: SECONDS,
            headers,
            body: () => JSON.stringify({ volume: { size: 1, name: `bench-${++n}` } }),
          },
        ],
      ];
      const rows = [];
      const notes: string[] = [];
      for (const [measure, options] of cases) {
        const runs: LoadResult[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await load(options));
        const failed = runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
        if (failed) notes.push(`${measure}: ${failed} failed requests`);
        rows.push(
          info(
            `${measure}, ${CONNECTIONS} connections`,
            `${spread(
              runs.map((r) => r.rps),
              0,
            )} req/s, p50 ${median(runs.map((r) => r.p50)).toFixed(0)} ms`,
          ),
        );
      }
      notes.push(`${n} volumes created during the create runs (the project grew from 5,000 to ${5000 + n}).`);
      return { rows, notes };
    } finally {
      await emulator.stop();
    }
  },
};
export default bench;
