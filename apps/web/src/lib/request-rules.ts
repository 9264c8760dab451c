import { schemaResolver, type FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from './api-error';

/**
 * A form checked by the request schema the BFF enforces (packages/cinder), so every rule is written
 * once: the form's values become the request body, the body is parsed, and each issue lands on the
 * field it came from with a message in the user's language.
 */
export interface RequestRules<Values> {
  schema: z.ZodType;
  /** The body the form would send (the same function the submit uses). */
  toRequest: (values: Values) => unknown;
  /**
   * The form field an issue at `path` of the body belongs to (`code` tells a metadata key's issue
   * from its value's); undefined puts it on no field.
   */
  fieldOf: (path: readonly PropertyKey[], values: Values, code?: string) => string | undefined;
}

type Issue = z.core.$ZodIssue;
type StandardSchema = Parameters<typeof schemaResolver>[0];

/** A zod issue in words the user reads, whatever English the shared schema carries for the BFF. */
function describeIssue(t: TFunction, issue: Issue): string {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return t('forms.tooLong', { max: issue.maximum });
      if (issue.origin === 'number') return t('forms.atMost', { max: issue.maximum });
      return t('forms.tooMany', { max: issue.maximum });
    case 'too_small':
      if (issue.origin === 'number') return t('forms.atLeast', { min: issue.minimum });
      return t('forms.required');
    case 'invalid_type':
      if (issue.expected === 'int') return t('forms.wholeNumber');
      return issue.expected === 'number' ? t('forms.number') : t('forms.required');
    case 'invalid_key': {
      // A record key's own issue (too long, or characters Cinder refuses) says more than "invalid".
      const inner = issue.issues[0];
      return inner?.code === 'too_big' ? describeIssue(t, inner as Issue) : t('metadata.keyInvalid');
    }
    case 'invalid_format':
      return t('forms.format');
    case 'custom': {
      const key = (issue.params as { i18n?: string } | undefined)?.i18n;
      return key ? t(`forms.${key}`) : issue.message;
    }
    default:
      return issue.message;
  }
}

/** The standard-schema view of the rules, for Mantine's own `schemaResolver`. */
function standardSchema<Values>(rules: RequestRules<Values>, t: TFunction): StandardSchema {
  return {
    '~standard': {
      version: 1,
      vendor: 'cinder-console',
      validate: (values) => {
        const result = rules.schema.safeParse(rules.toRequest(values as Values));
        if (result.success) return { value: values };
        return {
          issues: result.error.issues.flatMap((issue) => {
            const field = rules.fieldOf(issue.path, values as Values, issue.code);
            return field ? [{ message: describeIssue(t, issue), path: field.split('.') }] : [];
          }),
        };
      },
    },
  };
}

/**
 * The `validate` of a Mantine form: the shared request schema through Mantine's resolver, plus
 * `extra` rules that depend on the resource at hand (an extend must grow the volume).
 */
export function requestValidator<Values>(
  rules: RequestRules<Values>,
  t: TFunction,
  extra?: (values: Values) => FormErrors,
): (values: Values) => FormErrors {
  const resolve = schemaResolver(standardSchema(rules, t), { sync: true });
  return (values) => {
    // The resource's own rule is the more telling message where both find fault.
    const own = Object.entries(extra?.(values) ?? {}).filter(([, message]) => message);
    return { ...resolve(values), ...Object.fromEntries(own) };
  };
}

/**
 * Puts the BFF's per-field `issues` (its own check of the same schema) on the form's fields, for
 * what the form let through; returns whether any landed.
 */
export function showServerIssues<Values>(
  error: unknown,
  rules: RequestRules<Values>,
  values: Values,
  setFieldError: (field: string, message: string) => void,
): boolean {
  const issues = (error as Partial<ApiError> | null)?.issues ?? [];
  let landed = false;
  for (const issue of issues) {
    const field = rules.fieldOf(issue.path.split('.'), values);
    if (!field) continue;
    setFieldError(field, issue.message);
    landed = true;
  }
  return landed;
}

/**
 * The field of an issue inside a metadata object, `rest` being the path below it (the item's key):
 * the row's key field for a bad key, its value field otherwise.
 */
function metadataField(
  listPath: string,
  rows: ReadonlyArray<{ key: string }>,
  rest: readonly PropertyKey[],
  code?: string,
): string | undefined {
  const index = rows.findIndex((row) => row.key.trim() === rest[0]);
  if (index < 0) return undefined;
  return `${listPath}.${index}.${code === 'invalid_key' ? 'key' : 'value'}`;
}

/**
 * Rules for a body `{ [wrap]: fields }` (or the fields alone without `wrap`): each field of the body
 * lands on the form field `fields` names (the same name when unlisted); a key/value object of the
 * body (`lists`: body field → the form's list of rows, `metadata` by default) lands on its rows.
 */
export function bodyRules<Values extends object>(input: {
  schema: z.ZodType;
  wrap?: string;
  toBody: (values: Values) => object;
  fields?: Record<string, string>;
  lists?: Record<string, string>;
}): RequestRules<Values> {
  const { schema, wrap, toBody, fields = {}, lists = { metadata: 'metadata' } } = input;
  return {
    schema,
    toRequest: (values) => (wrap ? { [wrap]: toBody(values) } : toBody(values)),
    fieldOf: (path, values, code) => {
      const [field, ...rest] = wrap ? path.slice(1) : path;
      if (field === undefined) return undefined;
      const list = lists[String(field)];
      const rows = list ? (values as Record<string, Array<{ key: string }> | undefined>)[list] : undefined;
      if (list && rows) return metadataField(list, rows, rest, code);
      return fields[String(field)] ?? (String(field) in values ? String(field) : undefined);
    },
  };
}
