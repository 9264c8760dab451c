// 8. Outside changes: a volume renamed straight at the cloud (as the `openstack` CLI would), with
// nothing in motion, so the relay runs at its idle pace and gets no hint from the console. How long
// until the SSE event, and until the row in Chromium shows the new name; and what the relay costs
// the cloud at rest for 1, 50 and 200 clients of one project. On the emulator twice: polling only,
// then with notifications on (the emulator publishing Cinder's notifications on a RabbitMQ the
// benchmark starts, the BFF following them with OS_NOTIFICATIONS_URL). Where the real rig answers
// (deploy/openstack-dev, with RabbitMQ and Cinder's notifications on), the SSE latency is measured
// there too, with OS_NOTIFICATIONS_URL unset and set.
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { haveRabbitmq, startTestBroker } from '@cinder-console/test-support';
import { BffSession, cinder, keystoneToken, type CloudToken, type LiveChange } from './lib/clients.js';
import { APP_ROW, buildSpa, launchChromium, signedInContext } from './lib/browser.js';
import { info } from './lib/report.js';
import { startBff, startEmulator } from './lib/stack.js';
import { median, percentile, sleep } from './lib/stats.js';
import type { Bench } from './run.js';

const VOLUMES = 20;
const SAMPLES = 30;
const CLIENTS = [1, 50, 200];
const WINDOW_S = 10;
/** With notifications on, the relay's only calls at rest are the LIVE_SLOW_MS (30 s) safety net: count two rounds. */
const NOTIFIED_WINDOW_S = 60;
const RIG_AUTH_URL = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';

type Named = LiveChange & { resource?: { name?: string } };

/** Resolves with Date.now() in the page when a row shows `name` (page code as a string, as in live.ts). */
function rowShows(page: Page, name: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const shows = () => [...document.querySelectorAll('tr[data-row-id] a')].some((a) => a.textContent === ${JSON.stringify(name)});
    if (shows()) return resolve(Date.now());
    const observer = new MutationObserver(() => { if (shows()) { observer.disconnect(); resolve(Date.now()); } });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { observer.disconnect(); reject(new Error('row never showed the name')); }, 30000);
  })`);
}

/** Renames `id` SAMPLES times at random phases; the time from each rename to its SSE event (and row). */
async function renames(
  cloud: CloudToken,
  id: string,
  stream: Map<string, (at: number) => void>,
  page?: Page,
): Promise<{ sse: number[]; dom: number[] }> {
  const sse: number[] = [];
  const dom: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const name = `outside-${Date.now()}-${i}`;
    const event = new Promise<number>((resolve) => stream.set(name, resolve));
    const row = page ? rowShows(page, name) : undefined;
    row?.catch(() => undefined);
    const changed = Date.now();
    await cinder(cloud, `/volumes/${id}`, { method: 'PUT', body: { volume: { name } } });
    sse.push((await event) - changed);
    if (row) dom.push((await row) - changed);
    await sleep(300 + Math.random() * 1700);
  }
  return { sse, dom };
}

const loadAverage = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1/5/15 min) on ${cpus().length} cores`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const spread = (values: number[]) => `median ${s(median(values))}, p95 ${s(percentile(values, 95))}`;

async function listen(session: BffSession, waiting: Map<string, (at: number) => void>) {
  return session.events((event: Named, at) => {
    const name = event.resource?.name;
    if (name && waiting.has(name)) {
      waiting.get(name)!(at);
      waiting.delete(name);
    }
  });
}

async function onTheRig(rows: ReturnType<typeof info>[], notes: string[]): Promise<void> {
  const reachable = await fetch(`${RIG_AUTH_URL}/`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.ok,
    () => false,
  );
  if (!reachable) {
    notes.push(`The real rig was not reachable at ${RIG_AUTH_URL}: no figures with notifications.`);
    return;
  }
  const demo = await keystoneToken(RIG_AUTH_URL, 'demo');
  const { volume } = await cinder<{ volume: { id: string } }>(demo, '/volumes', {
    method: 'POST',
    body: { volume: { size: 1, name: 'bench-outside' } },
  });
  try {
    for (let i = 0; i < 60; i++) {
      const { volume: now } = await cinder<{ volume: { status: string } }>(demo, `/volumes/${volume.id}`);
      if (now.status !== 'creating') break;
      await sleep(500);
    }
    for (const [mode, env] of [
      ['notifications off', {}],
      ['notifications on', { OS_NOTIFICATIONS_URL: 'rabbit://guest:guest@127.0.0.1:5672/' }],
    ] as const) {
      const bff = await startBff(RIG_AUTH_URL, env);
      try {
        const session = await BffSession.signIn(bff.url);
        const waiting = new Map<string, (at: number) => void>();
        const stream = await listen(session, waiting);
        await sleep(3000);
        const { sse } = await renames(demo, volume.id, waiting);
        stream.close();
        await session.signOut();
        rows.push(info(`real rig, ${mode}: outside rename → SSE event`, spread(sse)));
      } finally {
        await bff.stop();
      }
    }
  } finally {
    await cinder(demo, `/volumes/${volume.id}`, { method: 'DELETE' }).catch(() => undefined);
  }
}

/**
 * On the emulator: renames → SSE event and → row in Chromium, then the upstream rate at rest for
 * 1, 50 and 200 clients. `notificationsUrl` set: the emulator publishes Cinder's notifications on
 * that RabbitMQ and the BFF follows them (OS_NOTIFICATIONS_URL), polling only as the safety net.
 */
async function onTheEmulator(
  rows: ReturnType<typeof info>[],
  mode: string,
  browser: Browser,
  notificationsUrl?: string,
): Promise<void> {
  const emulator = await startEmulator({
    scenario: 'large',
    volumes: VOLUMES,
    ...(notificationsUrl ? { notificationsUrl } : {}),
  });
  const bff = await startBff(emulator.authUrl, {
    STATIC_DIR: buildSpa(),
    ...(notificationsUrl ? { OS_NOTIFICATIONS_URL: notificationsUrl } : {}),
  });
  try {
    const demo = await keystoneToken(emulator.authUrl, 'demo');
    const { volumes } = await cinder<{ volumes: Array<{ id: string }> }>(demo, `/volumes?limit=${VOLUMES}`);
    const session = await BffSession.signIn(bff.url);
    const waiting = new Map<string, (at: number) => void>();
    const stream = await listen(session, waiting);
    const context = await signedInContext(browser, await BffSession.signIn(bff.url));
    const page = await context.newPage();
    await page.goto(`${bff.url}/volumes`);
    await page.locator(APP_ROW).first().waitFor();
    await sleep(2000);
    const { sse, dom } = await renames(demo, volumes[0]!.id, waiting, page);
    rows.push(info(`emulator, ${mode}: outside rename → SSE event`, spread(sse)));
    rows.push(info(`emulator, ${mode}: outside rename → row in Chromium`, spread(dom)));
    stream.close();
    await context.close();

    for (const n of CLIENTS) {
      const sessions = await BffSession.signInMany(bff.url, n);
      const streams = await Promise.all(sessions.map((client) => client.events(() => undefined)));
      await sleep(3000);
      await emulator.stats(true);
      await sleep((notificationsUrl ? NOTIFIED_WINDOW_S : WINDOW_S) * 1000);
      const { seconds, counts } = await emulator.stats(true);
      streams.forEach((client) => client.close());
      await Promise.all(sessions.map((client) => client.signOut()));
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      const clients = `${n} client${n > 1 ? 's' : ''}`;
      rows.push(info(`emulator, ${mode}: ${clients} at rest: upstream req/s`, `${(total / seconds).toFixed(2)} req/s`));
      await sleep(1000);
    }
  } finally {
    await bff.stop();
    await emulator.stop();
  }
}

const bench: Bench = {
  title: '8. Outside changes',
  async run() {
    const rows: ReturnType<typeof info>[] = [];
    const notes: string[] = [
      `${SAMPLES} renames made straight at the cloud, 0.3–2 s apart (random phases), nothing in motion: the relay at its idle pace, LIVE_WATCH_MS=1000 (default). Request rates are counted by the emulator over ${WINDOW_S} s windows (${NOTIFIED_WINDOW_S} s with notifications on, whose calls at rest come every 30 s).`,
      `Load while measuring: ${loadAverage()}.`,
    ];
    const browser = await launchChromium();
    try {
      await onTheEmulator(rows, 'polling only', browser);
      if (haveRabbitmq) {
        // A RabbitMQ of the benchmark's own, on a loopback port: the emulator publishes, the BFF consumes.
        const broker = await startTestBroker();
        try {
          await onTheEmulator(rows, 'notifications on', browser, broker.url);
        } finally {
          await broker.stop();
        }
      } else {
        notes.push('rabbitmq-server is not installed: no emulator figures with notifications on.');
      }
    } finally {
      await browser.close();
    }
    notes.push(`Load after the emulator runs: ${loadAverage()}.`);
    await onTheRig(rows, notes);
    return { rows, notes };
  },
};
export default bench;
