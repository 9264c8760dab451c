import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEmulatorApp,
  keepConnectionsLikeACloud,
  type AppOptions,
  type EmulatorContext,
} from '@cinder-console/emulator';
import express from 'express';

interface SeenRequest {
  method: string;
  path: string;
  token: string | undefined;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface RecordingCloud {
  url: string;
  authUrl: string;
  ctx: EmulatorContext;
  /** Every request that reached the cloud, in order. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * The emulator on a free loopback port, behind a recorder of every request it receives: the
 * tests read what the BFF really sent upstream, rather than trusting what it says it sent.
 */
export async function startRecordingCloud(options: AppOptions = {}): Promise<RecordingCloud> {
  const { app: emulator, ctx } = createEmulatorApp({ fast: true, ...options });
  const requests: SeenRequest[] = [];
  const app = express();
  app.use((req, _res, next) => {
    requests.push({ method: req.method, path: req.originalUrl, token: req.get('X-Auth-Token'), at: Date.now() });
    next();
  });
  app.use(emulator);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  keepConnectionsLikeACloud(server);
  ctx.publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: ctx.publicUrl,
    authUrl: `${ctx.identityUrl}/v3`,
    ctx,
    requests,
    close: () =>
      new Promise((resolve) => {
        ctx.scheduler.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A host that no request of the console may ever reach: it stands for an attacker's server named
 * in a crafted path (`//host`, an absolute URL, a Host header). It records every hit.
 */
export async function startSentinel(): Promise<{ host: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('sentinel');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
