import { BACKUP_STATUSES, SNAPSHOT_STATUSES, VOLUME_STATUSES } from '@cinder-console/cinder';
import { describe, expect, it } from 'vitest';
import { en as firstEnglish } from './catalogues';
import { enLater } from './en-later';
import { zhCN } from './zh-cn';

const en = { ...firstEnglish, ...enLater };

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

function lookup(messages: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
}

/** Every source file of the SPA, as text, to find the keys the code asks for. */
const sources = import.meta.glob<string>(['../../**/*.{ts,tsx}', '!../../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Literal keys passed to `t('…')` or `i18nKey="…"`; plural keys are checked through `_other`. */
function keysUsedInCode(): Array<{ file: string; key: string }> {
  return Object.entries(sources).flatMap(([file, text]) =>
    [...text.matchAll(/\bt\(\s*'([\w.]+)'|i18nKey="([\w.]+)"|labelKey: '([\w.]+)'/g)].map((m) => ({
      file,
      key: (m[1] ?? m[2] ?? m[3])!,
    })),
  );
}

describe('message catalogues', () => {
  it('hold every key the code asks for, in both languages', () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(20);
    for (const { file, key } of used) {
      for (const catalogue of [en, zhCN]) {
        const found = lookup(catalogue, key) ?? lookup(catalogue, `${key}_other`);
        expect(typeof found, `${key} in ${file}`).toBe('string');
      }
    }
  });

  it('have the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      expect(placeholders(lookup(zhCN, key) as string), key).toEqual(placeholders(lookup(en, key) as string));
    }
  });

  it('have no empty message', () => {
    for (const catalogue of [en, zhCN])
      for (const key of keys(catalogue)) expect((lookup(catalogue, key) as string).trim(), key).not.toBe('');
  });

  it('name every volume, snapshot and backup status Cinder can report', () => {
    for (const status of [...VOLUME_STATUSES, ...SNAPSHOT_STATUSES, ...BACKUP_STATUSES]) {
      expect(lookup(en, 'status.values'), status).toHaveProperty([status]);
      expect(lookup(zhCN, 'status.values'), status).toHaveProperty([status]);
    }
  });
});
