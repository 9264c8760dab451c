import { request, type APIRequestContext } from '@playwright/test';
import { keystonePasswordAuth } from '@cinder-console/cinder';

/** The emulator behind the console under test (scripts/test-reliability.mjs picks its port). */
const emulatorUrl = `http://127.0.0.1:${process.env.RELIABILITY_EMULATOR_PORT ?? 5252}`;

type Fault =
  | { failNext: { operation: string; count?: number } }
  | { http: { path: string; method?: string; delayMs?: number; status?: number; drop?: boolean; count?: number } }
  | { keystoneDown: boolean }
  | { revokeTokensOf: { user: string } };

/** A cloud admin's token, kept: the control API still takes it while Keystone is down. */
let adminToken: string | undefined;

async function tokenFor(context: APIRequestContext): Promise<string> {
  if (!adminToken) {
    const auth = keystonePasswordAuth({ name: 'admin', password: 'admin' }, { name: 'admin' });
    const issued = await context.post('/identity/v3/auth/tokens', { data: { auth } });
    adminToken = issued.headers()['x-subject-token'];
    if (!adminToken) throw new Error(`admin token: ${issued.status()}`);
  }
  return adminToken;
}

/** The emulator's control API (packages/emulator/src/control), with a cloud admin's token as it asks. */
async function control<T>(use: (context: APIRequestContext, token: string) => Promise<T>): Promise<T> {
  const context = await request.newContext({ baseURL: emulatorUrl });
  try {
    return await use(context, await tokenFor(context));
  } finally {
    await context.dispose();
  }
}

/** Arms a fault in the cloud. */
export function inject(fault: Fault): Promise<void> {
  return control(async (context, token) => {
    const armed = await context.post('/emulator/control/faults', { data: fault, headers: { 'X-Auth-Token': token } });
    if (!armed.ok()) throw new Error(`arming ${JSON.stringify(fault)}: ${armed.status()} ${await armed.text()}`);
  });
}

/** Every fault disarmed: the cloud is healthy again. */
export function heal(): Promise<void> {
  return control(async (context, token) => {
    const cleared = await context.delete('/emulator/control/faults', { headers: { 'X-Auth-Token': token } });
    if (!cleared.ok()) throw new Error(`clearing faults: ${cleared.status()}`);
  });
}
