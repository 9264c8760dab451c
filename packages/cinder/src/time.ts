/**
 * Parses an OpenStack timestamp. Cinder renders UTC times without a zone suffix
 * (`2022-11-30T10:20:30.123456`); Keystone adds `Z`. Both mean UTC, so a missing zone is read as UTC
 * rather than as the browser's local time.
 */
export function parseOpenStackTime(value: string): Date {
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  return new Date(hasZone ? value : `${value}Z`);
}
