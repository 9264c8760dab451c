import { parseOpenStackTime } from '@cinder-console/cinder';

/**
 * One formatter per language: building an Intl.DateTimeFormat costs far more than using one, and a
 * page of 50 rows formats 50 dates on every render (in a profile of a warm volumes load, making
 * formatters took about a twentieth of the page's script time).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone dates are shown in: the system's (the browser's), unless the first paint names the user's. */
let timeZone: string | undefined;

/**
 * Shows dates in `zone` from now on (an IANA name such as `Asia/Shanghai`; undefined: the system's).
 * For the first paint, drawn on the server for a browser elsewhere; a name the runtime does not
 * know leaves the system's zone.
 */
export function showDatesIn(zone: string | undefined): void {
  try {
    timeZone = zone && new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
}

function formatterFor(language: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A timestamp in the user's language and time zone, e.g. "23 Nov 2026, 10:31". */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = parseOpenStackTime(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatterFor(language).format(date);
}
