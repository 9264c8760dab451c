import { describe, expect, it } from 'vitest';
import { quotaLimitsSchema } from '@cinder-console/cinder';
import { groupQuotas } from './api';

const usage = (limit: number) => ({ limit, in_use: 0, reserved: 0 });

describe('groupQuotas', () => {
  it('puts project-wide quotas first in Cinder order, then one group per type', () => {
    const groups = groupQuotas({
      gigabytes___DEFAULT__: usage(-1),
      groups: usage(10),
      volumes: usage(10),
      snapshots_ssd: usage(5),
      gigabytes: usage(1000),
      volumes_ssd: usage(3),
      per_volume_gigabytes: usage(-1),
    });
    expect(groups.map((group) => group.type)).toEqual([undefined, '__DEFAULT__', 'ssd']);
    expect(groups[0]!.rows.map((row) => row.key)).toEqual(['volumes', 'gigabytes', 'per_volume_gigabytes', 'groups']);
    expect(groups[2]!.rows.map((row) => row.key)).toEqual(['volumes_ssd', 'snapshots_ssd']);
  });
});

describe('quotaLimitsSchema', () => {
  it('takes whole numbers from -1 up and refuses the rest', () => {
    expect(quotaLimitsSchema.safeParse({ volumes: -1, gigabytes: 0 }).success).toBe(true);
    expect(quotaLimitsSchema.safeParse({ volumes: -2 }).success).toBe(false);
    expect(quotaLimitsSchema.safeParse({ volumes: 1.5 }).success).toBe(false);
  });
});
