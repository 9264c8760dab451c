import { Secret, TOTP } from 'otpauth';
import { newTokenString } from '../http/ids.js';
import type { IdentityStore, User } from './identity.js';

/** What an auth receipt stands for: the user and the methods already passed. */
export interface Receipt {
  userId: string;
  methods: string[];
  issuedAt: Date;
  expiresAt: Date;
}

/** Keystone's `[receipt] expiration` default: five minutes to bring the missing factors. */
const RECEIPT_TTL_MS = 300_000;

/**
 * Auth receipts (`Openstack-Auth-Receipt`): Keystone's proof that some of a user's MFA rule was
 * met, handed back with 401 and brought to the next `POST /v3/auth/tokens`. Fernet in Keystone;
 * kept in a map here, with the same observable expiry.
 */
export class ReceiptStore {
  private readonly receipts = new Map<string, Receipt>();

  issue(userId: string, methods: string[]): { id: string; receipt: Receipt } {
    const issuedAt = new Date();
    const receipt = { userId, methods, issuedAt, expiresAt: new Date(issuedAt.getTime() + RECEIPT_TTL_MS) };
    const id = newTokenString();
    this.receipts.set(id, receipt);
    return { id, receipt };
  }

  validate(id: string | undefined): Receipt | undefined {
    const receipt = id ? this.receipts.get(id) : undefined;
    if (!receipt || receipt.expiresAt.getTime() <= Date.now()) return undefined;
    return receipt;
  }
}

/**
 * Keystone's `totp` method: the passcode of any of the user's `totp` credentials, for the current
 * 30-second window or the one before (`[totp] included_previous_windows = 1`), six digits, SHA-1.
 */
export function totpMatches(identity: IdentityStore, userId: string, passcode: string): boolean {
  return identity.credentials
    .filter((c) => c.userId === userId && c.type === 'totp')
    .some((credential) => {
      let secret: Secret;
      try {
        secret = Secret.fromBase32(credential.blob);
      } catch {
        return false;
      }
      const delta = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).validate({
        token: passcode,
        window: 1,
      });
      return delta === 0 || delta === -1;
    });
}

/**
 * The user's MFA rules when they apply and none is met by `methods` (Keystone's
 * `UserMFARulesValidator`): undefined when the user may have a token.
 */
export function unmetRules(user: User, methods: string[]): string[][] | undefined {
  const rules = (user.options?.multi_factor_auth_rules ?? []).filter((rule) => rule.length > 0);
  if (!user.options?.multi_factor_auth_enabled || rules.length === 0) return undefined;
  return rules.some((rule) => rule.every((method) => methods.includes(method))) ? undefined : rules;
}
