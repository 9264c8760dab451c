import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

describe('formatDateTime', () => {
  const created = '2026-11-23T10:31:00.000000';

  it('writes a Cinder timestamp in each language asked for, one after the other', () => {
    const english = formatDateTime(created, 'en');
    const chinese = formatDateTime(created, 'zh-CN');
    expect(english).toMatch(/Nov \d+, 2026/);
    expect(chinese).toMatch(/2026年11月\d+日/);
    // Formatters are kept per language: asking again in English must not answer in Chinese.
    expect(formatDateTime(created, 'en')).toBe(english);
  });

  it('leaves an unreadable timestamp as the cloud wrote it, and an absent one empty', () => {
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
    expect(formatDateTime(undefined, 'en')).toBe('');
    expect(formatDateTime(null, 'zh-CN')).toBe('');
  });
});
