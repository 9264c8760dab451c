import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';

const run = promisify(execFile);

/**
 * The standard OpenStack clients, unchanged, against the emulator. They come from Debian
 * (python3-cinderclient, python3-openstackclient); `.ci/run` installs them, so in CI a missing
 * client is a failure, not a skip.
 */
const haveClients = existsSync('/usr/bin/cinder') && existsSync('/usr/bin/openstack');
if (!haveClients && process.env.CI)
  throw new Error(
    'CI needs /usr/bin/cinder and /usr/bin/openstack (apt-get install python3-cinderclient python3-openstackclient)',
  );

let emulator: RunningEmulator;
beforeAll(async () => {
  if (haveClients) emulator = await startEmulator({ port: 0, fast: true });
});
afterAll(() => emulator?.close());

function clientEnv(user: 'demo' | 'admin') {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    OS_AUTH_URL: emulator.authUrl,
    OS_USERNAME: user,
    OS_PASSWORD: user,
    OS_PROJECT_NAME: user,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_REGION_NAME: 'RegionOne',
    OS_IDENTITY_API_VERSION: '3',
    OS_VOLUME_API_VERSION: '3',
    OS_COMPUTE_API_VERSION: '2.79',
    OS_INTERFACE: 'public',
  };
}

async function cli(command: 'cinder' | 'openstack', args: string[], user: 'demo' | 'admin' = 'demo'): Promise<string> {
  const { stdout } = await run(command, args, { env: clientEnv(user), timeout: 60_000 });
  return stdout;
}

/** Reads `| Property | Value |` tables as printed by `cinder show` and friends. */
function property(table: string, name: string): string | undefined {
  const line = table.split('\n').find((l) => l.split('|')[1]?.trim() === name);
  return line?.split('|')[2]?.trim();
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
}

describe.skipIf(!haveClients)('standard OpenStack clients (python3-cinderclient, python3-openstackclient)', () => {
  it('cinder create, list, extend, snapshot-create, backup-create and type-create work unchanged', async () => {
    // The client shows the volume as it reads it back after the create: held creating until then.
    const hold = emulator.ctx.holds.add({ operation: 'volume.create', name: 'cli-volume' });
    const created = await cli('cinder', ['create', '--name', 'cli-volume', '1']);
    const id = property(created, 'id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(property(created, 'status')).toBe('creating');
    emulator.ctx.holds.release(hold.id);
    await until(async () => property(await cli('cinder', ['show', id]), 'status') === 'available');
    expect(await cli('cinder', ['list'])).toMatch(new RegExp(`${id}\\s*\\|\\s*available\\s*\\|\\s*cli-volume`));

    await cli('cinder', ['extend', id, '2']);
    await until(async () => property(await cli('cinder', ['show', id]), 'size') === '2');
    expect(property(await cli('cinder', ['show', id]), 'status')).toBe('available');

    const snapshot = await cli('cinder', ['snapshot-create', '--name', 'cli-snapshot', id]);
    expect(property(snapshot, 'name')).toBe('cli-snapshot');
    await until(async () => (await cli('cinder', ['snapshot-list'])).includes('available'));

    const backup = await cli('cinder', ['backup-create', '--name', 'cli-backup', id]);
    expect(property(backup, 'volume_id')).toBe(id);
    await until(async () => /cli-backup/.test(await cli('cinder', ['backup-list'])));

    const type = await cli('cinder', ['type-create', 'cli-type'], 'admin');
    expect(type).toMatch(/cli-type\s*\|\s*-\s*\|\s*True/);
  }, 120_000);

  it('cinder transfer-create and transfer-accept hand a volume to another project', async () => {
    const created = await cli('cinder', ['create', '--name', 'cli-transferred', '1']);
    const volumeId = property(created, 'id')!;
    await until(async () => property(await cli('cinder', ['show', volumeId]), 'status') === 'available');
    const transfer = await cli('cinder', ['transfer-create', '--name', 'cli-transfer', volumeId]);
    const transferId = property(transfer, 'id')!;
    const authKey = property(transfer, 'auth_key')!;
    expect(property(transfer, 'volume_id')).toBe(volumeId);
    expect(authKey).toMatch(/^[0-9a-f]{16}$/);
    expect(property(await cli('cinder', ['show', volumeId]), 'status')).toBe('awaiting-transfer');
    expect(await cli('cinder', ['transfer-list'])).toMatch(new RegExp(`${transferId}.*cli-transfer`));

    const accepted = await cli('cinder', ['transfer-accept', transferId, authKey], 'admin');
    expect(property(accepted, 'volume_id')).toBe(volumeId);
    const shown = await cli('cinder', ['show', volumeId], 'admin');
    expect(property(shown, 'status')).toBe('available');
    expect(property(shown, 'os-vol-tenant-attr:tenant_id')).not.toBe(property(created, 'os-vol-tenant-attr:tenant_id'));
    await expect(cli('cinder', ['show', volumeId])).rejects.toMatchObject({
      stderr: expect.stringContaining('No volume with a name or ID'),
    });
  }, 120_000);

  it('openstack volume list shows the project volumes', async () => {
    const list = await cli('openstack', ['volume', 'list', '-f', 'json']);
    const names = (JSON.parse(list) as Array<{ Name: string }>).map((v) => v.Name);
    expect(names).toEqual(expect.arrayContaining(['db-data', 'web-root', 'scratch', 'import-failed']));
    expect(names).not.toContain('alt-private');
  }, 60_000);

  it('openstack server list, server add volume and server remove volume attach through Nova', async () => {
    expect(await cli('openstack', ['server', 'list', '-f', 'value', '-c', 'Name'])).toMatch(/app-1/);
    await cli('openstack', ['volume', 'create', '--size', '1', 'cli-attach']);
    await until(
      async () =>
        (await cli('openstack', ['volume', 'show', 'cli-attach', '-f', 'value', '-c', 'status'])).trim() ===
        'available',
    );
    await cli('openstack', ['server', 'add', 'volume', '--device', '/dev/vdc', 'app-1', 'cli-attach']);
    const status = async () =>
      (await cli('openstack', ['volume', 'show', 'cli-attach', '-f', 'value', '-c', 'status'])).trim();
    await until(async () => (await status()) === 'in-use');
    const shown = JSON.parse(await cli('openstack', ['volume', 'show', 'cli-attach', '-f', 'json']));
    const server = (await cli('openstack', ['server', 'show', 'app-1', '-f', 'value', '-c', 'id'])).trim();
    expect(shown.attachments).toMatchObject([{ server_id: server, device: '/dev/vdc' }]);

    await cli('openstack', ['server', 'remove', 'volume', 'app-1', 'cli-attach']);
    await until(async () => (await status()) === 'available');
    expect(await status()).toBe('available');
  }, 120_000);

  it('a member cannot create a volume type: the client shows Cinder policy refusal', async () => {
    await expect(cli('cinder', ['type-create', 'not-allowed'])).rejects.toMatchObject({
      stderr: expect.stringContaining("Policy doesn't allow volume_extension:type_create to be performed."),
    });
  }, 60_000);

  it('openstack project create, user create, role add and application credential create work unchanged', async () => {
    const project = JSON.parse(await cli('openstack', ['project', 'create', 'cli-project', '-f', 'json'], 'admin'));
    expect(project).toMatchObject({ name: 'cli-project', domain_id: 'default', enabled: true });
    const user = JSON.parse(
      await cli(
        'openstack',
        ['user', 'create', '--password', 'cli-secret', '--project', 'cli-project', 'cli-user', '-f', 'json'],
        'admin',
      ),
    );
    expect(user).toMatchObject({ name: 'cli-user', enabled: true });
    await cli('openstack', ['role', 'add', '--project', 'cli-project', '--user', 'cli-user', 'member'], 'admin');
    const assignments = JSON.parse(
      await cli('openstack', ['role', 'assignment', 'list', '--user', 'cli-user', '--names', '-f', 'json'], 'admin'),
    );
    expect(assignments).toEqual([expect.objectContaining({ Role: 'member', Project: 'cli-project@Default' })]);

    const asUser = {
      ...clientEnv('demo'),
      OS_USERNAME: 'cli-user',
      OS_PASSWORD: 'cli-secret',
      OS_PROJECT_NAME: 'cli-project',
    };
    const { stdout } = await run('openstack', ['application', 'credential', 'create', 'cli-cred', '-f', 'json'], {
      env: asUser,
      timeout: 60_000,
    });
    const credential = JSON.parse(stdout);
    expect(credential).toMatchObject({ name: 'cli-cred', project_id: project.id });
    expect(credential.secret.length).toBeGreaterThan(40);
    // The credential signs the standard client in, with no user name or password.
    const { stdout: token } = await run('openstack', ['token', 'issue', '-f', 'json'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        OS_AUTH_URL: emulator.authUrl,
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: credential.id,
        OS_APPLICATION_CREDENTIAL_SECRET: credential.secret,
        OS_IDENTITY_API_VERSION: '3',
      },
      timeout: 60_000,
    });
    expect(JSON.parse(token)).toMatchObject({ project_id: project.id, user_id: user.id });
  }, 120_000);

  it('the cinder admin commands work unchanged: services, pools, capabilities, extensions', async () => {
    const services = await cli('cinder', ['service-list'], 'admin');
    expect(services).toMatch(/cinder-volume\s*\|\s*emulator@lvmdriver-1\s*\|\s*nova\s*\|\s*enabled\s*\|\s*up/);
    expect(await cli('cinder', ['get-pools'], 'admin')).toContain('emulator@lvmdriver-1#lvmdriver-1');
    const capabilities = await cli('cinder', ['get-capabilities', 'emulator@lvmdriver-1'], 'admin');
    expect(property(capabilities, 'storage_protocol')).toBe('iSCSI');
    expect(await cli('cinder', ['list-extensions'], 'admin')).toContain('os-admin-actions');
  }, 60_000);

  it('cinder group-type-create, group-create, group-snapshot-create, backup-export and backup-import work unchanged', async () => {
    const v = ['--os-volume-api-version', '3.20'];
    const groupType = await cli('cinder', [...v, 'group-type-create', 'cli-group-type'], 'admin');
    const groupTypeId = /\|\s*([0-9a-f-]{36})\s*\|\s*cli-group-type/.exec(groupType)?.[1];
    expect(groupTypeId).toBeDefined();
    await cli('cinder', ['type-create', 'cli-group-volumes'], 'admin');
    const group = await cli(
      'cinder',
      [...v, 'group-create', '--name', 'cli-group', 'cli-group-type', 'cli-group-volumes'],
      'admin',
    );
    const groupId = property(group, 'id')!;
    await until(
      async () => property(await cli('cinder', [...v, 'group-show', groupId], 'admin'), 'status') === 'available',
    );
    const volume = await cli(
      'cinder',
      [...v, 'create', '--group-id', groupId, '--volume-type', 'cli-group-volumes', '1'],
      'admin',
    );
    const volumeId = property(volume, 'id')!;
    await until(async () => property(await cli('cinder', ['show', volumeId], 'admin'), 'status') === 'available');
    const groupSnapshot = await cli('cinder', [...v, 'group-snapshot-create', '--name', 'cli-gs', groupId], 'admin');
    const groupSnapshotId = property(groupSnapshot, 'id')!;
    await until(
      async () =>
        property(await cli('cinder', [...v, 'group-snapshot-show', groupSnapshotId], 'admin'), 'status') ===
        'available',
    );

    const backup = await cli('cinder', ['backup-create', '--name', 'cli-exported', volumeId], 'admin');
    const backupId = property(backup, 'id')!;
    await until(
      async () => property(await cli('cinder', ['backup-show', backupId], 'admin'), 'status') === 'available',
    );
    const exported = await cli('cinder', ['backup-export', backupId], 'admin');
    const service = property(exported, 'backup_service')!;
    const url = property(exported, 'backup_url')!;
    expect(service).toMatch(/^cinder\.backup\.drivers\./);
    await cli('cinder', ['backup-delete', backupId], 'admin');
    await until(async () => !(await cli('cinder', ['backup-list'], 'admin')).includes(backupId));
    const imported = await cli('cinder', ['backup-import', service, url], 'admin');
    expect(property(imported, 'id')).toBe(backupId);
    await until(
      async () => property(await cli('cinder', ['backup-show', backupId], 'admin'), 'status') === 'available',
    );
  }, 180_000);
});
