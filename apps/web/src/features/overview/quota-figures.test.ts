import { describe, expect, it } from 'vitest';
import { isFull, percentUsed, quotasByType } from './quota-figures';

const usage = (in_use: number, limit: number, reserved = 0) => ({ in_use, limit, reserved });

describe('quota figures', () => {
  it('groups per-type quotas by type, leaving the project-wide ones out', () => {
    const types = quotasByType({
      volumes: usage(3, 10),
      gigabytes: usage(30, 100),
      backup_gigabytes: usage(5, 100),
      per_volume_gigabytes: usage(0, -1),
      volumes_ssd: usage(2, 5),
      gigabytes_ssd: usage(20, -1),
      snapshots_ssd: usage(1, -1),
      volumes___DEFAULT__: usage(1, -1),
    });
    expect(types.map((t) => t.type)).toEqual(['__DEFAULT__', 'ssd']);
    expect(types[1]).toEqual({
      type: 'ssd',
      volumes: usage(2, 5),
      gigabytes: usage(20, -1),
      snapshots: usage(1, -1),
    });
  });

  it('counts reserved usage and treats -1 as no limit', () => {
    expect(percentUsed(usage(4, 10, 1))).toBe(50);
    expect(percentUsed(usage(40, -1))).toBe(0);
    expect(percentUsed(usage(0, 0))).toBe(100);
    expect(isFull(usage(9, 10, 1))).toBe(true);
    expect(isFull(usage(9, 10))).toBe(false);
    expect(isFull(usage(900, -1))).toBe(false);
  });
});
