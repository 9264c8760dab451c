import type { IncomingMessage, ServerResponse } from 'node:http';
import { envelopeFromUpstream } from '@cinder-console/cinder';
import express, { type Request, type RequestHandler, type Response } from 'express';
import {
  createProxyMiddleware,
  debugProxyErrorsPlugin,
  fixRequestBody,
  proxyEventsPlugin,
} from 'http-proxy-middleware';
import { sendEnvelope } from '../errors.js';
import { serviceLabel, unreachable } from '../keystone/upstream-fetch.js';
import { currentSession, type LoadedSession } from '../session/middleware.js';
import { installedUpstreamAgents, type UpstreamAgents } from '../tls.js';
import { allowedResponseHeaders, keepAllowedRequestHeaders } from './headers.js';
import { refuseDeepBodies } from './body-depth.js';
import { guard } from './request-guard.js';

/** Stands for the proxy's own deadline, which destroys the request with a plain error. */
const timeoutError = Object.assign(new Error('upstream timeout'), { name: 'TimeoutError' });

/** Error bodies are read whole to translate them; past this size the rest is not needed. */
const MAX_ERROR_BODY = 64 * 1024;

export interface UpstreamProxyOptions {
  service: 'cinder' | 'glance' | 'nova';
  /** The methods forwarded; any other is answered 405 here and never reaches the service. */
  methods: readonly string[];
  /**
   * The session's endpoint for this service (project id included where the service has one), for
   * a request to `path` below it.
   */
  endpointOf: (session: LoadedSession, path: string) => string;
  /** Sets service-specific outgoing headers (the microversion, for Cinder). */
  decorate?: (req: Request, session: LoadedSession) => Record<string, string | undefined>;
  timeoutMs: number;
  /** Connection pools carrying the TLS trust (OS_CACERT, OS_INSECURE); the ones installed at boot by default. */
  agents?: UpstreamAgents;
  /** Largest request body forwarded (Cinder's own limit is 114688 bytes). */
  maxBodyBytes: number;
  /** Checks a parsed request body before it goes upstream. */
  validate?: RequestHandler;
  /** Runs last before the request goes upstream, once it is known to be acceptable. */
  prepare?: RequestHandler;
  /** Called with every upstream answer: its status and how long it took. */
  observe?: (status: number, seconds: number) => void;
  /**
   * Called when the service refuses the session's token (401): it was revoked or expired in
   * Keystone, so the session is over; the hook ends it before the refusal is relayed.
   */
  onTokenRefused?: (req: Request, res: Response, session: LoadedSession) => Promise<void>;
  /** Rewrites a successful JSON answer before the browser sees it (Cinder's links, for one). */
  rewriteJson?: (body: unknown, req: Request, session: LoadedSession) => unknown;
  /** Called with the outcome of every request that changes something (success or not). */
  onMutation?: (req: Request, session: LoadedSession, outcome: MutationOutcome) => void;
}

/** What became of a request that changes something. */
interface MutationOutcome {
  status: number;
  requestId: string;
  /** The id of what a successful create made (`{"volume": {"id": …}}`), read as the answer streams by. */
  createdId?: string;
}

/** Creation answers are small; a body beyond this is not kept for its id. */
const MAX_CREATED_BODY = 64 * 1024;

/** The id in a create's answer: its one top-level object's `id`. */
function createdIdOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const values = Object.values(body);
    const id = values.length === 1 ? (values[0] as { id?: unknown } | null)?.id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an answer whole (for the id of what a create made, or to rewrite it); reports once, also
 * when the answer is cut short (`undefined` then: a create still happened upstream and is recorded).
 */
function readWhole(upstream: IncomingMessage, limit: number, done: (text: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let reported = false;
  const report = (text: string | undefined) => {
    if (reported) return;
    reported = true;
    done(text);
  };
  upstream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  });
  upstream.on('end', () => report(size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined));
  upstream.on('error', () => report(undefined));
  upstream.on('close', () => report(undefined));
}

/** Relays a success (rewritten when asked); turns an error into the envelope with the service's message and request id. */
function relayResponse(
  service: UpstreamProxyOptions['service'],
  onMutation?: (req: IncomingMessage, outcome: MutationOutcome) => void,
  onTokenRefused?: (req: IncomingMessage, res: Response) => Promise<void>,
  rewriteJson?: (body: unknown, req: IncomingMessage) => unknown,
) {
  return (upstream: IncomingMessage, req: IncomingMessage, res: ServerResponse): void => {
    const status = upstream.statusCode ?? 502;
    const response = res as Response;
    const upstreamId = upstream.headers['x-openstack-request-id'];
    const requestId = typeof upstreamId === 'string' ? upstreamId : String(response.locals.requestId);
    const mutation = req.method !== 'GET' && req.method !== 'HEAD';
    if (status < 400) {
      const headers = allowedResponseHeaders(upstream);
      const rewrite =
        rewriteJson && req.method !== 'HEAD' && /^application\/json\b/i.test(String(headers['content-type'] ?? ''));
      if (!rewrite) {
        response.writeHead(status, headers);
        if (mutation && req.method === 'POST')
          readWhole(upstream, MAX_CREATED_BODY, (text) =>
            onMutation?.(req, { status, requestId, createdId: text === undefined ? undefined : createdIdOf(text) }),
          );
        else if (mutation) onMutation?.(req, { status, requestId });
        upstream.pipe(response);
        return;
      }
      readWhole(upstream, Infinity, (text) => {
        if (mutation) {
          const createdId = req.method === 'POST' && text !== undefined ? createdIdOf(text) : undefined;
          onMutation?.(req, { status, requestId, createdId });
        }
        if (text === undefined) {
          response.destroy();
          return;
        }
        let out = text;
        try {
          out = JSON.stringify(rewriteJson(JSON.parse(text), req));
        } catch {
          // Not JSON after all: relayed as it came.
        }
        headers['content-length'] = String(Buffer.byteLength(out));
        response.writeHead(status, headers);
        response.end(out);
      });
      return;
    }
    if (mutation) onMutation?.(req, { status, requestId });
    const chunks: Buffer[] = [];
    let size = 0;
    upstream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ERROR_BODY) chunks.push(chunk);
    });
    upstream.on('end', async () => {
      if (status === 401 && onTokenRefused) await onTokenRefused(req, response).catch(() => undefined);
      const envelope = envelopeFromUpstream({
        status,
        body: Buffer.concat(chunks).toString('utf8'),
        requestId: typeof upstreamId === 'string' ? upstreamId : undefined,
        upstream: service,
      });
      const retryAfter = upstream.headers['retry-after'];
      if (retryAfter) response.setHeader('Retry-After', retryAfter);
      sendEnvelope(response, envelope);
    });
    upstream.on('error', () => {
      if (!response.headersSent) {
        sendEnvelope(response, {
          error: {
            status: 502,
            code: 'upstreamUnavailable',
            message: `${serviceLabel(service)} closed the connection.`,
            upstream: service,
          },
        });
      } else {
        response.destroy();
      }
    });
  };
}

/**
 * Forwards `/api/<service>/*` to the session's endpoint for that service. The token is injected
 * here; only allow-listed headers pass either way; the path cannot leave the endpoint; errors,
 * time-outs and unreachable services all come back in the envelope.
 */
export function upstreamProxy(options: UpstreamProxyOptions): RequestHandler[] {
  const timedOut = new WeakSet<IncomingMessage>();
  const startedAt = new WeakMap<IncomingMessage, number>();
  // The proxy's hooks see plain Node messages; Express's request and response sit behind them.
  const sessionOf = (req: IncomingMessage) => currentSession((req as Request).res as Response)!;
  const relay = relayResponse(
    options.service,
    options.onMutation && ((req, outcome) => options.onMutation!(req as Request, sessionOf(req), outcome)),
    options.onTokenRefused && ((req, res) => options.onTokenRefused!(req as Request, res, sessionOf(req))),
    options.rewriteJson && ((body, req) => options.rewriteJson!(body, req as Request, sessionOf(req))),
  );
  const viaAgent = (agent: UpstreamAgents['http'] | UpstreamAgents['https'], secure: boolean) =>
    createProxyMiddleware({
      router: (req) => options.endpointOf(sessionOf(req), (req as Request).path),
      // http-proxy sets `rejectUnauthorized` from `secure` on each request; keep it in line with the agent.
      agent,
      secure,
      changeOrigin: true,
      selfHandleResponse: true,
      ejectPlugins: true,
      plugins: [debugProxyErrorsPlugin, proxyEventsPlugin],
      on: {
        proxyReq: (proxyReq, req) => {
          const session = sessionOf(req);
          startedAt.set(req, performance.now());
          keepAllowedRequestHeaders(proxyReq);
          proxyReq.setHeader('X-Auth-Token', session.record.token);
          proxyReq.setHeader('X-OpenStack-Request-ID', String((req as Request).res?.locals.requestId));
          for (const [name, value] of Object.entries(options.decorate?.(req as Request, session) ?? {})) {
            if (value === undefined) proxyReq.removeHeader(name);
            else proxyReq.setHeader(name, value);
          }
          proxyReq.setTimeout(options.timeoutMs, () => {
            timedOut.add(req);
            proxyReq.destroy();
          });
          // Last: writing the body sends the headers, after which none can be set.
          fixRequestBody(proxyReq, req as Request);
        },
        proxyRes: (upstream, req, res) => {
          const started = startedAt.get(req);
          if (started !== undefined)
            options.observe?.(upstream.statusCode ?? 502, (performance.now() - started) / 1000);
          relay(upstream, req, res);
        },
        error: (err, req, res) => {
          const response = res as Response;
          if (!('headersSent' in response) || response.headersSent) return;
          const timeout = timedOut.has(req);
          // The cause is worth knowing (a reset, a refused connection, a deadline); the browser gets the envelope.
          (req as Request).log?.warn(
            { upstream: options.service, code: (err as { code?: string }).code, reason: err.message, timeout },
            'upstream call failed',
          );
          // A change that timed out or lost its connection may still have happened: audit it as failed.
          if (req.method !== 'GET' && req.method !== 'HEAD') {
            options.onMutation?.(req as Request, sessionOf(req), {
              status: timeout ? 504 : 502,
              requestId: String(response.locals.requestId),
            });
          }
          sendEnvelope(response, {
            error: unreachable(options.service, timeout ? timeoutError : err, options.timeoutMs).body,
          });
        },
      },
    });
  // http-proxy uses one agent for every target, and an https agent cannot carry plain http (nor the
  // reverse), so there is a proxy per scheme; the session's endpoint picks one per request.
  const agents = options.agents ?? installedUpstreamAgents();
  const viaHttps = viaAgent(agents.https, agents.https.options.rejectUnauthorized !== false);
  const viaHttp = viaAgent(agents.http, true);
  const proxy: RequestHandler = (req, res, next) =>
    (options.endpointOf(currentSession(res)!, req.path).startsWith('https:') ? viaHttps : viaHttp)(req, res, next);
  // Bodies are read here (bounded) so the BFF can see what is asked, then written back upstream.
  const readBody = express.json({ limit: options.maxBodyBytes || 1, type: () => true });
  return [
    guard(options),
    readBody,
    refuseDeepBodies,
    ...(options.validate ? [options.validate] : []),
    ...(options.prepare ? [options.prepare] : []),
    proxy,
  ];
}
