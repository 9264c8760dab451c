import { describe, expect, it } from 'vitest';
import { capabilitiesSchema, microversionFeatures } from './capabilities.js';
import { supportsMinor } from './microversion.js';

describe('microversion features', () => {
  it('turns features on exactly at their microversion', () => {
    expect(microversionFeatures('3.39').revert).toBe(false);
    expect(microversionFeatures('3.40').revert).toBe(true);
    expect(microversionFeatures('3.41').extendInUse).toBe(false);
    expect(microversionFeatures('3.42').extendInUse).toBe(true);
    expect(Object.values(microversionFeatures('3.70')).every(Boolean)).toBe(true);
  });

  it('offers none of them on a v2 cloud or at the base version', () => {
    expect(Object.values(microversionFeatures(null)).some(Boolean)).toBe(false);
    expect(Object.values(microversionFeatures('3.0')).some(Boolean)).toBe(false);
  });

  it('compares minor versions numerically, not as text', () => {
    expect(supportsMinor('3.9', 40)).toBe(false);
    expect(supportsMinor('3.100', 40)).toBe(true);
  });
});

describe('capabilitiesSchema', () => {
  const capabilities = {
    volumeApi: { major: 3, microversion: '3.70' },
    features: { ...microversionFeatures('3.70'), images: true, vendorRollback: false, backupService: true },
    admin: false,
  };

  it('accepts the probed flags next to the microversion ones', () => {
    expect(capabilitiesSchema.parse(capabilities).features).toMatchObject({
      vendorRollback: false,
      backupService: true,
    });
  });

  it('refuses an answer without them, rather than guessing', () => {
    const { vendorRollback: _omitted, ...features } = capabilities.features;
    expect(capabilitiesSchema.safeParse({ ...capabilities, features }).success).toBe(false);
  });
});
