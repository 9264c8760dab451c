import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorApp, type AppOptions } from './app.js';
import type { EmulatorContext } from './context.js';
import { StateFile } from './persistence.js';
import { keepConnectionsLikeACloud } from './http/keep-alive.js';

export { createEmulatorApp, type AppOptions } from './app.js';
export type { EmulatorContext, EmulatorOptions, Profile } from './context.js';
export { SCENARIOS, type Scenario } from './scenarios/index.js';
export { FAULT_OPERATIONS, type FaultOperation } from './sim/faults.js';
export { keepConnectionsLikeACloud } from './http/keep-alive.js';

export interface StartOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Keep the cloud's data in this file across restarts. */
  statePath?: string;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What `OS_AUTH_URL` should be for clients of this emulator. */
  authUrl: string;
  ctx: EmulatorContext;
  close(): Promise<void>;
}

/**
 * Starts the emulator on `host:port` (port 0 picks a free one) and resolves once it listens.
 * The catalog it hands out points back at the address it actually bound.
 */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const stateFile = options.statePath ? new StateFile(options.statePath) : undefined;
  // The context exists only once the app does, so the change hook reaches it through this holder.
  const holder: { ctx?: EmulatorContext } = {};
  const { app, ctx } = createEmulatorApp({ ...options, onChange: () => holder.ctx && stateFile?.saveSoon(holder.ctx) });
  holder.ctx = ctx;
  // A wrong or unreachable bus fails the start, as a misconfigured transport_url fails Cinder's.
  await ctx.notifications?.start();
  if (stateFile && !stateFile.load(ctx)) stateFile.saveNow(ctx);
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 5050, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  }).catch(async (error: unknown) => {
    await ctx.notifications?.stop();
    throw error;
  });
  keepConnectionsLikeACloud(server);
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  ctx.publicUrl = `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`;
  return {
    url: ctx.publicUrl,
    authUrl: `${ctx.identityUrl}/v3`,
    ctx,
    close: () =>
      new Promise((resolve) => {
        ctx.scheduler.stop();
        stateFile?.saveNow(ctx);
        server.closeAllConnections();
        server.close(() => void (ctx.notifications?.stop() ?? Promise.resolve()).then(() => resolve()));
      }),
  };
}
