import { request, type APIRequestContext } from '@playwright/test';
import { keystonePasswordAuth } from '@cinder-console/cinder';

/** The emulator behind the console under test (scripts/e2e.mjs picks its port). */
const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 5151}`;

/** A request context that speaks to the emulator's control API with an admin's token, as it asks. */
async function controlApi(): Promise<APIRequestContext> {
  const auth = keystonePasswordAuth({ name: 'admin', password: 'admin' }, { name: 'admin' });
  const keystone = await request.newContext({ baseURL: emulatorUrl });
  const issued = await keystone.post('/identity/v3/auth/tokens', { data: { auth } });
  const token = issued.headers()['x-subject-token'];
  await keystone.dispose();
  if (!token) throw new Error(`admin token: ${issued.status()}`);
  return request.newContext({ baseURL: emulatorUrl, extraHTTPHeaders: { 'X-Auth-Token': token } });
}

/**
 * Makes the next run of a Cinder operation end in `error`, with a user message, through the
 * emulator's control API. For failures a user would meet.
 */
export async function failNext(operation: string): Promise<void> {
  const control = await controlApi();
  const armed = await control.post('/emulator/control/faults', { data: { failNext: { operation, count: 1 } } });
  if (!armed.ok()) throw new Error(`arming ${operation}: ${armed.status()} ${await armed.text()}`);
  await control.dispose();
}

/**
 * Keeps `operation` on the resource called `name` in its transitional status (Creating, Extending,
 * Backing up…) once it comes due, until the returned function releases it. A test that asserts a
 * transitional status holds it, so what it sees never depends on the speed of the machine.
 */
export async function holdOperation(operation: string, name: string): Promise<() => Promise<void>> {
  const control = await controlApi();
  const held = await control.post('/emulator/control/holds', { data: { operation, name } });
  if (!held.ok()) throw new Error(`holding ${operation}: ${held.status()} ${await held.text()}`);
  const { id } = (await held.json()) as { id: number };
  return async () => {
    const released = await control.delete(`/emulator/control/holds/${id}`);
    await control.dispose();
    if (!released.ok()) throw new Error(`releasing ${operation}: ${released.status()}`);
  };
}
