// The scripts' copy of packages/test-support/src/free-port.ts: plain Node, usable before anything is built.
import { createServer } from 'node:net';

/** A loopback port the OS says is free right now, for servers that must be told their port up front. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
