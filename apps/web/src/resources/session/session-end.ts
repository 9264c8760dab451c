/**
 * Why the last session ended, so the app can respond in kind: after a deliberate sign-out the
 * login page leads nowhere in particular; after a lost session (expired or revoked token) it says
 * so and leads back to where the user was; after the user chose to sign in again before the
 * session ran out, it leads back without speaking of expiry.
 */
export type SessionEnd = 'signedOut' | 'lost' | 'renewing';

let lastEnd: SessionEnd | undefined;

export function recordSessionEnd(reason: SessionEnd | undefined): void {
  lastEnd = reason;
}

export function lastSessionEnd(): SessionEnd | undefined {
  return lastEnd;
}

/** The notice that a session ended under an open dialog; signing in again makes it old news. */
export const SESSION_LOST_NOTICE = 'session-lost-in-dialog';
