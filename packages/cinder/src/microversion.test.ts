import { describe, expect, it } from 'vitest';
import { compareMicroversions, parseMicroversion, supportsMinor } from './microversion.js';

describe('microversions, as every part of the console reads them', () => {
  it('reads major and minor as numbers, so 3.9 is older than 3.60', () => {
    expect(parseMicroversion('3.60')).toEqual({ major: 3, minor: 60 });
    expect(compareMicroversions(parseMicroversion('3.9')!, parseMicroversion('3.60')!)).toBeLessThan(0);
    expect(compareMicroversions(parseMicroversion('3.60')!, parseMicroversion('3.60')!)).toBe(0);
  });

  it.each([null, undefined, '', 'latest', '3', '3.x', 'volume 3.60'])('reads nothing from %j', (text) => {
    expect(parseMicroversion(text)).toBeUndefined();
  });

  it('offers a 3.x feature from its minor version on, and never on v2', () => {
    expect(supportsMinor('3.60', 60)).toBe(true);
    expect(supportsMinor('3.59', 60)).toBe(false);
    expect(supportsMinor('2.0', 0)).toBe(false);
    expect(supportsMinor(null, 0)).toBe(false);
  });
});
