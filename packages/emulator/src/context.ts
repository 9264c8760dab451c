import { IdentityStore, type SeedPasswords } from './keystone/identity.js';
import { TokenStore } from './keystone/tokens.js';
import { CinderState } from './cinder/state.js';

export interface EmulatorOptions {
  /** Passwords of the seed users (default: each user's name). */
  passwords?: SeedPasswords;
  /** Token lifetime in seconds (Keystone's default is 3600). */
  tokenTtlSeconds?: number;
  /** Region name in the catalog. */
  region?: string;
}

/** Everything the emulator's routers share: identity, tokens, Cinder state, and its own public URL. */
export class EmulatorContext {
  readonly identity: IdentityStore;
  readonly tokens: TokenStore;
  readonly cinder: CinderState;
  readonly region: string;
  /** Set when the server starts listening; endpoints in the catalog are built from it. */
  publicUrl = 'http://127.0.0.1:5050';

  constructor(options: EmulatorOptions = {}) {
    this.identity = new IdentityStore(options.passwords);
    this.tokens = new TokenStore(options.tokenTtlSeconds ?? 3600);
    this.cinder = new CinderState();
    this.region = options.region ?? 'RegionOne';
    this.cinder.seed(this.identity);
  }

  get identityUrl(): string {
    return `${this.publicUrl}/identity`;
  }

  /** Cinder's endpoint for a project, as the catalog lists it (`.../volume/v3/<project_id>`). */
  volumeUrl(projectId: string): string {
    return `${this.publicUrl}/volume/v3/${projectId}`;
  }
}
