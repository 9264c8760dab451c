import express from 'express';
import { cinderRouter } from './cinder/router.js';
import { EmulatorContext, type EmulatorOptions } from './context.js';
import { requestId } from './http/request-id.js';
import { keystoneRouter } from './keystone/router.js';
import { cinderFault } from './cinder/faults.js';

/** Builds the emulator's HTTP app: Keystone under `/identity`, Cinder under `/volume`. */
export function createEmulatorApp(options: EmulatorOptions = {}): { app: express.Express; ctx: EmulatorContext } {
  const ctx = new EmulatorContext(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId);
  app.use('/identity', keystoneRouter(ctx));
  app.use('/volume', cinderRouter(ctx));
  app.use((_req, res) => {
    res.status(404).json({ message: 'The resource could not be found.', code: '404 Not Found', title: 'Not Found' });
  });
  // Malformed JSON and oversize bodies surface here; Cinder answers them with its own faults.
  app.use(
    (
      err: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      if (err.type === 'entity.too.large') return cinderFault(res, 413, 'Request is too large.');
      if (err.type === 'entity.parse.failed') return cinderFault(res, 400, 'Malformed request body');
      cinderFault(res, 500, 'The server has either erred or is incapable of performing the requested operation.');
    },
  );
  return { app, ctx };
}
