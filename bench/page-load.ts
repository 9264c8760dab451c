// 8. Page load (issue #16): a full load of each list page in headless Chromium, from navigation to
// its rows in the DOM, cold (a fresh context: empty cache) and warm (a reload with the cache). The
// floor is measured in the same load: the document plus one list call, what no console can beat.
// With REAL_OS_AUTH_URL set (the rig: http://127.0.0.1:5000/v3, users demo/demo and admin/admin),
// the same pages also load against that cloud.
import type { Browser, Page } from 'playwright-core';
import { BffSession } from './lib/clients.js';
import { buildSpa, launchChromium, signedInContext } from './lib/browser.js';
import { info, type Row } from './lib/report.js';
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
}

/** A row of a resource table, or its message when the list is empty (a real cloud may have none). */
const LIST_ROW = 'tr[data-row-id], tbody td[colspan] > p';

const PAGES: PageCase[] = [
  { label: 'volumes', path: '/volumes', user: 'demo', list: '/api/cinder/volumes/detail', row: LIST_ROW },
  {
    label: 'snapshots',
    path: '/snapshots',
    user: 'demo',
    list: '/api/cinder/snapshots/detail',
    row: LIST_ROW,
  },
  { label: 'backups', path: '/backups', user: 'demo', list: '/api/cinder/backups/detail', row: LIST_ROW },
  { label: 'volume types', path: '/volume-types', user: 'admin', list: '/api/cinder/types?', row: 'tbody tr' },
  {
    label: 'admin volumes',
    path: '/volumes?allProjects=1',
    user: 'admin',
    list: '/api/cinder/volumes/detail',
    row: LIST_ROW,
  },
];

/** `firstRowAt`: ms after navigation start when the first row of data (`row`) appeared. */
const firstRowProbe = (row: string) => `
  new MutationObserver((_, observer) => {
    if (document.querySelector(${JSON.stringify(row)})) { window.firstRowAt = performance.now(); observer.disconnect(); }
  }).observe(document, { subtree: true, childList: true });`;

interface Load {
  rows: number;
  floor: number;
  requests: number;
  listCalls: number;
  waterfall: string[];
}

/** What one load measured, read from the page's own timings once its rows are there. */
async function measure(page: Page, list: string): Promise<Load> {
  let at: number | undefined;
  // Polled from here: waitForFunction would evaluate a string in the page, which its CSP forbids.
  for (let tries = 0; at === undefined && tries < 400; tries++) {
    at = (await page.evaluate('window.firstRowAt')) as number | undefined;
    if (at === undefined) await sleep(25);
  }
  if (at === undefined) throw new Error(`${page.url()} showed no row within 10 s`);
  return (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const lists = resources.filter((r) => r.name.includes(${JSON.stringify(list)}));
    const call = lists[0];
    const short = (name) => name.replace(location.origin, '').replace(/-[\\w-]{8}\\.(js|css)$/, '.$1');
    return {
      rows: ${at},
      floor: nav.responseEnd - nav.startTime + (call ? call.responseEnd - call.startTime : NaN),
      requests: resources.length + 1,
      listCalls: lists.length,
      waterfall: [
        'document ' + nav.startTime.toFixed(0) + '–' + nav.responseEnd.toFixed(0),
        ...resources.map((r) => short(r.name) + ' ' + r.startTime.toFixed(0) + '–' + r.responseEnd.toFixed(0)),
        'rows in the DOM ' + (${at}).toFixed(0),
      ],
    };
  })()`)) as Load;
}

async function loads(browser: Browser, base: string, sessions: Record<string, BffSession>, page: PageCase) {
  const cold: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await signedInContext(browser, sessions[page.user]!);
    await context.addInitScript(firstRowProbe(page.row));
    const tab = await context.newPage();
    await tab.goto(`${base}${page.path}`);
    cold.push(await measure(tab, page.list));
    await context.close();
  }
  const warm: Load[] = [];
  const context = await signedInContext(browser, sessions[page.user]!);
  await context.addInitScript(firstRowProbe(page.row));
  const tab = await context.newPage();
  await tab.goto(`${base}${page.path}`);
  await measure(tab, page.list);
  for (let i = 0; i < RUNS; i++) {
    await tab.goto(`${base}${page.path}`);
    warm.push(await measure(tab, page.list));
  }
  await context.close();
  return { cold, warm };
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

function rowsOf(where: string, page: PageCase, kind: 'cold' | 'warm', runs: Load[]): Row {
  const rows = median(runs.map((r) => r.rows));
  const floor = median(runs.map((r) => r.floor));
  const requests = Math.max(...runs.map((r) => r.requests));
  const listCalls = Math.max(...runs.map((r) => r.listCalls));
  return info(
    `${where}: ${page.label}, ${kind} load → rows in the DOM (median of ${RUNS})`,
    `${ms(rows)}; floor ${ms(floor)} (${(rows / floor).toFixed(1)}×); ${requests} requests, ${listCalls} list call${listCalls === 1 ? '' : 's'}`,
  );
}

async function cloudRows(where: string, browser: Browser, bff: Server): Promise<{ rows: Row[]; waterfall: string[] }> {
  const sessions = { demo: await BffSession.signIn(bff.url, 'demo'), admin: await BffSession.signIn(bff.url, 'admin') };
  const rows: Row[] = [];
  let waterfall: string[] = [];
  for (const page of PAGES) {
    const { cold, warm } = await loads(browser, bff.url, sessions, page);
    rows.push(rowsOf(where, page, 'cold', cold), rowsOf(where, page, 'warm', warm));
    if (page.path === '/volumes') waterfall = warm.at(-1)!.waterfall;
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
        const realBff = await startBff(real, { STATIC_DIR: staticDir });
        try {
          const cloud = await cloudRows('real cloud', browser, realBff);
          rows.push(...cloud.rows);
          notes.push(`one warm load of /volumes on the real cloud: ${cloud.waterfall.join('; ')}`);
        } finally {
          await realBff.stop();
        }
      } else {
        notes.push('no real cloud configured (REAL_OS_AUTH_URL): emulator only.');
      }
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
