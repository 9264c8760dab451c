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
