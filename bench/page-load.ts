// 8. Page load (issue #16): a full load of each list page in headless Chromium, from navigation to
// its rows in the DOM, cold (a fresh context: empty cache) and warm (a reload with the cache). The
// floor is measured in the same load: the document plus one list call, what no console can beat.
// With REAL_OS_AUTH_URL set (the rig: http://127.0.0.1:5000/v3, users demo/demo and admin/admin),
// the same pages also load against that cloud; with HORIZON_URL too (deploy/horizon/up.sh), each
// page's Horizon counterpart on that cloud loads in turn with it, and the console's time is given
// as a multiple of Horizon's (issue #16: at most 0.5×). The real cloud's demo project is seeded
// first (lib/rig-data.ts), so both consoles list real rows, 200 on one page too.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BffSession } from './lib/clients.js';
import { buildSpa, firstRowProbe, launchChromium, signedInContext } from './lib/browser.js';
import { HORIZON_ROW, horizonSession, withHorizonPageSize } from './lib/horizon.js';
import { info, type Row } from './lib/report.js';
import { seedRig } from './lib/rig-data.js';
import { startBff, startEmulator, type Server } from './lib/stack.js';
import { median, sleep } from './lib/stats.js';
import type { Bench } from './run.js';

const RUNS = 5;

interface PageCase {
  label: string;
  path: string;
  user: 'demo' | 'admin';
  /** What the page's list call asks for, to find it among the page's requests. */
  list: string;
  /** A row of data (not a skeleton row shown while the list loads). */
  row: string;
  /** The same list in Horizon. */
  horizonPath: string;
  /** Horizon's "Items Per Page" for this case, when not its default of 20 (the console's is in `path`). */
  horizonPageSize?: number;
}

/** A row of a resource table, or its message when the list is empty (a real cloud may have none). */
const LIST_ROW = 'tr[data-row-id], tbody td[colspan] > p';

const PAGES: PageCase[] = [
  {
    label: 'volumes',
    path: '/volumes',
    user: 'demo',
    list: '/api/cinder/volumes/detail',
    row: LIST_ROW,
    horizonPath: '/project/volumes/',
  },
  {
    label: 'snapshots',
    path: '/snapshots',
    user: 'demo',
    list: '/api/cinder/snapshots/detail',
    row: LIST_ROW,
    horizonPath: '/project/snapshots/',
  },
  {
    label: 'backups',
    path: '/backups',
    user: 'demo',
    list: '/api/cinder/backups/detail',
    row: LIST_ROW,
    horizonPath: '/project/backups/',
  },
  {
    label: 'volume types',
    path: '/volume-types',
    user: 'admin',
    list: '/api/cinder/types?',
    row: 'tbody tr',
    horizonPath: '/admin/volume_types/',
  },
  {
    label: 'volumes, 200 per page',
    path: '/volumes?size=200',
    user: 'demo',
    list: '/api/cinder/volumes/detail',
    row: LIST_ROW,
    horizonPath: '/project/volumes/',
    horizonPageSize: 200,
  },
  {
    label: 'admin volumes',
    path: '/volumes?allProjects=1',
    user: 'admin',
    list: '/api/cinder/volumes/detail',
    row: LIST_ROW,
    horizonPath: '/admin/volumes/',
  },
];

interface Load {
  rows: number;
  /** When the app's own rows were there (the same as `rows` without a first paint). */
  appRows: number;
  /** Whether the BFF drew the page with its rows (the first paint). */
  drawn: boolean;
  floor: number;
  requests: number;
  listCalls: number;
  waterfall: string[];
}

/**
 * What one load measured, read from the page's own timings once its rows are there. `list` names
 * the page's list call; without one (Horizon renders its rows into the document) the floor is the
 * document alone.
 */
async function measure(page: Page, list: string | undefined): Promise<Load> {
  let at: number | undefined;
  // Polled from here: waitForFunction would evaluate a string in the page, which its CSP forbids.
  for (let tries = 0; at === undefined && tries < 400; tries++) {
    at = (await page.evaluate('window.appRowAt')) as number | undefined;
    if (at === undefined) await sleep(25);
  }
  if (at === undefined) throw new Error(`${page.url()} showed no row within 10 s`);
  return (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const list = ${JSON.stringify(list ?? null)};
    const lists = list === null ? [] : resources.filter((r) => r.name.includes(list));
    const call = lists[0];
    const documentTime = nav.responseEnd - nav.startTime;
    // With the first paint the document carries the list's answer: the BFF made the call within it.
    const carried = document.getElementById('first-list') !== null;
    const short = (name) => name.replace(location.origin, '').replace(/-[\\w-]{8}\\.(js|css)$/, '.$1');
    return {
      rows: window.firstRowAt,
      appRows: ${at},
      drawn: carried,
      floor: list === null || carried ? documentTime : documentTime + (call ? call.responseEnd - call.startTime : NaN),
      requests: resources.length + 1,
      listCalls: lists.length + (carried ? 1 : 0),
      waterfall: [
        'document ' + nav.startTime.toFixed(0) + '–' + nav.responseEnd.toFixed(0),
        ...resources.map((r) => short(r.name) + ' ' + r.startTime.toFixed(0) + '–' + r.responseEnd.toFixed(0)),
        'rows in the DOM ' + window.firstRowAt.toFixed(0),
        ...(carried ? ["the app's rows " + (${at}).toFixed(0)] : []),
      ],
    };
  })()`)) as Load;
}

/** One page of one console (ours or Horizon) on one cloud: where it is and how to see it signed in. */
interface Target {
  where: string;
  page: PageCase;
  url: string;
  /** A fresh context (empty cache) signed in as the page's user. */
  newContext: () => Promise<BrowserContext>;
  list: string | undefined;
  row: string;
}

interface Loads {
  cold: Load[];
  warm: Load[];
}

async function probedPage(target: Target): Promise<{ context: BrowserContext; tab: Page }> {
  const context = await target.newContext();
  await context.addInitScript(firstRowProbe(target.row));
  return { context, tab: await context.newPage() };
}

/**
 * Cold and warm loads of each target, interleaved run by run, so that whatever else the machine is
 * doing weighs on every target alike (a side-by-side comparison means nothing otherwise).
 */
async function interleavedLoads(targets: Target[]): Promise<Loads[]> {
  const results = targets.map((): Loads => ({ cold: [], warm: [] }));
  for (let i = 0; i < RUNS; i++) {
    for (const [index, target] of targets.entries()) {
      const { context, tab } = await probedPage(target);
      await tab.goto(target.url);
      results[index]!.cold.push(await measure(tab, target.list));
      await context.close();
    }
  }
  const warmTabs = [];
  for (const target of targets) {
    const opened = await probedPage(target);
    await opened.tab.goto(target.url);
    await measure(opened.tab, target.list);
    warmTabs.push(opened);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const [index, target] of targets.entries()) {
      await warmTabs[index]!.tab.goto(target.url);
      results[index]!.warm.push(await measure(warmTabs[index]!.tab, target.list));
    }
  }
  for (const { context } of warmTabs) await context.close();
  return results;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

function rowsOf(target: Target, kind: 'cold' | 'warm', runs: Load[], horizon?: Load[]): Row {
  const rows = median(runs.map((r) => r.rows));
  const appRows = median(runs.map((r) => r.appRows));
  const floor = median(runs.map((r) => r.floor));
  const requests = Math.max(...runs.map((r) => r.requests));
  const listCalls = Math.max(...runs.map((r) => r.listCalls));
  const calls = target.list === undefined ? '' : `, ${listCalls} list call${listCalls === 1 ? '' : 's'}`;
  const horizonRows = horizon ? median(horizon.map((r) => r.rows)) : undefined;
  const drawn = runs.some((r) => r.drawn);
  const apps = drawn && horizonRows ? ` (the app's ${(appRows / horizonRows).toFixed(2)}×)` : '';
  const versus = horizonRows ? `; ${(rows / horizonRows).toFixed(2)}× Horizon's${apps}` : '';
  return info(
    `${target.where}: ${target.page.label}, ${kind} load → rows in the DOM (median of ${RUNS})`,
    `${ms(rows)}${drawn ? ` (the app's ${ms(appRows)})` : ''}; floor ${ms(floor)} (${(rows / floor).toFixed(1)}×); ${requests} requests${calls}${versus}`,
  );
}

/**
 * Every page on one cloud through the console's BFF and, when `horizonUrl` is given, the same page
 * through Horizon on the same cloud, interleaved.
 */
async function cloudRows(
  where: string,
  browser: Browser,
  bff: Server,
  horizonUrl?: string,
): Promise<{ rows: Row[]; waterfall: string[] }> {
  const users = ['demo', 'admin'] as const;
  const consoleContexts = Object.fromEntries(
    await Promise.all(
      users.map(async (user) => {
        const session = await BffSession.signIn(bff.url, user);
        return [user, () => signedInContext(browser, session)] as const;
      }),
    ),
  );
  const horizonContexts = horizonUrl
    ? Object.fromEntries(
        await Promise.all(users.map(async (user) => [user, await horizonSession(browser, horizonUrl, user)] as const)),
      )
    : undefined;
  const rows: Row[] = [];
  let waterfall: string[] = [];
  for (const page of PAGES) {
    const ours: Target = {
      where,
      page,
      url: `${bff.url}${page.path}`,
      newContext: consoleContexts[page.user]!,
      list: page.list,
      row: page.row,
    };
    const horizonContext = horizonContexts?.[page.user];
    const theirs: Target | undefined = horizonContext && {
      where: `${where}, Horizon`,
      page,
      url: `${horizonUrl}${page.horizonPath}`,
      newContext: page.horizonPageSize
        ? () => withHorizonPageSize(horizonContext, horizonUrl!, page.horizonPageSize!)
        : horizonContext,
      list: undefined,
      row: HORIZON_ROW,
    };
    const [loads, horizon] = await interleavedLoads(theirs ? [ours, theirs] : [ours]);
    rows.push(rowsOf(ours, 'cold', loads!.cold, horizon?.cold), rowsOf(ours, 'warm', loads!.warm, horizon?.warm));
    if (theirs && horizon) rows.push(rowsOf(theirs, 'cold', horizon.cold), rowsOf(theirs, 'warm', horizon.warm));
    if (page.path === '/volumes') waterfall = loads!.warm.at(-1)!.waterfall;
  }
  return { rows, waterfall };
}

const bench: Bench = {
  title: '9. Page load (navigation → rows in the DOM)',
  async run() {
    const staticDir = buildSpa();
    const browser = await launchChromium();
    const emulator = await startEmulator({ scenario: 'demo' });
    const bff = await startBff(emulator.authUrl, { STATIC_DIR: staticDir });
    const notes: string[] = [];
    const rows: Row[] = [];
    try {
      const local = await cloudRows('emulator', browser, bff);
      rows.push(...local.rows);
      notes.push(`one warm load of /volumes on the emulator, ms from navigation start: ${local.waterfall.join('; ')}`);
    } finally {
      await bff.stop();
      await emulator.stop();
    }
    const real = process.env.REAL_OS_AUTH_URL;
    try {
      if (real) {
        const seeded = await seedRig(real);
        notes.push(
          `real cloud data (bench/lib/rig-data.ts): the demo project holds ${seeded.volumes} volumes, ${seeded.snapshots} snapshots and ${seeded.backups} backups of this benchmark besides whatever else it has; both consoles show the same.`,
        );
        const realBff = await startBff(real, { STATIC_DIR: staticDir });
        try {
          const cloud = await cloudRows('real cloud', browser, realBff, process.env.HORIZON_URL);
          rows.push(...cloud.rows);
          notes.push(`one warm load of /volumes on the real cloud: ${cloud.waterfall.join('; ')}`);
        } finally {
          await realBff.stop();
        }
      } else {
        notes.push('no real cloud configured (REAL_OS_AUTH_URL): emulator only.');
      }
      if (real && !process.env.HORIZON_URL) notes.push('no Horizon configured (HORIZON_URL): the console alone.');
    } finally {
      await browser.close();
    }
    notes.push(
      'floor = the document plus one list call, both timed in the same load; requests = every request of the load, the document included.',
    );
    return { rows, notes };
  },
};
export default bench;
