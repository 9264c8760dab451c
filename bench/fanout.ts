// 3. Upstream load under fan-out: N signed-in browser-like clients (each its own session and
// event stream) on one project whose 20 volumes are in transition; how many requests per second
// reach the cloud, counted by the emulator itself. A volume changes every 2 s, so the relay keeps
// its fast pace and every client has events to receive.
import { BffSession, keystoneToken, resetStatus } from './lib/clients.js';
import { budgeted, info } from './lib/report.js';
import { startBff, startEmulator } from './lib/stack.js';
import { sleep } from './lib/stats.js';
import type { Bench } from './run.js';

const VOLUMES = 20;
const CLIENTS = [1, 10, 50, 200];
const WINDOW_S = 10;
/** Horizon polls each row in transition every 2.5 s from each tab (before its back-off grows). */
const HORIZON_PER_ROW_S = 2.5;

const bench: Bench = {
  title: '3. Upstream load under fan-out',
  async run() {
    const emulator = await startEmulator({ scenario: 'large', volumes: VOLUMES });
    const bff = await startBff(emulator.authUrl);
    let driving = true;
    try {
      const demo = await keystoneToken(emulator.authUrl, 'demo');
      const admin = await keystoneToken(emulator.authUrl, 'admin');
      const { volumes } = await (
        await fetch(`${demo.cinderUrl}/volumes?limit=${VOLUMES}`, { headers: { 'X-Auth-Token': demo.token } })
      ).json();
      const ids = (volumes as Array<{ id: string }>).map((v) => v.id);
      for (const id of ids) await resetStatus(admin, id, 'attaching');
      // The operator's changes: one volume flips between two transitional statuses every 2 s.
      const driver = (async () => {
        for (let i = 0; driving; i++) {
          await resetStatus(admin, ids[i % ids.length]!, i % (2 * ids.length) < ids.length ? 'detaching' : 'attaching');
          await sleep(2000);
        }
      })();

      const rows = [];
      const curve: string[] = [];
      let at50 = NaN;
      for (const n of CLIENTS) {
        const sessions = await BffSession.signInMany(bff.url, n);
        const received = new Array<number>(n).fill(0);
        const streams = await Promise.all(sessions.map((s, i) => s.events(() => received[i]!++)));
        await sleep(3000);
        await emulator.stats(true);
        await sleep(WINDOW_S * 1000);
        const { seconds, counts } = await emulator.stats(true);
        streams.forEach((s) => s.close());
        await Promise.all(sessions.map((s) => s.signOut()));
        // The driver's own resets are not the console's load.
        const upstream = Object.entries(counts)
          .filter(([route]) => !route.endsWith('/action'))
          .reduce((sum, [, count]) => sum + count, 0);
        const rps = upstream / seconds;
        const reached = received.filter((count) => count > 0).length;
        const perTab = (n * VOLUMES) / HORIZON_PER_ROW_S;
        if (n === 50) at50 = rps;
        curve.push(`${n}: ${rps.toFixed(2)}`);
        rows.push(
          info(
            `${n} client${n > 1 ? 's' : ''}: upstream req/s`,
            `${rps.toFixed(2)} req/s (${reached}/${n} clients got events; per-tab per-row polling: ${perTab.toFixed(0)} req/s)`,
          ),
        );
        await sleep(2000);
      }
      rows.unshift(
        budgeted(
          '50 clients, 20 volumes in transition: upstream req/s',
          at50,
          '≤',
          2,
          ' req/s',
          `${at50.toFixed(2)} req/s`,
        ),
      );
      driving = false;
      await driver;
      return {
        rows,
        notes: [
          `requests counted at the emulator over ${WINDOW_S} s per step after a 3 s settle, sign-ins excluded; curve (clients: req/s) ${curve.join(', ')}.`,
        ],
      };
    } finally {
      driving = false;
      await bff.stop();
      await emulator.stop();
    }
  },
};
export default bench;
