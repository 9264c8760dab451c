/**
 * `/emulator/control/holds`: a test keeps an operation in its transitional status for as long as it
 * needs, then lets it complete. Emulator-only (no such thing on a real cloud).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { startEmulator, type RunningEmulator } from './index.js';
import { call, uniqueName } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

describe('control API /emulator/control/holds', () => {
  let started: RunningEmulator;
  let admin: Login;
  let cinder: Cinder;
  const holds = () => `${started.url}/emulator/control/holds`;
  const hold = (body: unknown) => call('POST', holds(), admin.token, body);
  /** Longer than the fast mode's transitions many times over: a hold, not luck, keeps the status. */
  const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

  beforeAll(async () => {
    started = await startEmulator({ port: 0, fast: true });
    const target = {
      kind: 'emulator' as const,
      authUrl: started.authUrl,
      passwordOf: (u: string) => u,
      close: started.close,
    };
    admin = await login(target, 'admin');
    cinder = new Cinder(await login(target, 'demo'), admin);
  });
  afterEach(async () => {
    await call('DELETE', holds(), admin.token);
    await cinder.cleanup();
  });
  afterAll(() => started.close());

  it('is for cloud admins only and checks what it is given', async () => {
    expect((await call('GET', holds(), undefined)).status).toBe(401);
    expect((await call('POST', holds(), cinder.user.token, { operation: 'volume.create' })).status).toBe(403);
    const refused = await hold({ operation: 'volume.explode' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/operation/);
    expect((await call('DELETE', `${holds()}/999`, admin.token)).status).toBe(404);
  });

  it('keeps the named volume creating until released, and leaves other volumes alone', async () => {
    const name = uniqueName('held');
    const armed = await hold({ operation: 'volume.create', name });
    expect(armed.status).toBe(201);
    const heldId = cinder.track(
      'volumes',
      (await cinder.post('/volumes', { volume: { size: 1, name } })).body.volume.id,
    );
    // Another volume created meanwhile is not held.
    await cinder.volume(1, { name: uniqueName('free') });
    await pause();
    expect((await cinder.get(`/volumes/${heldId}`)).body.volume.status).toBe('creating');
    expect((await call('GET', holds(), admin.token)).body.holds).toEqual([
      { id: armed.body.id, operation: 'volume.create', name, waiting: 1 },
    ]);

    expect((await call('DELETE', `${holds()}/${armed.body.id}`, admin.token)).status).toBe(204);
    expect((await cinder.get(`/volumes/${heldId}`)).body.volume.status).toBe('available');
    expect((await call('GET', holds(), admin.token)).body.holds).toEqual([]);
  });

  it('holds an extend at extending; an injected failure still applies on release', async () => {
    const volumeId = await cinder.volume(1);
    const armed = await hold({ operation: 'volume.extend' });
    await call('POST', `${started.url}/emulator/control/faults`, admin.token, {
      failNext: { operation: 'volume.extend', count: 1 },
    });
    expect((await cinder.post(`/volumes/${volumeId}/action`, { 'os-extend': { new_size: 2 } })).status).toBe(202);
    await pause();
    expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('extending');
    await call('DELETE', `${holds()}/${armed.body.id}`, admin.token);
    expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('error_extending');
    await call('DELETE', `${started.url}/emulator/control/faults`, admin.token);
  });
});
