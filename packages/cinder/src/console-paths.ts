/** Where the console goes when nothing (or nothing safe) asked for a destination. */
export const HOME_PATH = '/overview';

/** Longer return targets are no address a user followed. */
const MAX_NEXT_LENGTH = 2048;

/**
 * A return target after signing in (the login page's `?next=`, a single sign-on's `next`), when it
 * is a path on this site. Anything else (another origin, `//host`, `/\host` which browsers read as
 * `//host`, a scheme, the login page itself) falls back to the home page, so a crafted link cannot
 * send a freshly signed-in user elsewhere. The SPA and the BFF judge it alike.
 */
export function safeNext(next: unknown, origin: string): string {
  if (typeof next !== 'string' || next.length > MAX_NEXT_LENGTH) return HOME_PATH;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
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
