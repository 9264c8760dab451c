/** Keystone renders `2026-11-23T07:43:25.000000Z`: whole seconds (Fernet tokens keep no more), six zeros and a `Z`. */
export function keystoneTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '.000000Z');
}

/**
 * Cinder renders `2026-11-23T06:43:26.000000`: microseconds and no zone (it means UTC). Its
 * database keeps whole seconds, so what it reads back always has zero microseconds (seen on the
 * real rig), and two resources made within one second tie on `created_at`.
 */
export function cinderTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '.000000');
}

/**
 * What a create call returns before the row is read back: the time with its fraction, as Cinder's
 * create views render the object they just built (a transfer's `2026-11-23T13:44:31.264088`).
 */
export function cinderTimeExact(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}
