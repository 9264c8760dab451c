/** Keystone renders `2026-11-23T07:43:25.000000Z`: microseconds and a `Z`. */
export function keystoneTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Cinder renders `2026-11-23T06:43:26.000000`: microseconds and no zone (it means UTC). */
export function cinderTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}
