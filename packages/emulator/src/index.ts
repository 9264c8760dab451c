import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createEmulatorApp } from './app.js';
import type { EmulatorContext, EmulatorOptions } from './context.js';

export { createEmulatorApp } from './app.js';
export type { EmulatorContext, EmulatorOptions } from './context.js';

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
export async function startEmulator(
  options: EmulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningEmulator> {
  const { app, ctx } = createEmulatorApp(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 5050, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  ctx.publicUrl = `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`;
  return {
    url: ctx.publicUrl,
    authUrl: `${ctx.identityUrl}/v3`,
    ctx,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
