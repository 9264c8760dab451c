import { newAuditId, newTokenString } from '../http/ids.js';

export interface IssuedToken {
  userId: string;
  /** Absent for an unscoped token. */
  projectId: string | undefined;
  methods: string[];
  issuedAt: Date;
  expiresAt: Date;
  auditIds: string[];
  /** Set on a token obtained with an application credential: its roles are the credential's. */
  applicationCredentialId?: string;
  /** Set on a token of a federated (WebSSO) sign-in, and on the tokens obtained with it. */
  federation?: Federation;
}

/** Keystone's `OS-FEDERATION` of a federated user: who vouched for them, how, and the groups mapped. */
export interface Federation {
  identityProvider: string;
  protocol: string;
  groups: string[];
}

/**
 * Issued tokens. Keystone's Fernet tokens are self-contained; the emulator keeps them in a map,
 * which gives the same observable behaviour: expiry, revocation, and a rescoped token that keeps
 * the original's expiry and audit chain.
 */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
    /** Keystone's revocation check: false once the token's user, project, grant or credential is gone. */
    private readonly stands: (token: IssuedToken) => boolean = () => true,
  ) {}

  issue(input: {
    userId: string;
    projectId: string | undefined;
    methods: string[];
    parent?: IssuedToken;
    applicationCredentialId?: string;
    federation?: Federation;
  }): {
    id: string;
    token: IssuedToken;
  } {
    const issuedAt = this.now();
    // A token obtained with another token never outlives it, as in Keystone.
    const expiresAt = input.parent?.expiresAt ?? new Date(issuedAt.getTime() + this.ttlSeconds * 1000);
    const token: IssuedToken = {
      userId: input.userId,
      projectId: input.projectId,
      methods: input.methods,
      issuedAt,
      expiresAt,
      auditIds: input.parent ? [newAuditId(), input.parent.auditIds[0]!] : [newAuditId()],
      ...(input.applicationCredentialId ? { applicationCredentialId: input.applicationCredentialId } : {}),
    };
    const federation = input.parent?.federation ?? input.federation;
    if (federation) token.federation = federation;
    const id = newTokenString();
    this.tokens.set(id, token);
    return { id, token };
  }

  /** The live token for this string, or undefined when unknown, expired or revoked. */
  validate(id: string | undefined): IssuedToken | undefined {
    if (!id) return undefined;
    const token = this.tokens.get(id);
    if (!token) return undefined;
    if (token.expiresAt.getTime() <= this.now().getTime() || !this.stands(token)) {
      this.tokens.delete(id);
      return undefined;
    }
    return token;
  }

  /** How many live tokens a user holds: lets tests see that a logout really revoked one. */
  liveCount(userId: string): number {
    return [...this.tokens.keys()].filter((id) => this.validate(id)?.userId === userId).length;
  }

  /** Every token, for persistence. */
  entries(): Array<[string, IssuedToken]> {
    return [...this.tokens];
  }

  restore(entries: Array<[string, IssuedToken]>): void {
    this.tokens.clear();
    for (const [id, token] of entries) this.tokens.set(id, token);
  }

  revoke(id: string): boolean {
    return this.tokens.delete(id);
  }
}
