import { parseOpenStackTime } from '@cinder-console/cinder';

/** A timestamp in the user's language and time zone, e.g. "23 Nov 2026, 10:31". */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = parseOpenStackTime(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
