import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * Serves the built SPA. Hashed assets are cached for a year; `index.html` is never cached so a
 * new deploy is picked up at once. Any non-API GET falls back to `index.html` for client routing.
 */
export function spaRouter(staticDir: string): express.Router {
  const router = express.Router();
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) throw new Error(`STATIC_DIR ${staticDir} has no index.html; run \`npm run build\` first.`);
  router.use(
    '/assets',
    express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(staticDir, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api(?:\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
