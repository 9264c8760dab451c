import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserClient } from '../test-support/harness.js';
import { startSignedIn, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn());
});
afterEach(() => harness.close());

async function refusal(path: string, body: unknown, method = 'POST') {
  const response = await browser.request(path, { method, body });
  expect(response.status).toBe(400);
  const { error } = await response.json();
  expect(error.upstream).toBeUndefined(); // refused by the BFF, before Cinder saw it
  return error;
}

describe('checking what the console sends before it goes upstream', () => {
  it('names the bad field of a volume create', async () => {
    const error = await refusal('/api/cinder/volumes', { volume: { size: 0, name: 'x'.repeat(256) } });
    expect(error.code).toBe('invalidInput');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'volume.size', message: 'must be at least 1 GiB' },
        { path: 'volume.name', message: 'at most 255 characters' },
      ]),
    );
  });

  it('names the bad argument of an action', async () => {
    const id = (await (await browser.request('/api/cinder/volumes')).json()).volumes[0].id;
    const error = await refusal(`/api/cinder/volumes/${id}/action`, { 'os-extend': { new_size: 'big' } });
    expect(error.issues[0].path).toBe('os-extend.new_size');
  });

  it('refuses an action body with two actions', async () => {
    const id = (await (await browser.request('/api/cinder/volumes')).json()).volumes[0].id;
    const error = await refusal(`/api/cinder/volumes/${id}/action`, { 'os-extend': { new_size: 9 }, revert: {} });
    expect(error.message).toMatch(/exactly one key/);
  });

  it('names a bad metadata key and an empty transfer key', async () => {
    const id = (await (await browser.request('/api/cinder/volumes')).json()).volumes[0].id;
    const metadata = await refusal(`/api/cinder/volumes/${id}/metadata`, { metadata: { 'bad<key>': 'x' } }, 'PUT');
    expect(metadata.issues[0].path).toBe('metadata.bad<key>');
    const accept = await refusal('/api/cinder/volume-transfers/abc/accept', { accept: { auth_key: '' } });
    expect(accept.issues).toEqual([{ path: 'accept.auth_key', message: 'enter the authorisation key' }]);
  });

  it('names a bad encryption field, and refuses keys Cinder would not store', async () => {
    const create = await refusal('/api/cinder/types/t1/encryption', {
      encryption: { provider: 'luks', control_location: 'middle', key_size: 12.5 },
    });
    expect(create.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'encryption.control_location',
      'encryption.key_size',
    ]);
    const update = await refusal('/api/cinder/types/t1/encryption/e1', { encryption: { bogus: '1' } }, 'PUT');
    expect(update.issues[0].path).toBe('encryption');
  });

  it('lets the cloud judge calls the console does not make', async () => {
    const id = (await (await browser.request('/api/cinder/volumes')).json()).volumes[0].id;
    const response = await browser.request(`/api/cinder/volumes/${id}/action`, {
      method: 'POST',
      body: { 'os-frobnicate': {} },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ upstream: 'cinder', code: 'badRequest' });
  });

  it('passes a valid body through unchanged', async () => {
    const response = await browser.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 2, name: '  padded  ', metadata: { team: 'storage' } } },
    });
    expect(response.status).toBe(202);
    const { volume } = await response.json();
    expect(volume).toMatchObject({ size: 2, name: 'padded', metadata: { team: 'storage' } });
  });
});

/** The admin's storage calls (issue #20) are checked before they reach Cinder, like every other body. */
describe('the bodies of the storage calls', () => {
  it('refuses a migrate without a destination and a blank disable reason', async () => {
    const id = (await (await browser.request('/api/cinder/volumes')).json()).volumes[0].id;
    const migrate = await refusal(`/api/cinder/volumes/${id}/action`, { 'os-migrate_volume': { host: ' ' } });
    expect(migrate.issues[0].path).toBe('os-migrate_volume.host');
    const disable = await refusal(
      '/api/cinder/os-services/disable-log-reason',
      { host: 'emulator@lvmdriver-2', binary: 'cinder-volume', disabled_reason: '   ' },
      'PUT',
    );
    expect(disable.issues[0].path).toBe('disabled_reason');
  });

  it('refuses a manage without a reference, an import without a URL, and arguments to a snapshot force delete', async () => {
    const manage = await refusal('/api/cinder/manageable_volumes', {
      volume: { host: 'emulator@lvmdriver-1#lvmdriver-1', ref: {} },
    });
    expect(manage.issues[0].path).toBe('volume.ref.source-name');
    const imported = await refusal('/api/cinder/backups/import_record', {
      'backup-record': { backup_service: 'x', backup_url: '' },
    });
    expect(imported.issues[0].path).toBe('backup-record.backup_url');
    const forced = await refusal('/api/cinder/snapshots/00000000-0000-0000-0000-000000000000/action', {
      'os-force_delete': { now: true },
    });
    expect(forced.issues[0].path).toBe('os-force_delete');
  });
});
