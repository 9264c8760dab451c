import type { LiveEvent } from '@cinder-console/cinder';
import express from 'express';
import { z } from 'zod';
import { HttpError, validationError } from '../errors.js';
import { currentSession, requireSession } from '../session/middleware.js';
import type { LiveRelay } from './relay.js';
import { isAdmin, scopeOf } from './scope.js';
import type { WatchedSessionStore } from './session-watch.js';
import { StreamSession } from './stream-session.js';

const HEARTBEAT_MS = 15_000;

const querySchema = z.strictObject({
  /** An admin's "All projects" pages: every project's changes, from one poller for the whole cloud. */
  allProjects: z.enum(['1', 'true', '0', 'false']).optional(),
  /** The tab's cloud, which an EventSource cannot send as a header (CloudDirectory.select reads it). */
  cloud: z.string().max(40).optional(),
});

export interface EventsOptions {
  idleMs: number;
  /** Open streams one session may hold (each browser tab holds one). */
  maxStreamsPerSession: number;
}

/**
 * `GET /api/events`: server-sent events of the session's project (or, for an admin with
 * `?allProjects=1`, of every project). Each event carries an id, per scope, and a new stream gets
 * its starting position at once; a browser that reconnects sends `Last-Event-ID` and gets what it
 * missed from the relay's history, or `event: reset` when that is no longer known (the BFF
 * restarted without Redis, or the gap outgrew the history), upon which it refetches. The stream
 * ends when the session does, or switches project.
 */
export function eventsRouter(relay: LiveRelay, store: WatchedSessionStore, options: EventsOptions): express.Router {
  const router = express.Router();
  const open = new Map<string, number>();
  router.get('/', requireSession, (req, res) => {
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) throw validationError(parsed.error);
    const allProjects = parsed.data.allProjects === '1' || parsed.data.allProjects === 'true';
    const { id: sessionId, record } = currentSession(res)!;
    if (allProjects && !isAdmin(record)) {
      throw new HttpError(403, 'forbidden', 'Only administrators can follow every project.');
    }
    const count = open.get(sessionId) ?? 0;
    if (count >= options.maxStreamsPerSession) {
      throw new HttpError(
        429,
        'tooManyStreams',
        `This session already has ${count} live streams open. Close some tabs of the console.`,
      );
    }
    open.set(sessionId, count + 1);
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
    const end = () => {
      if (!closed) res.end();
    };
    const binding = new StreamSession(store, sessionId, scopeOf(record, allProjects), allProjects, options.idleMs, end);
    // Every push waits for its session check; the chain keeps pushes in order.
    let pushes = Promise.resolve();
    const push = (chunk: string) => {
      pushes = pushes.then(async () => {
        if (!closed && (await binding.current())) res.write(chunk);
      });
    };
    const change = (id: number, event: LiveEvent) => `id: ${id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`;
    const unsubscribe = relay.subscribe(
      record,
      {
        send: (id, event) => push(change(id, event)),
        // The SPA refetches everything: the events it missed are not all known any more.
        reset: (id) => push(`id: ${id}\nevent: reset\ndata: {}\n\n`),
        // An id without data moves EventSource's Last-Event-ID and dispatches nothing.
        mark: (id) => push(`id: ${id}\n\n`),
        // No id: the state of Cinder is not an event to resume from, and is told again on reconnect.
        health: (problem) =>
          push(
            `event: health\ndata: ${JSON.stringify(problem ? { cinder: 'failing', problem } : { cinder: 'ok' })}\n\n`,
          ),
        session: () => binding.current(),
        revoked: () => binding.revoke(),
        close: end,
      },
      lastEventId,
      allProjects,
    );
    req.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      binding.stop();
      unsubscribe();
      const left = (open.get(sessionId) ?? 1) - 1;
      if (left > 0) open.set(sessionId, left);
      else open.delete(sessionId);
    });
  });
  return router;
}
