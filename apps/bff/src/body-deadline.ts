import type { RequestHandler } from 'express';
import { sendEnvelope } from './errors.js';

/**
 * Answers 408 and closes the connection when a request's body has not fully arrived within `ms`.
 * Node's own request deadline is meant for the worst case; API bodies are small (about 112 KB at
 * most), so a client still trickling one after a few seconds is holding a connection, not uploading.
 * `req.complete` is the parser's view, so this never reads (or starts the flow of) the body itself.
 */
export function bodyDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (!hasBody || req.complete) return next();
    const timer = setTimeout(() => {
      if (req.complete) return;
      req.log?.warn({ ms }, 'request body too slow');
      if (res.headersSent) {
        req.socket.destroy();
        return;
      }
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.socket.destroy());
      sendEnvelope(res, {
        error: { status: 408, code: 'bodyTimeout', message: `The request body did not arrive within ${ms} ms.` },
      });
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    res.once('close', clear);
    res.once('finish', clear);
    next();
  };
}
