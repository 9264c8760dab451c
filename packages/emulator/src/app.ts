import express from 'express';
import { mountCinder } from './cinder/router.js';
import { EmulatorContext, type EmulatorOptions } from './context.js';
import { controlRouter } from './control/router.js';
import { glanceRouter } from './glance/router.js';
import { injectedFaults } from './http/injected-faults.js';
import { requestId } from './http/request-id.js';
import { keystoneRouter } from './keystone/router.js';
import { novaRouter } from './nova/router.js';
import { seedScenario, type ScenarioOptions } from './scenarios/index.js';

export type AppOptions = EmulatorOptions & ScenarioOptions;

/**
 * Builds the emulator's HTTP app on one port, laid out like devstack: Keystone under `/identity`,
 * Cinder under `/volume` (other regions under `/<region>/volume`), Glance under `/image`, a Nova
 * subset under `/compute/v2.1`, and the
 * fault-injection API under `/emulator/control`.
 */
export function createEmulatorApp(options: AppOptions = {}): { app: express.Express; ctx: EmulatorContext } {
  const ctx = new EmulatorContext(options);
  seedScenario(ctx, options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId);
  app.use(injectedFaults(ctx.faults));
  app.use('/identity', keystoneRouter(ctx));
  app.use('/image', glanceRouter(ctx));
  app.use('/compute', novaRouter(ctx));
  app.use('/emulator/control', controlRouter(ctx));
  mountCinder(app, ctx);
  app.use((_req, res) => {
    res.status(404).json({ message: 'The resource could not be found.', code: '404 Not Found', title: 'Not Found' });
  });
  return { app, ctx };
}
