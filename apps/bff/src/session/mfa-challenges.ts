import type { ReceiptRequired } from '../keystone/client.js';
import { Pending } from './pending.js';

/** What the password step left for the passcode step, kept in the BFF only. */
export interface MfaChallenge {
  receipt: string;
  userId: string;
  username: string;
  domain: string | undefined;
  project: string | undefined;
  /** The cloud whose Keystone issued the receipt. */
  cloud: string;
  expiresAt: number;
  /** Wrong passcodes so far: past the limit the ticket is gone and the password is asked again. */
  failures: number;
}

/** Keystone's receipts last five minutes by default; the ticket no longer. */
const TICKET_MS = 5 * 60_000;
const MAX_FAILURES = 5;

/** Pending multi-factor sign-ins by ticket (a random 43-character id the browser holds for the passcode step). */
export class MfaChallenges {
  private readonly pending = new Pending<MfaChallenge>();

  /** The ticket of a new challenge, or undefined when too many sign-ins wait for a passcode. */
  open(
    required: ReceiptRequired,
    asked: Pick<MfaChallenge, 'username' | 'domain' | 'project' | 'cloud'>,
  ): { ticket: string; expiresAt: number } | undefined {
    const expiresAt = Date.now() + TICKET_MS;
    const ticket = this.pending.add({
      receipt: required.receipt,
      userId: required.userId,
      ...asked,
      expiresAt,
      failures: 0,
    });
    return ticket ? { ticket, expiresAt } : undefined;
  }

  find(ticket: string): MfaChallenge | undefined {
    return this.pending.find(ticket);
  }

  /** Counts a wrong passcode; the ticket ends at the limit. */
  failed(ticket: string): void {
    const challenge = this.pending.find(ticket);
    if (challenge && ++challenge.failures >= MAX_FAILURES) this.pending.delete(ticket);
  }

  close(ticket: string): void {
    this.pending.delete(ticket);
  }
}
