/**
 * Tells the BFF the browser's time zone (cookie `cc_tz`, read by apps/bff/src/first-paint.ts), so
 * the dates of a page it draws before the app runs are the ones the app then shows.
 */
export function rememberTimeZone(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `cc_tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=strict${secure}`;
}
