/**
 * Emulator-only features: the v2 API, the huawei-evs profile, the control API, `--state`
 * persistence and regions. None of them exists on the Zed reference cloud, so every test here
 * starts its own emulator with `startEmulator` instead of using `contractTarget()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, passwordAuthBody, postJson, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import type { ContractTarget } from './contract/target.js';
import { startEmulator, type RunningEmulator, type StartOptions } from './index.js';
import { call, fault } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const running: RunningEmulator[] = [];
async function emulator(options: StartOptions = {}): Promise<{ emulator: RunningEmulator; target: ContractTarget }> {
  const started = await startEmulator({ port: 0, fast: true, ...options });
  running.push(started);
  const target: ContractTarget = {
    kind: 'emulator',
    authUrl: started.authUrl,
    passwordOf: (user) => user,
    close: started.close,
  };
  return { emulator: started, target };
}
afterAll(async () => {
  for (const started of running) await started.close();
});
/** Closes an emulator now (saving its state file) rather than after all tests. */
async function stop(started: RunningEmulator): Promise<void> {
  running.splice(running.indexOf(started), 1);
  await started.close();
}

/** The public endpoint of `type` in `region` from a token's catalog. */
function endpoint(session: Login, type: string, region = 'RegionOne'): string | undefined {
  const entries = session.body.token.catalog ?? [];
  const service = entries.find((s) => s.type === type);
  const found = service?.endpoints.find(
    (e) => e.interface === 'public' && (e as { region_id?: string }).region_id === region,
  );
  return found?.url;
}

describe('v2 API (emulator option v2)', () => {
  let demo: Login;
  let v2: string;
  beforeAll(async () => {
    demo = await login((await emulator({ v2: true })).target, 'demo');
    v2 = endpoint(demo, 'volumev2')!;
  });

  it('lists volumev2 in the catalog at /volume/v2/{project_id}', () => {
    expect(v2).toMatch(new RegExp(`/volume/v2/${demo.projectId}$`));
  });

  it('serves the 3.0 resources without microversion headers, ignoring any requested version', async () => {
    const created = await call('POST', `${v2}/volumes`, demo.token, { volume: { size: 1, name: 'v2-vol' } });
    expect(created.status).toBe(202);
    expect(created.headers.get('openstack-api-version')).toBeNull();
    const shown = await call('GET', `${v2}/volumes/${created.body.volume.id}`, demo.token, undefined, '3.70');
    expect(shown.status).toBe(200);
    expect(shown.headers.get('openstack-api-version')).toBeNull();
    expect(shown.headers.get('vary') ?? '').not.toMatch(/OpenStack-API-Version/i);
    expect(shown.body.volume.name).toBe('v2-vol');
    expect(shown.body.volume).not.toHaveProperty('volume_type_id');
    expect(shown.body.volume).not.toHaveProperty('group_id');
  });

  it('keeps v2 off by default: /volume/v2 is a bare 404, as on Zed', async () => {
    const plain = await login((await emulator()).target, 'demo');
    expect(endpoint(plain, 'volumev2')).toBeUndefined();
    const url = plain.volumeUrl.replace('/v3/', '/v2/');
    const answer = await call('GET', `${url}/volumes`, plain.token);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toHaveProperty('itemNotFound');
    expect(answer.headers.get('openstack-api-version')).toBeNull();
  });
});

describe('v2-only cloud (emulator option v2Only, `--v2-only`)', () => {
  it('lists only volumev2, serves v2 with v2 links and no microversion headers, and has no /volume/v3', async () => {
    const { target } = await emulator({ v2Only: true });
    const response = await postJson(`${target.authUrl}/auth/tokens`, passwordAuthBody('demo', 'demo', 'demo'));
    const token = response.headers.get('x-subject-token')!;
    const { token: body } = await response.json();
    const types = body.catalog.map((s: { type: string }) => s.type);
    expect(types).toContain('volumev2');
    expect(types).not.toContain('volumev3');
    expect(types).not.toContain('block-storage');
    const v2 = body.catalog
      .find((s: { type: string }) => s.type === 'volumev2')
      .endpoints.find((e: { interface: string }) => e.interface === 'public').url as string;
    const created = await call('POST', `${v2}/volumes`, token, { volume: { size: 1, name: 'v2-only' } });
    expect(created.status).toBe(202);
    expect(created.headers.get('openstack-api-version')).toBeNull();
    expect(created.body.volume.links[0].href).toContain(`/volume/v2/${body.project.id}/volumes/`);
    const v3 = await call('GET', `${v2.replace('/v2/', '/v3/')}/volumes`, token);
    expect(v3.status).toBe(404);
    // v2 routed transfers only at the extension's path; `/volume-transfers` came with v3.
    expect((await call('GET', `${v2}/os-volume-transfer`, token)).status).toBe(200);
    const v3Transfers = await call('GET', `${v2}/volume-transfers`, token);
    expect(v3Transfers.status).toBe(404);
    expect(v3Transfers.body).not.toHaveProperty('itemNotFound');
    const versions = await fetch(v2.replace(/\/v2\/.*$/, '/'));
    expect((await versions.json()).versions.map((v: { id: string }) => v.id)).toEqual(['v2.0']);
  });
});

describe('huawei-evs profile', () => {
  let cinder: Cinder;
  let v2: string;
  beforeAll(async () => {
    const demo = await login((await emulator({ profile: 'huawei-evs' })).target, 'demo');
    cinder = new Cinder(demo);
    v2 = endpoint(demo, 'volumev2')!;
  });
  afterEach(() => cinder.cleanup());

  it('rolls a volume back to any of its snapshots: 202, rollbacking, then available', async () => {
    const volumeId = await cinder.volume(1);
    const older = await cinder.snapshot(volumeId);
    await cinder.snapshot(volumeId);
    const rollback = await call('POST', `${v2}/os-vendor-snapshots/${older}/rollback`, cinder.user.token, {
      rollback: { volume_id: volumeId },
    });
    expect(rollback.status).toBe(202);
    expect(rollback.body).toEqual({ rollback: { volume_id: volumeId } });
    expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('rollbacking');
    await cinder.waitFor(`/volumes/${volumeId}`, ['available']);
  });

  it('allows at most 7 snapshots per volume', async () => {
    const volumeId = await cinder.volume(1);
    for (let i = 0; i < 7; i++) await cinder.snapshot(volumeId);
    const eighth = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId } });
    expect(eighth.status).toBe(400);
    expect(eighth.body).toEqual(
      fault(400, `Invalid volume: Volume ${volumeId} already has 7 snapshots, the most this cloud allows.`),
    );
  });
});

describe('control API /emulator/control/faults', () => {
  let started: RunningEmulator;
  let target: ContractTarget;
  let admin: Login;
  let cinder: Cinder;
  const faults = () => `${started.url}/emulator/control/faults`;
  const arm = (body: unknown) => call('POST', faults(), admin.token, body);
  beforeAll(async () => {
    ({ emulator: started, target } = await emulator());
    admin = await login(target, 'admin');
    cinder = new Cinder(await login(target, 'demo'), admin);
  });
  afterEach(async () => {
    await call('DELETE', faults(), admin.token);
    await cinder.cleanup();
  });

  it('is for cloud admins only: 401 without a token, 403 for a member', async () => {
    expect((await call('GET', faults(), undefined)).status).toBe(401);
    const member = await call('GET', faults(), cinder.user.token);
    expect(member.status).toBe(403);
    expect(member.body.error).toMatchObject({ code: 403, title: 'Forbidden' });
  });

  it('fails the next backup: the backup ends in error, the volume recovers, and /messages says why', async () => {
    expect((await arm({ failNext: { operation: 'backup.create', count: 1 } })).status).toBe(201);
    expect((await call('GET', faults(), admin.token)).body.failNext).toEqual({ 'backup.create': 1 });
    const volumeId = await cinder.volume(1);
    const created = await cinder.post('/backups', { backup: { volume_id: volumeId } });
    expect(created.status).toBe(202);
    const backupId = cinder.track('backups', created.body.backup.id);
    const backup = await cinder.waitFor(`/backups/${backupId}`, ['error']);
    expect(backup!.fail_reason).toEqual(expect.any(String));
    await cinder.waitFor(`/volumes/${volumeId}`, ['available']);
    const messages = await cinder.get(`/messages?resource_uuid=${backupId}`, '3.3');
    expect(messages.body.messages).toHaveLength(1);
    expect(messages.body.messages[0]).toMatchObject({ resource_uuid: backupId, resource_type: 'BACKUP' });
  });

  it('answers matching requests with an injected 503 for as many requests as asked', async () => {
    const armed = await arm({ http: { path: '/volume/v3/[0-9a-f]+/volumes$', status: 503, count: 1 } });
    expect(armed.status).toBe(201);
    const failed = await cinder.get('/volumes');
    expect(failed.status).toBe(503);
    expect(failed.body.serviceUnavailable).toMatchObject({ code: 503 });
    expect((await cinder.get('/volumes')).status).toBe(200);
  });

  it('takes Keystone down: logins fail, tokens already issued still work at Cinder', async () => {
    expect((await arm({ keystoneDown: true })).status).toBe(201);
    const refused = await postJson(`${target.authUrl}/auth/tokens`, passwordAuthBody('demo', 'demo', 'demo'));
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect((await cinder.get('/volumes')).status).toBe(200);
    expect((await call('DELETE', faults(), admin.token)).status).toBe(204);
    expect((await postJson(`${target.authUrl}/auth/tokens`, passwordAuthBody('demo', 'demo', 'demo'))).status).toBe(
      201,
    );
  });
});

describe('--state persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps volumes and tokens across a restart with the same state file', async () => {
    const statePath = join(dir, 'state.json');
    const first = await emulator({ statePath });
    const demo = await login(first.target, 'demo');
    const volumeId = await new Cinder(demo).volume(1, { name: 'survives-restart' });
    await stop(first.emulator);

    const second = await emulator({ statePath });
    const url = `${second.emulator.url}/volume/v3/${demo.projectId}/volumes/${volumeId}`;
    const shown = await call('GET', url, demo.token);
    expect(shown.status).toBe(200);
    expect(shown.body.volume).toMatchObject({ id: volumeId, name: 'survives-restart', status: 'available' });
    await stop(second.emulator);
  });

  it('keeps what the identity admin API made: a project, a user, its grant and its application credential', async () => {
    const statePath = join(dir, 'identity.json');
    const first = await emulator({ statePath });
    const admin = await login(first.target, 'admin');
    const json = { 'Content-Type': 'application/json', 'X-Auth-Token': admin.token };
    const post = (path: string, body: unknown, token = admin.token) =>
      fetch(`${first.target.authUrl}${path}`, {
        method: 'POST',
        headers: { ...json, 'X-Auth-Token': token },
        body: JSON.stringify(body),
      });
    const project = (await (await post('/projects', { project: { name: 'kept' } })).json()).project;
    const user = (await (await post('/users', { user: { name: 'kept-user', password: 'pw' } })).json()).user;
    const { roles } = await (await fetch(`${first.target.authUrl}/roles?name=member`, { headers: json })).json();
    await fetch(`${first.target.authUrl}/projects/${project.id}/users/${user.id}/roles/${roles[0].id}`, {
      method: 'PUT',
      headers: json,
    });
    const signIn = await post('/auth/tokens', passwordAuthBody('kept-user', 'pw', 'kept'));
    const userToken = signIn.headers.get('x-subject-token')!;
    const credential = (
      await (
        await post(
          `/users/${user.id}/application_credentials`,
          { application_credential: { name: 'kept-cred' } },
          userToken,
        )
      ).json()
    ).application_credential;
    await stop(first.emulator);

    const second = await emulator({ statePath });
    const viaCredential = await postJson(`${second.target.authUrl}/auth/tokens`, {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: credential.id, secret: credential.secret },
        },
      },
    });
    expect(viaCredential.status).toBe(201);
    expect((await viaCredential.json()).token.project).toMatchObject({ id: project.id, name: 'kept' });
    await stop(second.emulator);
  });
});

describe('regions', () => {
  it('keeps RegionTwo apart: a volume created there is not listed in RegionOne', async () => {
    const demo = await login((await emulator()).target, 'demo');
    const regionTwo = endpoint(demo, 'volumev3', 'RegionTwo')!;
    expect(regionTwo).toMatch(new RegExp(`/RegionTwo/volume/v3/${demo.projectId}$`));
    const created = await call('POST', `${regionTwo}/volumes`, demo.token, {
      volume: { size: 1, name: 'only-in-region-two' },
    });
    expect(created.status).toBe(202);
    const id = created.body.volume.id;
    const inTwo = await call('GET', `${regionTwo}/volumes`, demo.token);
    expect(inTwo.body.volumes.map((v: { id: string }) => v.id)).toContain(id);
    const inOne = await call('GET', `${demo.volumeUrl}/volumes`, demo.token);
    expect(inOne.body.volumes.map((v: { id: string }) => v.id)).not.toContain(id);
    expect((await call('GET', `${demo.volumeUrl}/volumes/${id}`, demo.token)).status).toBe(404);
  });
});
