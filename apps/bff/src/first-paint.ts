import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Capabilities, FirstList, FirstPaintRequest, SessionView } from '@cinder-console/cinder';
import { FIRST_LIST_ELEMENT_ID } from '@cinder-console/cinder';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { parse as parseCookies } from 'cookie';
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
 * The first paint's renderer, built beside the SPA (`<STATIC_DIR>-ssr/first-paint.js`, so
 * `apps/web/dist-ssr` for `apps/web/dist`; see vite.config.ts). It starts loading at once, and again
 * when a build in place changes it (as `index.html` is read again, static.ts); pages served
 * meanwhile wait for it. Without the file (a build without it) pages are served as before: the app
 * draws them once its code has run.
 */
export function loadFirstPaint(staticDir: string, log: Logger): () => Promise<Render | undefined> {
  const file = path.join(`${path.resolve(staticDir)}-ssr`, 'first-paint.js');
  let loadedAt: number | undefined;
  let loading: Promise<Render | undefined> = Promise.resolve(undefined);
  const load = () => {
    let changedAt: number | undefined;
    try {
      changedAt = statSync(file).mtimeMs;
    } catch {
      // No renderer in this build, or mid-build: keep what there is.
      return loading;
    }
    if (changedAt === loadedAt) return loading;
    loadedAt = changedAt;
    loading = import(`${pathToFileURL(file).href}?built=${changedAt}`).then(
      (module: { renderFirstPaint: Render }) => module.renderFirstPaint,
      (error: unknown) => {
        log.warn({ err: error }, 'the first paint did not load; pages are drawn by the app alone');
        return undefined;
      },
    );
    return loading;
  };
  load();
  return load;
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
