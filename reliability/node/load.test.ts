import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents } from '../../apps/bff/src/test-support/events.js';
import { BrowserClient } from '../../apps/bff/src/test-support/harness.js';
import { startBffProcess, type BffProcess } from '../support/bff-process.js';
import { startRecordingCloud, type RecordingCloud } from '../support/recording-cloud.js';

/**
 * A bounded load on loopback: SESSIONS signed-in users doing mixed reads, creates and deletes for
 * SECONDS against the emulator, each with a live stream open (so as many SSE listeners), through
 * one BFF process. Afterwards: no 5xx at all, every listener saw the same events, none twice, and
 * each ending in the state Cinder reports; once everybody has gone, the BFF's heap is back near
 * where it started.
 */

const SESSIONS = Number(process.env.LOAD_SESSIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/** Heap the BFF may still hold after the load: its bounded audit ring (10,000 entries) and caches. */
const HEAP_SLACK_BYTES = 32 * 1024 * 1024;
const gcPreload = fileURLToPath(new URL('../support/gc-preload.cjs', import.meta.url));

let cloud: RecordingCloud;
let bff: BffProcess;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** One figure from the BFF's Prometheus metrics. */
async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${bff.metricsUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').at(-1) ?? NaN);
}
/** The heap after a few of the preloaded collections. */
async function settledHeap(): Promise<number> {
  await sleep(3000);
  return metric('cinder_console_nodejs_heap_size_used_bytes');
}

interface Outcome {
  what: string;
  /** 0: no answer at all (the connection failed). */
  status: number;
  upstream?: string;
  error?: string;
}

describe('load: many sessions, mixed reads and writes, as many live listeners', () => {
  beforeAll(async () => {
    cloud = await startRecordingCloud();
    bff = await startBffProcess(
      {
        OS_AUTH_URL: cloud.authUrl,
        // Two hundred sign-ins from one loopback address within a minute.
        LOGIN_RATE_LIMIT: '100000',
        LOGIN_USER_RATE_LIMIT: '100000',
        LIVE_SLOW_MS: '5000',
        LOG_LEVEL: 'warn',
      },
      ['--expose-gc', '--require', gcPreload],
    );
    // An administrator gives the demo project room for the campaign, as one would on a real cloud.
    const admin = new BrowserClient(bff.url);
    expect((await admin.login('admin')).status).toBe(201);
    const demo = new BrowserClient(bff.url);
    const project = (await (await demo.login('demo')).json()).project.id;
    const raised = await admin.request(`/api/cinder/os-quota-sets/${project}`, {
      method: 'PUT',
      body: { quota_set: { volumes: -1, gigabytes: -1, snapshots: -1 } },
    });
    expect(raised.status).toBe(200);
    await admin.request('/api/session', { method: 'DELETE' });
    await demo.request('/api/session', { method: 'DELETE' });
  });

  afterAll(async () => {
    await bff?.kill();
    await cloud?.close();
  });

  it(
    `${SESSIONS} sessions for ${SECONDS} s: no 5xx, no lost or duplicated event, memory back near its baseline`,
    async () => {
      const baselineHeap = await settledHeap();

      const users: BrowserClient[] = [];
      for (let i = 0; i < SESSIONS; i++) {
        const user = new BrowserClient(bff.url);
        expect((await user.login('demo')).status).toBe(201);
        users.push(user);
      }
      const streams = await Promise.all(users.map((user) => openEvents(user)));
      await Promise.all(streams.map((stream) => stream.positioned(15_000)));

      const outcomes: Outcome[] = [];
      const created = new Set<string>();
      const deleted = new Set<string>();
      /** Sends one request, noting what came back, or that nothing did. */
      const record = async (what: string, send: Promise<Response>): Promise<Response | undefined> => {
        let response: Response;
        try {
          response = await send;
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
          outcomes.push({ what, status: 0, error: cause });
          return undefined;
        }
        const outcome: Outcome = { what, status: response.status };
        if (response.status >= 400) outcome.upstream = (await response.clone().json()).error?.upstream;
        outcomes.push(outcome);
        return response;
      };
      const end = Date.now() + SECONDS * 1000;
      /** Requests each session saw answered (or fail): how much load the machine let it make. */
      const answered = new Array<number>(SESSIONS).fill(0);
      const act = async (user: BrowserClient, index: number) => {
        const mine: string[] = [];
        let n = 0;
        while (Date.now() < end) {
          const roll = Math.random();
          if (roll < 0.25) {
            const response = await record(
              'create',
              user.request('/api/cinder/volumes', {
                method: 'POST',
                body: { volume: { size: 1, name: `load-${index}-${n++}` } },
              }),
            );
            if (response?.status === 202) {
              const id = (await response.json()).volume.id;
              created.add(id);
              mine.push(id);
            }
          } else if (roll < 0.5 && mine.length > 0) {
            const id = mine[0]!;
            const shown = await record('show', user.request(`/api/cinder/volumes/${id}`));
            if (shown?.status === 200 && (await shown.json()).volume.status === 'available') {
              const response = await record('delete', user.request(`/api/cinder/volumes/${id}`, { method: 'DELETE' }));
              if (response?.status === 202) {
                deleted.add(id);
                mine.shift();
              }
            }
          } else {
            const target = pick([
              '/api/cinder/volumes/detail?limit=20&sort=created_at:desc',
              '/api/cinder/snapshots/detail?limit=20',
              '/api/cinder/backups/detail?limit=20',
              '/api/session',
              '/api/capabilities',
              '/api/cinder/limits',
            ]);
            await record(target, user.request(target));
          }
          answered[index]! += 1;
          await sleep(800 + Math.random() * 1200);
        }
      };
      await Promise.all(users.map((user, index) => act(user, index)));

      // Zero 5xx, from the BFF or relayed, and no request left without an answer.
      const failures = outcomes.filter((o) => o.status >= 500 || o.status === 0);
      if (failures.length > 0) console.log(bff.output().slice(-5000));
      expect(failures.length, JSON.stringify(failures.slice(0, 10))).toBe(0);
      // The load was real: every session kept sending all along. How many requests that makes is
      // the machine's speed (a busy machine answers slower, so each session sends fewer), which
      // is reported below, not judged.
      expect(Math.min(...answered)).toBeGreaterThanOrEqual(3);
      expect(created.size).toBeGreaterThan(0);
      expect(deleted.size).toBeGreaterThan(0);

      // Let the relay see the last changes settle, then compare what listeners saw with Cinder.
      const reference = users[0]!;
      const cinderState = async () => {
        const all = (await (await reference.request('/api/cinder/volumes/detail')).json()).volumes as Array<{
          id: string;
          status: string;
        }>;
        return new Map(all.map((v) => [v.id, v.status]));
      };
      const lastSeen = (stream: (typeof streams)[number]) => {
        const last = new Map<string, string>();
        for (const { event } of stream.received) last.set(event.id, 'deleted' in event ? 'deleted' : event.status);
        return last;
      };
      const consistent = async () => {
        const state = await cinderState();
        // The seeded volumes keep their own statuses; ours settle at available or gone.
        if ([...created].some((id) => ![undefined, 'available'].includes(state.get(id)))) return false;
        const seen = lastSeen(streams[0]!);
        return [...created].every((id) => seen.get(id) === (state.get(id) ?? 'deleted'));
      };
      const deadline = Date.now() + 30_000;
      while (!(await consistent()) && Date.now() < deadline) await sleep(500);
      const state = await cinderState();
      const seen = lastSeen(streams[0]!);
      const wrong = [...created].filter((id) => seen.get(id) !== (state.get(id) ?? 'deleted'));
      expect(wrong.map((id) => `${id}: saw ${seen.get(id)}, Cinder ${state.get(id) ?? 'deleted'}`)).toEqual([]);

      // Every listener got the same events in the same order, none twice, none reset.
      const ids = streams[0]!.received.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((x, y) => x - y)).toEqual(ids);
      for (const stream of streams) {
        expect(stream.ended).toBe(false);
        expect(stream.resets).toEqual([]);
        expect(stream.received.map((r) => r.id)).toEqual(ids);
      }

      // Everybody leaves: tabs closed, sessions signed out.
      for (const stream of streams) stream.close();
      await Promise.all(users.map((user) => user.request('/api/session', { method: 'DELETE' })));
      const quiet = Date.now() + 10_000;
      while ((await metric('cinder_console_sse_clients')) > 0 && Date.now() < quiet) await sleep(200);
      expect(await metric('cinder_console_sse_clients')).toBe(0);
      expect(await metric('cinder_console_live_pollers')).toBe(0);
      const afterHeap = await settledHeap();
      console.log(
        `load: ${outcomes.length} requests, ${created.size} volumes created, ${deleted.size} deleted, ` +
          `${ids.length} events to each of ${streams.length} listeners; heap ${(baselineHeap / 2 ** 20).toFixed(1)} MiB ` +
          `before, ${(afterHeap / 2 ** 20).toFixed(1)} MiB after`,
      );
      expect(afterHeap - baselineHeap).toBeLessThan(HEAP_SLACK_BYTES);
    },
    (SECONDS + 150) * 1000,
  );
});
