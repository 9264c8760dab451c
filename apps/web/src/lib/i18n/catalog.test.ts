import { VOLUME_STATUSES } from '@cinder-console/cinder';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every leaf key of a nested message catalogue, as dotted paths. */
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** `{{name}}` placeholders in a message, sorted. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

function lookup(messages: object, path: string): string {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
}

describe('message catalogues', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      expect(placeholders(lookup(zhCN, key)), key).toEqual(placeholders(lookup(en, key)));
    }
  });

  it('have no empty message', () => {
    for (const catalogue of [en, zhCN])
      for (const key of keys(catalogue)) expect(lookup(catalogue, key).trim(), key).not.toBe('');
  });

  it('name every volume status Cinder can report', () => {
    for (const status of VOLUME_STATUSES) {
      expect(en.status.values, status).toHaveProperty([status]);
      expect(zhCN.status.values, status).toHaveProperty([status]);
    }
  });
});
