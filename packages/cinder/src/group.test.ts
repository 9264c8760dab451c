import { describe, expect, it } from 'vitest';
import { GROUP_LIFECYCLE, GROUP_SNAPSHOT_LIFECYCLE, GROUP_TYPE_RULE } from './group.js';
import { refuseAction } from './lifecycle.js';

const member = { isAdmin: false, roles: ['member', 'reader'] };
const admin = { isAdmin: true };

describe('the group rules of the lifecycle table', () => {
  it('offer groups from 3.13 and group snapshots from 3.14 only', () => {
    expect(refuseAction(GROUP_LIFECYCLE.create, { status: '', minor: 12, ...member })).toEqual({
      reason: 'version',
      minor: 13,
    });
    expect(refuseAction(GROUP_LIFECYCLE.create, { status: '', minor: 13, ...member })).toBeUndefined();
    expect(refuseAction(GROUP_SNAPSHOT_LIFECYCLE.create, { status: '', minor: 13, ...member })).toMatchObject({
      reason: 'version',
    });
  });

  it('change a group only while it is available, and delete it without volumes only when available or in error', () => {
    expect(refuseAction(GROUP_LIFECYCLE.update, { status: 'updating', minor: 70, ...member })).toMatchObject({
      reason: 'status',
      allowed: ['available'],
    });
    expect(refuseAction(GROUP_LIFECYCLE.delete, { status: 'error', minor: 70, ...member })).toBeUndefined();
    expect(refuseAction(GROUP_LIFECYCLE.delete, { status: 'creating', minor: 70, ...member })).toMatchObject({
      reason: 'status',
    });
    expect(
      refuseAction(GROUP_LIFECYCLE.deleteWithVolumes, { status: 'creating', minor: 70, ...member }),
    ).toBeUndefined();
  });

  it('reset status for admins only, groups from 3.20 and group snapshots from 3.19', () => {
    expect(refuseAction(GROUP_LIFECYCLE.resetStatus, { status: 'error', minor: 70, ...member })).toEqual({
      reason: 'admin',
    });
    expect(refuseAction(GROUP_LIFECYCLE.resetStatus, { status: 'error', minor: 19, ...admin })).toEqual({
      reason: 'version',
      minor: 20,
    });
    expect(
      refuseAction(GROUP_SNAPSHOT_LIFECYCLE.resetStatus, { status: 'error', minor: 19, ...admin }),
    ).toBeUndefined();
    expect(refuseAction(GROUP_TYPE_RULE, { status: '', minor: 70, ...member })).toEqual({ reason: 'admin' });
  });
});
