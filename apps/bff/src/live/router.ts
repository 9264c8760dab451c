import express from 'express';
import { currentSession, requireSession } from '../session/middleware.js';
import type { SessionStore } from '../session/store.js';
import type { LiveRelay } from './relay.js';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events`: server-sent events of the session's project. Each event carries an id, and
 * a new stream gets its starting position at once; a browser that reconnects sends
 * `Last-Event-ID` and gets what it missed from the relay's history, or `event: reset` when that
 * is no longer known (the BFF restarted without Redis, or the gap outgrew the history), upon
 * which it refetches. The stream ends when the session does.
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
    // An id that is not one of ours is one the history cannot resume from: -1 gets a reset.
    const lastEventId = rawLast ? (/^\d+$/.test(rawLast) ? Number(rawLast) : -1) : undefined;
    let closed = false;
    const write = (chunk: string) => {
      if (!closed) res.write(chunk);
    };
    const unsubscribe = relay.subscribe(
      record,
      {
        send: (id, event) => write(`id: ${id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`),
        // The SPA refetches everything: the events it missed are not all known any more.
        reset: (id) => write(`id: ${id}\nevent: reset\ndata: {}\n\n`),
        // An id without data moves EventSource's Last-Event-ID and dispatches nothing.
        mark: (id) => write(`id: ${id}\n\n`),
        // No id: the state of Cinder is not an event to resume from, and is told again on reconnect.
        health: (problem) =>
          write(
            `event: health\ndata: ${JSON.stringify(problem ? { cinder: 'failing', problem } : { cinder: 'ok' })}\n\n`,
          ),
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
