import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createApp, type AppDeps } from './app.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { installUpstreamAgents, upstreamAgents } from './tls.js';

/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;

/**
 * Answers a request Node's HTTP parser refuses (bare LF, a header with CR/LF, an oversized head)
 * in the error envelope too, rather than Node's default of a bare 400 with no body.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: {
      status,
      code: tooLarge ? 'headersTooLarge' : 'malformedRequest',
      message: tooLarge ? 'The request headers are too large.' : 'The request is not valid HTTP/1.1.',
      requestId: `req-${randomUUID()}`,
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

export interface RunningBff {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on `config.HOST:config.PORT` (port 0 picks a free one). First installs the upstream
 * agents for OS_CACERT / OS_INSECURE as the process's default, so that every upstream call, including
 * those made by modules that are not handed the configuration, trusts the cloud the same way.
 */
export async function startBff(config: Config, deps: AppDeps = {}): Promise<RunningBff> {
  installUpstreamAgents(upstreamAgents(config));
  if (config.OS_INSECURE) {
    (deps.logger ?? createLogger(config.LOG_LEVEL)).warn(
      'OS_INSECURE is set: TLS certificates of Keystone, Cinder and Glance are NOT verified. Use it for testing only.',
    );
  }
  const { app, store, relay, audit } = createApp(config, deps);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.on('clientError', answerMalformedRequest);
  // Node closes idle keep-alive connections after 5 s, which races a client or load balancer that
  // reuses one at that moment: its request meets a reset (seen under load as ECONNRESET, at a
  // balancer as a 502). Outlasting the usual idle timeouts (60 s) lets the client close first.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const { port } = server.address() as AddressInfo;
  const host = ['0.0.0.0', '::'].includes(config.HOST) ? 'localhost' : config.HOST;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      // Leases are released first, so another replica takes over polling at once.
      await relay.closeAll();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await store.close();
      await audit.close?.();
    },
  };
}
