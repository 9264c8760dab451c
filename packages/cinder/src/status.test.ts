import { describe, expect, it } from 'vitest';
import { statusClass, VOLUME_STATUSES } from './status.js';

describe('statusClass', () => {
  it('treats resting statuses as stable', () => {
    for (const status of ['available', 'in-use', 'reserved', 'awaiting-transfer', 'maintenance']) {
      expect(statusClass(status)).toBe('stable');
    }
  });

  it('treats every error status as an error, including vendor ones', () => {
    const errors = VOLUME_STATUSES.filter((s) => s.startsWith('error'));
    expect(errors.length).toBeGreaterThan(5);
    for (const status of errors) expect(statusClass(status)).toBe('error');
    expect(statusClass('ERROR_ROLLBACKING')).toBe('error');
  });

  it('treats operations in flight as transitional, so the console keeps watching them', () => {
    for (const status of [
      'creating',
      'extending',
      'deleting',
      'backing-up',
      'restoring-backup',
      'reverting',
      'rollbacking',
    ]) {
      expect(statusClass(status)).toBe('transitional');
    }
  });
});
