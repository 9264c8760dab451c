import type { LiveEvent } from '@cinder-console/cinder';
import type { BrowserClient } from './harness.js';

export interface ReceivedEvent {
  id: number;
  event: LiveEvent;
}

/** An `/api/events` stream read the way EventSource reads it, with a way to wait for an event. */
export async function openEvents(browser: BrowserClient, options: { lastEventId?: number } = {}) {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream', Cookie: browser.cookie! };
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = String(options.lastEventId);
  const response = await fetch(`${browser.baseUrl}/api/events`, { headers, signal: controller.signal });
  const received: ReceivedEvent[] = [];
  const waiters: Array<() => void> = [];
  let ended = false;
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
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) received.push({ id: Number(id), event: JSON.parse(data) as LiveEvent });
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // Aborted by close().
    }
    ended = true;
    waiters.splice(0).forEach((wake) => wake());
  })();

  return {
    response,
    received,
    get ended() {
      return ended;
    },
    /** Resolves with the first event (from the start of the stream) that `match` accepts. */
    async next(match: (event: LiveEvent) => boolean, timeoutMs = 5000): Promise<ReceivedEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((r) => match(r.event));
        if (found) return found;
        if (ended) throw new Error('event stream ended');
        if (Date.now() > deadline)
          throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => controller.abort(),
  };
}
