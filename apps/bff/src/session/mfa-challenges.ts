import type { ReceiptRequired } from '../keystone/client.js';
import { newSecret } from './login.js';

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

/**
 * Pending multi-factor sign-ins by ticket (a random 43-character id the browser holds for the
 * passcode step). In this process's memory: with replicas behind a balancer, the passcode must
 * reach the replica that asked for it (docs/bff-configuration.md).
 */
export class MfaChallenges {
  private readonly pending = new Map<string, MfaChallenge>();

  open(
    required: ReceiptRequired,
    asked: Pick<MfaChallenge, 'username' | 'domain' | 'project' | 'cloud'>,
  ): {
    ticket: string;
    expiresAt: number;
  } {
    const now = Date.now();
    for (const [ticket, challenge] of this.pending) if (challenge.expiresAt <= now) this.pending.delete(ticket);
    const ticket = newSecret();
    const expiresAt = now + TICKET_MS;
    this.pending.set(ticket, { receipt: required.receipt, userId: required.userId, ...asked, expiresAt, failures: 0 });
    return { ticket, expiresAt };
  }

  find(ticket: string): MfaChallenge | undefined {
    const challenge = this.pending.get(ticket);
    if (challenge && challenge.expiresAt > Date.now()) return challenge;
    this.pending.delete(ticket);
    return undefined;
  }

  /** Counts a wrong passcode; the ticket ends at the limit. */
  failed(ticket: string): void {
    const challenge = this.pending.get(ticket);
    if (challenge && ++challenge.failures >= MAX_FAILURES) this.pending.delete(ticket);
  }

  close(ticket: string): void {
    this.pending.delete(ticket);
  }
}
