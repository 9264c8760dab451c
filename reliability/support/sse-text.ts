import type { BrowserClient } from '../../apps/bff/src/test-support/harness.js';

/**
 * An `/api/events` stream kept as raw text, for the messages the event reader of the BFF's tests
 * skips (those without an id, such as `event: health`).
 */
export async function openRawEvents(browser: BrowserClient) {
  const controller = new AbortController();
  const response = await fetch(`${browser.baseUrl}/api/events`, {
    headers: { Accept: 'text/event-stream', Cookie: browser.cookie! },
    signal: controller.signal,
  });
  let text = '';
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>)
        text += decoder.decode(chunk, { stream: true });
    } catch {
      // Aborted by close().
    }
  })();
  return {
    /** The `data` of every `event: <type>` message so far, parsed. */
    messages(type: string): unknown[] {
      return text
        .split('\n\n')
        .filter((block) => block.split('\n').includes(`event: ${type}`))
        .map((block) => JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'));
    },
    close: () => controller.abort(),
  };
}
