import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app.js';
import type { Config } from './config.js';

export interface RunningBff {
  url: string;
  close(): Promise<void>;
}

/** Listens on `config.HOST:config.PORT` (port 0 picks a free one). */
export async function startBff(config: Config, deps: AppDeps = {}): Promise<RunningBff> {
  const { app, store, relay } = createApp(config, deps);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const host = ['0.0.0.0', '::'].includes(config.HOST) ? 'localhost' : config.HOST;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      relay.closeAll();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await store.close();
    },
  };
}
