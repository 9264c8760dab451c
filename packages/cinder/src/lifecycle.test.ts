import { describe, expect, it } from 'vitest';
import { mayWrite, refuseAction, VOLUME_LIFECYCLE, WRITE_RULE } from './lifecycle.js';

describe('actions under Cinder’s default policy', () => {
  const base = { status: 'available', minor: 70, isAdmin: false };

  it('refuses every change to a reader, before any status condition', () => {
    expect(refuseAction(VOLUME_LIFECYCLE.extend, { ...base, roles: ['reader'] })).toEqual({ reason: 'role' });
    expect(refuseAction(VOLUME_LIFECYCLE.delete, { ...base, status: 'creating', roles: ['reader'] })).toEqual({
      reason: 'role',
    });
    expect(refuseAction(WRITE_RULE, { ...base, roles: ['reader'] })).toEqual({ reason: 'role' });
  });

  it('lets members change things and keeps admin-only actions for admins', () => {
    expect(refuseAction(VOLUME_LIFECYCLE.extend, { ...base, roles: ['member', 'reader'] })).toBeUndefined();
    expect(refuseAction(VOLUME_LIFECYCLE.forceDelete, { ...base, roles: ['member'] })).toEqual({ reason: 'admin' });
    expect(refuseAction(VOLUME_LIFECYCLE.forceDelete, { ...base, isAdmin: true, roles: ['admin'] })).toBeUndefined();
  });

  it('reads write permission from the effective roles', () => {
    expect(mayWrite(['reader'])).toBe(false);
    expect(mayWrite(['member', 'reader'])).toBe(true);
    expect(mayWrite(['admin'])).toBe(true);
    expect(mayWrite([])).toBe(false);
  });
});

describe('refuseAction: status, microversion and force, as Cinder Zed checks them', () => {
  const member = { minor: 70, isAdmin: false, roles: ['member'] };
  const cases: Array<[string, Parameters<typeof refuseAction>, ReturnType<typeof refuseAction>]> = [
    ['extend of an available volume', [VOLUME_LIFECYCLE.extend, { ...member, status: 'available' }], undefined],
    ['extend in-use from 3.42', [VOLUME_LIFECYCLE.extend, { ...member, status: 'in-use', minor: 42 }], undefined],
    [
      'extend in-use below 3.42 names the version that allows it',
      [VOLUME_LIFECYCLE.extend, { ...member, status: 'in-use', minor: 41 }],
      {
        reason: 'status',
        status: 'in-use',
        allowed: ['available', 'in-use'],
        needsVersion: { status: 'in-use', minor: 42 },
      },
    ],
    [
      'extend of an error volume at any version',
      [VOLUME_LIFECYCLE.extend, { ...member, status: 'error' }],
      { reason: 'status', status: 'error', allowed: ['available', 'in-use'] },
    ],
    ['revert from 3.40', [VOLUME_LIFECYCLE.revert, { ...member, status: 'available', minor: 40 }], undefined],
    [
      'revert below 3.40',
      [VOLUME_LIFECYCLE.revert, { ...member, status: 'available', minor: 39 }],
      { reason: 'version', minor: 40 },
    ],
    [
      'snapshot of in-use with force below 3.66',
      [VOLUME_LIFECYCLE.snapshot, { ...member, status: 'in-use', minor: 60, force: true }],
      undefined,
    ],
    [
      'snapshot of in-use without force from 3.66',
      [VOLUME_LIFECYCLE.snapshot, { ...member, status: 'in-use', minor: 66 }],
      undefined,
    ],
    [
      'snapshot of in-use without force below 3.66',
      [VOLUME_LIFECYCLE.snapshot, { ...member, status: 'in-use', minor: 65 }],
      {
        reason: 'status',
        status: 'in-use',
        allowed: ['available', 'in-use'],
        needsVersion: { status: 'in-use', minor: 66 },
      },
    ],
    ['backup of in-use with force', [VOLUME_LIFECYCLE.backup, { ...member, status: 'in-use', force: true }], undefined],
    [
      'backup of in-use without force',
      [VOLUME_LIFECYCLE.backup, { ...member, status: 'in-use' }],
      { reason: 'status', status: 'in-use', allowed: ['available'] },
    ],
    [
      'delete of a creating volume',
      [VOLUME_LIFECYCLE.delete, { ...member, status: 'creating' }],
      { reason: 'status', status: 'creating', allowed: [...VOLUME_LIFECYCLE.delete.from] },
    ],
    [
      'delete of a volume whose extend failed',
      [VOLUME_LIFECYCLE.delete, { ...member, status: 'error_extending' }],
      undefined,
    ],
    [
      'force delete by an admin in any status',
      [VOLUME_LIFECYCLE.forceDelete, { ...member, status: 'deleting', isAdmin: true }],
      undefined,
    ],
    ['an action without a status condition', [VOLUME_LIFECYCLE.create, { ...member, status: '' }], undefined],
    [
      'roles not given: no role check',
      [VOLUME_LIFECYCLE.extend, { status: 'available', minor: 70, isAdmin: false }],
      undefined,
    ],
  ];

  it.each(cases)('%s', (_name, args, expected) => {
    expect(refuseAction(...args)).toEqual(expected);
  });
});
