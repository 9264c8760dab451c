import { get } from './client.js';

/** How often to poll: the fast emulator settles in milliseconds, a real cloud in seconds (and logs every poll). */
export const POLL_MS = process.env.CONTRACT_TARGET === 'real' ? 500 : 25;

/**
 * Polls `url` (a Cinder show URL) until the resource reaches one of `statuses`, or is gone when
 * `statuses` includes `'deleted'`. Fails with the statuses seen when it times out, or at once when
 * the resource is gone and `'deleted'` is not among them.
 */
export async function waitForStatus(
  url: string,
  token: string,
  statuses: string[],
  options: { timeoutMs?: number; intervalMs?: number; microversion?: string } = {},
): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const seen: string[] = [];
  for (;;) {
    const response = await get(url, token, options.microversion);
    if (response.status === 404) {
      if (statuses.includes('deleted')) return undefined;
      // Gone resources reach no status: say so now rather than poll a 404 until the deadline.
      throw new Error(
        `${url} is gone (404) while waiting for ${statuses.join('|')}; saw ${seen.join(' → ') || 'nothing'}`,
      );
    }
    const body = (await response.json()) as Record<string, Record<string, unknown>>;
    const resource = Object.values(body)[0]!;
    const status = String(resource.status);
    if (seen.at(-1) !== status) seen.push(status);
    if (statuses.includes(status)) return resource;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${statuses.join('|')} at ${url}; saw ${seen.join(' → ')}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? POLL_MS));
  }
}
