import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserClient } from '../test-support/harness.js';
import { startSignedIn, type Harness } from '../test-support/harness.js';

/** The admin's storage calls (issue #20) are checked before they reach Cinder, like every other body. */
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
