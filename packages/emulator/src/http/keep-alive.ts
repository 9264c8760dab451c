import type { Server } from 'node:http';

/**
 * Keeps idle connections open as a cloud does. Clouds sit behind a load balancer or Apache that
 * keeps them for about a minute; Node's 5 s default would close a socket just as a client (the
 * BFF keeps its own idle sockets 4 s) sends on it. On a starved machine the two timers cross and
 * requests are reset, many at once (seen as 502s in the reliability suite's load test, whose
 * emulator shares its process with the load it serves).
 */
export function keepConnectionsLikeACloud(server: Server): void {
  server.keepAliveTimeout = 65_000;
}
