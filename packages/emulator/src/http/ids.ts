import { randomBytes, randomUUID } from 'node:crypto';

/** `req-<uuid4>`, the form oslo's RequestId middleware puts on every response. */
export function newRequestId(): string {
  return `req-${randomUUID()}`;
}

/** Keystone and Cinder use 32 lowercase hex digits for project, user, role and service ids. */
export function newHexId(): string {
  return randomUUID().replaceAll('-', '');
}

/** A token string shaped like a Fernet token (`gAAAAAB…`, about 180 characters). */
export function newTokenString(): string {
  return `gAAAAAB${randomBytes(135).toString('base64url')}`;
}

/** A Keystone audit id: 16 random bytes, url-safe base64 without padding (22 characters). */
export function newAuditId(): string {
  return randomBytes(16).toString('base64url');
}
