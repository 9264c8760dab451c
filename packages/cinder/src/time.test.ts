import { describe, expect, it } from 'vitest';
import { parseOpenStackTime } from './time.js';

describe('parseOpenStackTime', () => {
  it("reads Cinder's zone-less timestamps as UTC, not local time", () => {
    expect(parseOpenStackTime('2026-11-23T06:43:26.000000').toISOString()).toBe('2026-11-23T06:43:26.000Z');
  });

  it("reads Keystone's Z-suffixed timestamps", () => {
    expect(parseOpenStackTime('2026-11-23T07:43:25.000000Z').toISOString()).toBe('2026-11-23T07:43:25.000Z');
  });

  it('respects an explicit offset', () => {
    expect(parseOpenStackTime('2026-11-23T08:00:00+02:00').toISOString()).toBe('2026-11-23T06:00:00.000Z');
  });
});
