import { createServer, type RequestListener, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createApp, type AppDeps } from './app.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { installUpstreamAgents, upstreamAgents } from './tls.js';

/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;

/** Node's reasons for refusing a request before Express sees it, as the envelope tells them. */
const PARSER_REFUSALS: Record<string, { status: number; code: string; message: string; reason: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headersTooLarge',
    message: 'The request headers are too large.',
    reason: 'Request Header Fields Too Large',
  },
  // HEADERS_TIMEOUT_MS or REQUEST_TIMEOUT_MS passed: a client too slow to finish its request.
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'requestTimeout',
    message: 'The request did not arrive in time.',
    reason: 'Request Timeout',
  },
  default: {
    status: 400,
    code: 'malformedRequest',
    message: 'The request is not valid HTTP/1.1.',
    reason: 'Bad Request',
  },
};

/**
 * Answers a request Node's HTTP parser refuses (bare LF, a header with CR/LF, an oversized head)
 * in the error envelope too, rather than Node's default of a bare 400 with no body.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status, code, message, reason } = PARSER_REFUSALS[error.code ?? ''] ?? PARSER_REFUSALS.default!;
  const body = JSON.stringify({ error: { status, code, message, requestId: `req-${randomUUID()}` } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

export interface RunningBff {
  url: string;
  /** Where `/metrics` and `/readyz` answer: METRICS_PORT's listener, or the main one with `shared`. */
  metricsUrl: string;
  close(): Promise<void>;
}

/** How often Node looks for requests past their head or request deadline (its default is 30 s). */
const DEADLINE_CHECK_MS = 1000;

/** An HTTP server for `handler` on host:port, with Node's request deadlines set. */
async function listen(handler: RequestListener, port: number, host: string, config: Config): Promise<Server> {
  const server = createServer(
    {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout: config.HEADERS_TIMEOUT_MS,
      connectionsCheckingInterval: DEADLINE_CHECK_MS,
    },
    handler,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

function urlOf(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${['0.0.0.0', '::'].includes(host) ? 'localhost' : host}:${port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
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
  const { app, opsApp, store, relay, audit, release } = createApp(config, deps);
  const server = await listen(app, config.PORT, config.HOST, config);
  server.on('clientError', answerMalformedRequest);
  // Past this many open connections Node closes new ones at once: a bound on sockets and memory.
  server.maxConnections = config.MAX_CONNECTIONS;
  // Node closes idle keep-alive connections after 5 s, which races a client or load balancer that
  // reuses one at that moment: its request meets a reset (seen under load as ECONNRESET, at a
  // balancer as a 502). Outlasting the usual idle timeouts (60 s) lets the client close first.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  const opsServer =
    config.METRICS_PORT === 'shared'
      ? undefined
      : await listen(opsApp, config.METRICS_PORT, config.METRICS_HOST, config).catch((error: Error) => {
          server.close();
          throw new Error(`METRICS_PORT ${config.METRICS_PORT} on ${config.METRICS_HOST}: ${error.message}`);
        });
  const url = urlOf(server, config.HOST);
  return {
    url,
    metricsUrl: opsServer ? urlOf(opsServer, config.METRICS_HOST) : url,
    close: async () => {
      // Leases are released first, so another replica takes over polling at once.
      await relay.closeAll();
      await closeServer(server);
      if (opsServer) await closeServer(opsServer);
      await store.close();
      await audit.close?.();
      await release();
    },
  };
}
