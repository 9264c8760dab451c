import { request } from '@playwright/test';

/** The emulator behind the console under test (scripts/e2e.mjs picks its port). */
const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 5151}`;

/**
 * Makes the next run of a Cinder operation end in `error`, with a user message, through the
 * emulator's control API (an admin's token, as the emulator asks). For failures a user would meet.
 */
export async function failNext(operation: string): Promise<void> {
  const context = await request.newContext({ baseURL: emulatorUrl });
  const auth = {
    identity: {
      methods: ['password'],
      password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } },
    },
    scope: { project: { name: 'admin', domain: { name: 'Default' } } },
  };
  const issued = await context.post('/identity/v3/auth/tokens', { data: { auth } });
  const token = issued.headers()['x-subject-token'];
  if (!token) throw new Error(`admin token: ${issued.status()}`);
  const armed = await context.post('/emulator/control/faults', {
    data: { failNext: { operation, count: 1 } },
    headers: { 'X-Auth-Token': token },
  });
  if (!armed.ok()) throw new Error(`arming ${operation}: ${armed.status()} ${await armed.text()}`);
  await context.dispose();
}
