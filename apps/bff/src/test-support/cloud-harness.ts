import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  createEmulatorApp,
  keepConnectionsLikeACloud,
  type AppOptions,
  type RunningEmulator,
} from '@cinder-console/emulator';
import type { Certificate } from '@cinder-console/test-support';
import type { AppDeps } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { startBff } from '../server.js';
import type { Harness } from './harness.js';

/**
 * The emulator with any of its options (profile, token lifetime, …), on plain http or, given a
 * certificate, on https, on a free loopback port.
 */
export async function startCloud(options: AppOptions = {}, tls?: Certificate): Promise<RunningEmulator> {
  const { app, ctx } = createEmulatorApp({ fast: true, ...options });
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, app) : http.createServer(app);
  keepConnectionsLikeACloud(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  ctx.publicUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: ctx.publicUrl,
    authUrl: `${ctx.identityUrl}/v3`,
    ctx,
    close: () =>
      new Promise((resolve) => {
        ctx.scheduler.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A BFF in front of `cloud`, configured from `env` on top of the test defaults. */
export async function startHarnessFor(
  cloud: RunningEmulator,
  env: Partial<Record<keyof Config, string>> = {},
  deps: AppDeps = {},
): Promise<Harness> {
  const config = loadConfig({ OS_AUTH_URL: cloud.authUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const bff = await startBff(config, deps);
  return {
    emulator: cloud,
    bff,
    close: async () => {
      await bff.close();
      await cloud.close();
    },
  };
}
