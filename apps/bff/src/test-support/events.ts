import type { LiveEvent } from '@cinder-console/cinder';
import type { BrowserClient } from './harness.js';

export interface ReceivedEvent {
  id: number;
  event: LiveEvent;
}

/** An `/api/events` stream read the way EventSource reads it, with a way to wait for an event. */
export async function openEvents(
  browser: BrowserClient,
  options: { lastEventId?: number | string; allProjects?: boolean } = {},
) {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream', Cookie: browser.cookie! };
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = String(options.lastEventId);
  const query = options.allProjects ? '?allProjects=1' : '';
  const response = await fetch(`${browser.baseUrl}/api/events${query}`, { headers, signal: controller.signal });
  const received: ReceivedEvent[] = [];
  /** Ids of `event: reset` messages: the SPA refetches everything on each. */
  const resets: number[] = [];
  /** `event: health` messages: what the SPA would show about Cinder. */
  const health: Array<{ cinder: 'ok' | 'failing'; problem?: string }> = [];
  const waiters: Array<() => void> = [];
  let ended = false;
  /** What EventSource would send as `Last-Event-ID` on a reconnect: the last `id:` line seen. */
  let lastId: number | undefined;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id) lastId = Number(id);
          if (type === 'health' && data) health.push(JSON.parse(data) as (typeof health)[number]);
          else if (id && type === 'reset') resets.push(Number(id));
          else if (id && data) received.push({ id: Number(id), event: JSON.parse(data) as LiveEvent });
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // Aborted by close().
    }
    ended = true;
    waiters.splice(0).forEach((wake) => wake());
  })();

  const waitFor = async (ready: () => boolean, what: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (ended) throw new Error(`event stream ended before ${what}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };

  return {
    response,
    received,
    resets,
    health,
    get ended() {
      return ended;
    },
    get lastId() {
      return lastId;
    },
    /** Resolves once the stream has given its position (its first `id:` line). */
    positioned: (timeoutMs = 5000) => waitFor(() => lastId !== undefined, 'position', timeoutMs),
    /** Resolves once the BFF has ended the stream. */
    end: (timeoutMs = 5000) => waitFor(() => ended, 'end of the stream', timeoutMs),
    /** Resolves once a reset has arrived. */
    reset: (timeoutMs = 5000) => waitFor(() => resets.length > 0, 'reset', timeoutMs),
    /** Resolves with the first event (from the start of the stream) that `match` accepts. */
    async next(match: (event: LiveEvent) => boolean, timeoutMs = 5000): Promise<ReceivedEvent> {
      await waitFor(() => received.some((r) => match(r.event)), 'matching event', timeoutMs);
      return received.find((r) => match(r.event))!;
    },
    close: () => controller.abort(),
  };
}
