/** Where the login page goes when nothing (or nothing safe) asked for a destination. */
export const HOME_PATH = '/overview';

/**
 * The return target of the login page, when it is a path on this site. Anything else (another
 * origin, `//host`, `/\host` which browsers read as `//host`, a scheme, the login page itself)
 * falls back to the home page, so a crafted link cannot send a freshly signed-in user elsewhere.
 */
export function safeNext(next: string | null | undefined, origin = window.location.origin): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== origin || isLoginPath(url.pathname)) return HOME_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Whether `pathname` is the sign-in page's. */
export function isLoginPath(pathname: string): boolean {
  return pathname === '/login' || pathname.startsWith('/login/');
}

/** The login address that brings the user back to `path` (path, search and hash of this site). */
export function loginPathFor(path: string, reason?: 'expired'): string {
  const params = new URLSearchParams({ next: path });
  if (reason) params.set('reason', reason);
  return `/login?${params}`;
}
