import { volumeCreateSchema } from '@cinder-console/cinder';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './i18n/catalogues';
import { bodyRules, requestValidator, showServerIssues } from './request-rules';

await i18next.init({ lng: 'en', resources: { en: { translation: en } } });
const t = i18next.t.bind(i18next);

interface Values {
  name: string;
  size: number | string;
  metadata: Array<{ key: string; value: string }>;
}

const rules = bodyRules<Values>({
  schema: volumeCreateSchema,
  wrap: 'volume',
  toBody: (values) => ({
    size: values.size,
    ...(values.name ? { name: values.name } : {}),
    metadata: Object.fromEntries(values.metadata.map((row) => [row.key, row.value])),
  }),
});
const validate = requestValidator(rules, t);

describe('forms checked by the shared request schema', () => {
  it('puts each refusal on its field, in the catalogue’s words', () => {
    const errors = validate({ name: '   ', size: 1.5, metadata: [{ key: 'bad<key>', value: 'x' }] });
    expect(errors).toEqual({
      name: 'Enter a name or leave it empty, not only spaces',
      size: 'Enter a whole number',
      'metadata.0.key': 'Letters, digits, spaces and - _ : . / only',
    });
  });

  it('names sizes out of range and empty number fields', () => {
    expect(validate({ name: '', size: 0, metadata: [] })).toEqual({ size: 'At least 1' });
    expect(validate({ name: '', size: '', metadata: [] })).toEqual({ size: 'Enter a number' });
    expect(validate({ name: 'x'.repeat(256), size: 2, metadata: [] })).toEqual({ name: 'At most 255 characters' });
  });

  it('accepts what the BFF accepts', () => {
    expect(validate({ name: 'data', size: 2, metadata: [{ key: 'a b', value: 'c' }] })).toEqual({});
  });

  it('lands the BFF’s per-field issues on the form', () => {
    const errors: Record<string, string> = {};
    const landed = showServerIssues(
      { issues: [{ path: 'volume.size', message: 'must be at least 1 GiB' }] },
      rules,
      { name: '', size: 0, metadata: [] },
      (field, message) => (errors[field] = message),
    );
    expect(landed).toBe(true);
    expect(errors).toEqual({ size: 'must be at least 1 GiB' });
  });
});
