import { badRequest } from './errors.js';

/**
 * Cinder validates bodies with jsonschema and renders failures as
 * `Invalid input for field/attribute <field>. Value: <str(value)>. <jsonschema message>`, where the
 * message quotes values with Python's repr. These helpers reproduce those texts (jsonschema 4.10).
 */

/** Python's `repr()` of a JSON value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value as object)
    .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
    .join(', ')}}`;
}

/** Python's `str()`: like repr, but a top-level string is unquoted. */
function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

export function invalidField(field: string, value: unknown, message: string): Error {
  return badRequest(`Invalid input for field/attribute ${field}. Value: ${pyStr(value)}. ${message}`);
}

const TRUE_VALUES = [true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't'];
const FALSE_VALUES = [false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f'];

/** `parameter_types.boolean`: the many spellings oslo accepts. */
export function checkBoolean(field: string, value: unknown): boolean {
  if (TRUE_VALUES.includes(value as never)) return true;
  if (FALSE_VALUES.includes(value as never)) return false;
  throw invalidField(field, value, `${pyRepr(value)} is not one of ${pyRepr([...TRUE_VALUES, ...FALSE_VALUES])}`);
}

export function optionalBoolean(field: string, value: unknown, fallback: boolean): boolean {
  return value === undefined ? fallback : checkBoolean(field, value);
}

/** Volume `size`: an integer or a digit string, 1..2147483647, or null. */
export function checkSize(field: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (!/^[0-9]+$/.test(value)) throw invalidField(field, value, `${pyRepr(value)} does not match '^[0-9]+$'`);
    value = Number(value);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidField(field, value, `${pyRepr(value)} is not of type 'integer', 'string', 'null'`);
  }
  if (value < 1) throw invalidField(field, value, `${value} is less than the minimum of 1`);
  if (value > 2147483647) throw invalidField(field, value, `${value} is greater than the maximum of 2147483647`);
  return value;
}

/**
 * Volume names and descriptions go through a format checker that strips spaces and counts
 * characters (`Invalid input received: name has 256 characters, more than 255.`).
 */
export function checkVolumeText(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalidField(field, value, `${pyRepr(value)} is not of type 'string', 'null'`);
  const stripped = value.trim();
  if (stripped.length > 255) {
    throw badRequest(`Invalid input received: ${field} has ${stripped.length} characters, more than 255.`);
  }
  return stripped;
}

/** Snapshot, backup and type names: plain jsonschema strings of at most 255 characters. */
export function checkText(field: string, value: unknown, options: { minLength?: number } = {}): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalidField(field, value, `${pyRepr(value)} is not of type 'string', 'null'`);
  if (value.length > 255) throw invalidField(field, value, `${pyRepr(value)} is too long`);
  if (options.minLength && value.length < options.minLength)
    throw invalidField(field, value, `${pyRepr(value)} is too short`);
  return value;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function checkUuid(field: string, value: unknown, options: { nullable: boolean }): string | null {
  if (value === null || value === undefined) {
    if (options.nullable) return null;
    throw invalidField(field, value, `None is not of type 'string'`);
  }
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw invalidField(field, value, `${pyRepr(value)} is not valid under any of the given schemas`);
  }
  return value;
}

const METADATA_KEY = /^[a-zA-Z0-9-_:. /]{1,255}$/;

/** `parameter_types.metadata_allows_null`-style objects of short string values. */
export function checkMetadata(field: string, value: unknown): Record<string, string> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidField(field, value, `${pyRepr(value)} is not of type 'object'`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (!METADATA_KEY.test(key)) {
      throw invalidField(
        field,
        value,
        `${pyRepr(key)} does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'`,
      );
    }
    if (typeof item !== 'string') throw invalidField(key, item, `${pyRepr(item)} is not of type 'string'`);
    if (item.length > 255) throw invalidField(key, item, `${pyRepr(item)} is too long`);
  }
  return { ...(value as Record<string, string>) };
}

/** `additionalProperties: false`, with jsonschema's wording for one or several extras. */
export function checkNoExtraKeys(field: string, body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length === 0) return;
  const list = extra.map(pyRepr).join(', ');
  throw invalidField(
    field,
    body,
    `Additional properties are not allowed (${list} ${extra.length === 1 ? 'was' : 'were'} unexpected)`,
  );
}

/** `parameter_types.uuid`: a string in the `uuid` format (`uuidutils.is_uuid_like`), never null. */
export function checkUuidFormat(field: string, value: unknown): string {
  if (typeof value !== 'string') throw invalidField(field, value, `${pyRepr(value)} is not of type 'string'`);
  if (!UUID.test(value.replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1'))) {
    throw invalidField(field, value, `${pyRepr(value)} is not a 'uuid'`);
  }
  return value;
}

/**
 * `parameter_types.extra_specs`, the schema of volume metadata bodies (`POST`/`PUT /metadata`,
 * `os-set_image_metadata`): an object, never null, of keys matching the pattern and short strings.
 */
export function checkMetadataObject(field: string, value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidField(field, value, `${pyRepr(value)} is not of type 'object'`);
  }
  return checkMetadata(field, value);
}
