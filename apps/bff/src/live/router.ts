import express from 'express';
import { currentSession, requireSession } from '../session/middleware.js';
import type { SessionStore } from '../session/store.js';
import type { LiveRelay } from './relay.js';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events`: server-sent events of the session's project. Each event carries an id; a
 * browser that reconnects sends `Last-Event-ID` and gets what it missed from the relay's history.
 * The stream ends when the session does.
 */
export function eventsRouter(relay: LiveRelay, store: SessionStore): express.Router {
  const router = express.Router();
  router.get('/', requireSession, (req, res) => {
    const { id: sessionId, record } = currentSession(res)!;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise hold events back in their buffers.
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const rawLast = req.get('Last-Event-ID');
    const lastEventId = rawLast && /^\d+$/.test(rawLast) ? Number(rawLast) : undefined;
    let closed = false;
    const unsubscribe = relay.subscribe(
      record,
      {
        send: (id, event) => {
          if (!closed) res.write(`id: ${id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
        },
        session: () => store.get(sessionId),
        close: () => {
          if (!closed) res.end();
        },
      },
      lastEventId,
    );
    req.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
