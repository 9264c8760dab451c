import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Capabilities, FirstList, FirstPaintRequest, SessionView } from '@cinder-console/cinder';
import { FIRST_LIST_ELEMENT_ID } from '@cinder-console/cinder';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { parse as parseCookies } from 'cookie';
import { Piscina } from 'piscina';
import { upstreamFetch } from './keystone/upstream-fetch.js';
import { rewriteLinks } from './proxy/links.js';
import { chooseMicroversion } from './proxy/headers.js';
import { scriptSafeJson } from './html-escape.js';
import { inertPicture } from './first-paint-markup.js';
import type { SessionRecord } from './session/session.js';

export type Render = (request: FirstPaintRequest) => Promise<string | undefined>;

/**
 * How long the page waits for Cinder's answer before it is sent without its rows: past that, the
 * app's own shell (drawn by its code, with a loading table) tells the user more than a blank page.
 */
const ANSWER_WAIT_MS = 1500;

/**
 * The cookies the app keeps for the first paint (apps/web/src/lib/i18n, lib/time-zone-cookie.ts):
 * preferences, not secrets, so read by their plain names whatever the scheme.
 */
const LANGUAGE_COOKIE = 'cc_lang';
const TIME_ZONE_COOKIE = 'cc_tz';

/**
 * How long a page waits for its drawing, once the threads are ready. Drawing takes tens of
 * milliseconds; one that takes this long is stuck or the BFF overloaded: its thread is stopped
 * (and replaced), and the page goes without its picture, for the browser to draw.
 */
const DRAW_WAIT_MS = 2000;
/** How long threads may take to start: loading and warming up the renderer takes a second or two. */
const START_WAIT_MS = 60_000;

/** The first paint's renderer, and how to let go of its threads when the BFF stops. */
export interface FirstPaintRenderer {
  /** The renderer of the current build, once its threads are ready; undefined when the build has none. */
  current(): Promise<Render | undefined>;
  close(): Promise<void>;
}

interface RenderThreads {
  render: Render;
  close(): Promise<void>;
}

/**
 * The first paint's renderer, built beside the SPA (`<STATIC_DIR>-ssr/first-paint.js`, so
 * `apps/web/dist-ssr` for `apps/web/dist`; see vite.config.ts), run on worker threads of its own:
 * drawing a page takes tens of milliseconds of CPU, which on the BFF's own thread would hold up
 * everything else it serves meanwhile, the page's own scripts and styles first. The threads start
 * with the BFF, and again when a build in place changes the file (as `index.html` is read again,
 * static.ts): until the new ones are ready the old ones draw, and pages served before any are
 * ready wait for them. Without the file (a build without it) pages are served as before: the app
 * draws them once its code has run.
 */
export function loadFirstPaint(staticDir: string, log: Logger): FirstPaintRenderer {
  const file = path.join(`${path.resolve(staticDir)}-ssr`, 'first-paint.js');
  let loadedAt: number | undefined;
  let serving: RenderThreads | undefined;
  let starting: Promise<RenderThreads | undefined> = Promise.resolve(undefined);
  const reload = () => {
    let changedAt: number;
    try {
      changedAt = statSync(file).mtimeMs;
    } catch {
      // No renderer in this build, or mid-build: keep what there is.
      return;
    }
    if (changedAt === loadedAt) return;
    loadedAt = changedAt;
    starting = startThreads(file, log).then((threads) => {
      // A later build may have been loaded meanwhile: only the latest serves.
      if (threads && loadedAt === changedAt) {
        void serving?.close();
        serving = threads;
      } else void threads?.close();
      return serving;
    });
  };
  reload();
  return {
    async current() {
      reload();
      return (serving ?? (await starting))?.render;
    },
    async close() {
      await starting;
      await serving?.close();
    },
  };
}

/**
 * As many threads as the machine has cores, two at most: each holds its own copy of the renderer
 * (about 70 MB), and pages beyond those being drawn wait their turn (bootstrap.ts bounds how
 * many). Ready once each has drawn a page (the renderer's `warmUp`); undefined when they cannot.
 */
async function startThreads(file: string, log: Logger): Promise<RenderThreads | undefined> {
  const threads = Math.min(2, availableParallelism());
  const pool = new Piscina<FirstPaintRequest | undefined, string | boolean | undefined>({
    filename: file,
    minThreads: threads,
    maxThreads: threads,
    // The renderer is plain JavaScript: none of the BFF's own flags (a TypeScript loader when run
    // from source, preloads) apply to it, and some would fail in a thread.
    execArgv: [],
    // A page that would draw without bound is stopped before it takes the BFF's memory.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  pool.on('error', (error: unknown) => log.warn({ err: error }, 'a first paint thread failed'));
  const warmUp = () => pool.run(undefined, { name: 'warmUp', signal: AbortSignal.timeout(START_WAIT_MS) });
  try {
    // One each: a thread takes one page at a time, so the pool hands them to different threads.
    const drawn = await Promise.all(Array.from({ length: threads }, warmUp));
    if (!drawn.every(Boolean)) throw new Error('the renderer drew no warm-up page');
  } catch (error) {
    log.warn({ err: error }, 'the first paint did not start; pages are drawn by the app alone');
    await pool.destroy();
    return undefined;
  }
  return {
    render: async (request) => {
      const markup = await pool.run(request, { name: 'renderFirstPaint', signal: AbortSignal.timeout(DRAW_WAIT_MS) });
      return typeof markup === 'string' ? markup : undefined;
    },
    close: () => pool.close(),
  };
}

/** What the page needs to be drawn on the server, as far as the BFF knows it. */
export interface FirstPaintInput {
  req: Request;
  record: SessionRecord;
  session: SessionView;
  capabilities: Capabilities;
  /** The list call the page makes first (`/api/cinder/...`). */
  listPath: string;
  nonce: string;
}

/**
 * The markup that goes into `<div id="root">` and the end of `<body>`: the page drawn with its
 * rows (inert: it is a picture of the page until the app takes over), and the list's answer for
 * the app to start from. Only the answer when the page cannot be drawn; nothing when Cinder did not
 * answer in time or answered an error (the app asks again, and shows that error as usual).
 */
export async function firstPaint(render: Render, input: FirstPaintInput, log: Logger | undefined) {
  // Undefined when Cinder fails or takes longer than the page waits (the call's own deadline).
  const body = await listAnswer(input).catch(() => undefined);
  if (body === undefined) return { root: '', end: '' };
  const firstList: FirstList = { path: input.listPath, body };
  const end = `<script type="application/json" id="${FIRST_LIST_ELEMENT_ID}" nonce="${input.nonce}">${scriptSafeJson(firstList)}</script>`;
  let markup: string | undefined;
  try {
    markup = await render({
      url: input.req.originalUrl,
      session: input.session,
      capabilities: input.capabilities,
      firstList,
      language: languageOf(input.req),
      timeZone: parseCookies(input.req.headers.cookie ?? '')[TIME_ZONE_COOKIE],
      nonce: input.nonce,
    });
  } catch (error) {
    log?.warn({ err: error }, 'the first paint failed; the app draws the page alone');
  }
  return { root: markup ? inertPicture(markup, input.nonce) : '', end };
}

/** The list call, as the proxy would make it for the app (proxy/routes.ts), answered in JSON. */
async function listAnswer({ req, record, listPath }: FirstPaintInput): Promise<unknown> {
  const headers: Record<string, string> = { 'X-Auth-Token': record.token, Accept: 'application/json' };
  const version = chooseMicroversion(undefined, record.volumeApi.microversion);
  if (version) headers['OpenStack-API-Version'] = version;
  const url = `${record.volumeApi.url}${listPath.replace(/^\/api\/cinder/, '')}`;
  const response = await upstreamFetch('cinder', url, { headers, timeoutMs: ANSWER_WAIT_MS });
  return rewriteLinks(await response.json(), record.project.id, `${req.protocol}://${req.get('host')}/api/cinder`);
}

/** The user's language: the one chosen in the app, else the browser's first (zh → Simplified Chinese). */
function languageOf(req: Request): string {
  const chosen = parseCookies(req.headers.cookie ?? '')[LANGUAGE_COOKIE];
  if (chosen === 'en' || chosen === 'zh-CN') return chosen;
  const preferred = req.acceptsLanguages('en', 'zh-CN', 'zh', 'zh-Hans', 'zh-SG');
  return preferred && preferred !== 'en' ? 'zh-CN' : 'en';
}
