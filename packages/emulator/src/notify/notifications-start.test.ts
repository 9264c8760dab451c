import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';

/** A loopback port nobody listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the emulator with --notifications-url', () => {
  it('refuses a URL that is not a rabbit:// transport URL, without repeating its password', async () => {
    const refused = startEmulator({ port: 0, notificationsUrl: 'amqp://guest:s3cret@127.0.0.1:5672/' });
    await expect(refused).rejects.toThrow(/must be a rabbit:\/\/ transport URL/);
    await expect(refused).rejects.not.toThrow(/s3cret/);
  });

  it('does not start when no broker answers there, as Cinder with a wrong transport_url', async () => {
    const port = await closedPort();
    await expect(
      startEmulator({ port: 0, notificationsUrl: `rabbit://guest:guest@127.0.0.1:${port}/` }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
