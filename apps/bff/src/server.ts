import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { installUpstreamAgents, upstreamAgents } from './tls.js';

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
