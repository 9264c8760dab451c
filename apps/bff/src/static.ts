import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { PageExtras } from './bootstrap.js';
import { cspNonce } from './security/headers.js';

/** What the build leaves in `<meta name="csp-nonce">` for the BFF to fill in. */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** What a page carries besides the build's markup (bootstrap.ts), and what reads the session for it. */
export interface PageBootstrap {
  /** Run before the page is written: choose the request's cloud and load its session. */
  load: RequestHandler[];
  /** What the page carries besides the build's markup, given this response's CSP nonce. */
  extras(req: Request, res: Response, nonce: string): Promise<PageExtras>;
}

/**
 * Serves the built SPA. Hashed assets are cached for a year; `index.html` is never cached so a
 * new deploy is picked up at once. Any non-API GET falls back to `index.html` for client routing.
 *
 * `index.html` is kept in memory and sent with this response's CSP nonce in place of the
 * placeholder, so the styles Mantine injects match the policy sent with it. It is never served as a
 * plain file: there the placeholder would stay and every style would be refused. With a
 * `bootstrap`, the page also carries the session, capabilities and first list call (bootstrap.ts),
 * and since that is the visitor's own, no shared cache may keep it.
 */
export function spaRouter(staticDir: string, bootstrap?: PageBootstrap): express.Router {
  const router = express.Router();
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) throw new Error(`STATIC_DIR ${staticDir} has no index.html; run \`npm run build\` first.`);
  const page = cachedIndex(index);
  const sendIndex: RequestHandler = async (req, res) => {
    // Without the security headers in front (a bare spaRouter) there is no policy to match; any value does.
    const nonce = cspNonce(res) ?? randomBytes(16).toString('base64');
    const html = page().join(nonce);
    const extras = bootstrap ? await bootstrap.extras(req, res, nonce) : { head: '' };
    res.setHeader('Cache-Control', bootstrap ? 'private, no-cache' : 'no-cache');
    const document = html.replace('</head>', `${extras.head}</head>`);
    if (!extras.firstPaint) {
      res.type('html').send(document);
      return;
    }
    // Everything up to the app's root goes now, so the browser fetches the scripts and styles
    // while the BFF waits for the page's rows; the rest follows with them.
    const [before, after] = splitAtRoot(document);
    res.type('html').write(before);
    const { root, end } = await extras.firstPaint;
    res.end(root + after.replace('</body>', `${end}</body>`));
  };
  const before: RequestHandler[] = bootstrap ? bootstrap.load : [];
  router.use(
    '/assets',
    express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.get('/index.html', ...before, sendIndex);
  router.use(express.static(staticDir, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api(?:\/|$)).*/, ...before, sendIndex);
  return router;
}

/** The document up to and including `<div id="root">`, and the rest (from its closing tag). */
function splitAtRoot(document: string): [string, string] {
  const open = '<div id="root">';
  const at = document.indexOf(open);
  if (at < 0) return [document, ''];
  return [document.slice(0, at + open.length), document.slice(at + open.length)];
}

/**
 * `index.html` split at the nonce placeholder, read again only when the file changes: a build in
 * place (`npm run build` beside a running console) brings new asset names, and a stale page would
 * point at files that are gone. While the file is briefly missing mid-build, the last copy serves.
 */
function cachedIndex(file: string): () => string[] {
  let mtime = -1;
  let parts: string[] = [];
  const load = () => {
    try {
      const current = statSync(file).mtimeMs;
      if (current !== mtime) {
        parts = readFileSync(file, 'utf8').split(NONCE_PLACEHOLDER);
        mtime = current;
      }
    } catch {
      // Keep the last copy.
    }
    return parts;
  };
  load();
  return load;
}
