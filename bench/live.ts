// 2. Live latency: an operator changes a volume's status at the cloud (os-reset_status straight to
// the emulator, bypassing the console so the BFF gets no hint); how long until the SSE event
// reaches a signed-in client, and until the row in a headless Chromium shows the new status.
// The project's volumes are all in transitional statuses, as while operations run, so the relay
// polls at its fast pace (LIVE_FAST_MS, 1 s); each change flips one volume between two of them.
import type { Page } from 'playwright-core';
import { BffSession, keystoneToken, resetStatus, type LiveChange } from './lib/clients.js';
import { APP_ROW, buildSpa, launchChromium, signedInContext } from './lib/browser.js';
import { budgeted, info } from './lib/report.js';
import { startBff, startEmulator } from './lib/stack.js';
import { median, percentile, sleep } from './lib/stats.js';
import type { Bench } from './run.js';

const VOLUMES = 20;
const SAMPLES = 30;
const LABELS: Record<string, string> = { attaching: 'Attaching', detaching: 'Detaching' };

/**
 * Resolves with Date.now() in the page when row `id` first shows `label`. The page code is a
 * string: tsx's transform would add helpers to a function that do not exist in the page.
 */
function rowShows(page: Page, id: string, label: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const shows = () => document.querySelector('tr[data-row-id="${id}"]')?.textContent?.includes(${JSON.stringify(label)});
    if (shows()) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (shows()) { observer.disconnect(); resolve(Date.now()); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { observer.disconnect(); reject(new Error('row never showed the status')); }, 15000);
  })`);
}

const bench: Bench = {
  title: '2. Live latency',
  async run() {
    const emulator = await startEmulator({ scenario: 'large', volumes: VOLUMES });
    const bff = await startBff(emulator.authUrl, { STATIC_DIR: buildSpa() });
    const browser = await launchChromium();
    try {
      const demo = await keystoneToken(emulator.authUrl, 'demo');
      const admin = await keystoneToken(emulator.authUrl, 'admin');
      const { volumes } = await (
        await fetch(`${demo.cinderUrl}/volumes?limit=${VOLUMES}`, { headers: { 'X-Auth-Token': demo.token } })
      ).json();
      const ids = (volumes as Array<{ id: string }>).map((v) => v.id);
      const status = new Map(ids.map((id) => [id, 'attaching']));
      for (const id of ids) await resetStatus(admin, id, 'attaching');

      const session = await BffSession.signIn(bff.url);
      const waiting = new Map<string, (at: number) => void>();
      const stream = await session.events((event: LiveChange, at) => {
        const key = `${event.id}:${event.status}`;
        waiting.get(key)?.(at);
        waiting.delete(key);
      });
      const context = await signedInContext(browser, await BffSession.signIn(bff.url));
      const page = await context.newPage();
      await page.goto(`${bff.url}/volumes`);
      await page.locator(APP_ROW).first().waitFor();
      await sleep(2000);

      const sse: number[] = [];
      const dom: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const id = ids[i % ids.length]!;
        const next = status.get(id) === 'attaching' ? 'detaching' : 'attaching';
        status.set(id, next);
        const event = new Promise<number>((resolve) => waiting.set(`${id}:${next}`, resolve));
        const row = rowShows(page, id, LABELS[next]!);
        row.catch(() => undefined);
        const changed = Date.now();
        await resetStatus(admin, id, next);
        sse.push((await event) - changed);
        dom.push((await row) - changed);
        // A random pause, so changes land at every phase of the relay's poll cycle.
        await sleep(300 + Math.random() * 1200);
      }
      stream.close();
      await context.close();
      const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
      return {
        rows: [
          budgeted('upstream change → SSE event, median', median(sse) / 1000, '≤', 1, ' s', s(median(sse))),
          budgeted(
            'upstream change → SSE event, p95',
            percentile(sse, 95) / 1000,
            '≤',
            1.5,
            ' s',
            s(percentile(sse, 95)),
          ),
          budgeted(
            'upstream change → row in Chromium, p95',
            percentile(dom, 95) / 1000,
            '≤',
            2,
            ' s',
            `${s(percentile(dom, 95))} (median ${s(median(dom))})`,
          ),
          info(
            'for scale: a 2.5 s poll (Horizon) waits 1.25 s on median, a 10 s refetch (Skyline) 5 s',
            `median SSE ${(median(sse) / 1250).toFixed(2)}× Horizon's, ${(median(sse) / 5000).toFixed(2)}× Skyline's`,
          ),
        ],
        notes: [
          `${SAMPLES} changes, ${VOLUMES} volumes in transition, LIVE_FAST_MS=1000 (default); the relay sees a change at its next poll, so latency ≈ a uniform 0–1 s wait plus one list call.`,
        ],
      };
    } finally {
      await browser.close();
      await bff.stop();
      await emulator.stop();
    }
  },
};
export default bench;
