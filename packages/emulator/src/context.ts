import { CinderState } from './cinder/state.js';
import { GlanceState } from './glance/state.js';
import { IdentityStore, type SeedPasswords } from './keystone/identity.js';
import { TokenStore } from './keystone/tokens.js';
import { ReceiptStore } from './keystone/mfa.js';
import { NovaState } from './nova/state.js';
import { ValidationCache } from './keystone/validation-cache.js';
import { DEFAULT_DURATIONS, FAST_TIME_SCALE, type Durations } from './sim/durations.js';
import { FaultRegistry } from './sim/faults.js';
import { HoldRegistry } from './sim/holds.js';
import { Scheduler } from './sim/scheduler.js';
import { NotificationPublisher } from './notify/publisher.js';

export type Profile = 'default' | 'huawei-evs';

export interface EmulatorOptions {
  /**
   * Keystone's `[federation] trusted_dashboard`: the origins WebSSO may post a token back to. By
   * default any page on this machine (localhost, 127.0.0.1, [::1]), as a development cloud would.
   */
  trustedDashboards?: string[];
  /** Passwords of the seed users (default: each user's name). */
  passwords?: SeedPasswords;
  /** Token lifetime in seconds (Keystone's default is 3600). */
  tokenTtlSeconds?: number;
  /** keystonemiddleware's `token_cache_time`: how long Cinder trusts a token it has validated (default 300). */
  tokenCacheSeconds?: number;
  /** Regions, each with its own Cinder and state; the first is where `/volume` lives. */
  regions?: string[];
  /** Fifty times faster transitions, for tests. */
  fast?: boolean;
  /** Multiplies every duration (overrides `fast`). */
  timeScale?: number;
  durations?: Partial<Durations>;
  /** Also serve the v2 API (`/volume/v2/{project_id}`) and list `volumev2` in the catalog. */
  v2?: boolean;
  /** A v2-only cloud: the catalog lists only `volumev2`, `/volume/v3` is absent, links say `/v2` (implies `v2`). */
  v2Only?: boolean;
  /** `huawei-evs`: snapshot rollback, at most 7 snapshots per volume, EVS-style zones. */
  profile?: Profile;
  /** Extra entries for `resource_filters.json`, e.g. `{ volume: ['name~'] }` to allow "like" filters. */
  extraResourceFilters?: Partial<Record<'volume' | 'snapshot' | 'backup', string[]>>;
  /** Called after every change, to persist state (`--state FILE`). */
  onChange?: () => void;
  /**
   * Publish Cinder's notifications (`driver = messagingv2`) on this RabbitMQ, an oslo.messaging
   * transport URL: `rabbit://user:pass@host:5672/`. Unset: no notifications, as with `driver = noop`.
   */
  notificationsUrl?: string;
  /** `control_exchange` the notifications go to (default `openstack`, as Cinder's). */
  notificationsExchange?: string;
}

/** Everything the emulator's routers share. */
export class EmulatorContext {
  readonly identity: IdentityStore;
  readonly tokens: TokenStore;
  /** MFA auth receipts (Openstack-Auth-Receipt). */
  readonly receipts = new ReceiptStore();
  /** How Cinder and Glance see tokens: through keystonemiddleware's cache. */
  readonly serviceTokens: ValidationCache;
  /** Cinder per region, in catalog order. */
  readonly regions: Map<string, CinderState>;
  readonly glance: GlanceState;
  /** Servers and their volume attachments (one compute service for every region). */
  readonly nova = new NovaState();
  readonly scheduler: Scheduler;
  readonly faults = new FaultRegistry();
  /** Operations kept in their transitional status until a test releases them (`/emulator/control/holds`). */
  readonly holds = new HoldRegistry();
  readonly durations: Durations;
  readonly profile: Profile;
  readonly v2: boolean;
  readonly v2Only: boolean;
  readonly trustedDashboards: string[] | undefined;
  readonly extraResourceFilters: NonNullable<EmulatorOptions['extraResourceFilters']>;
  private readonly onChange: (() => void) | undefined;
  /** The bus Cinder's notifications go to, when the emulator was given one. */
  readonly notifications: NotificationPublisher | undefined;
  /** Set when the server starts listening; endpoints in the catalog are built from it. */
  publicUrl = 'http://127.0.0.1:5050';

  constructor(options: EmulatorOptions = {}) {
    this.identity = new IdentityStore(options.passwords);
    this.tokens = new TokenStore(options.tokenTtlSeconds ?? 3600, undefined, (token) =>
      this.identity.tokenStands(token),
    );
    this.serviceTokens = new ValidationCache(this.tokens, (options.tokenCacheSeconds ?? 300) * 1000);
    this.profile = options.profile ?? 'default';
    this.v2Only = options.v2Only ?? false;
    this.trustedDashboards = options.trustedDashboards;
    this.v2 = (options.v2 ?? false) || this.v2Only;
    this.extraResourceFilters = options.extraResourceFilters ?? {};
    const huawei = this.profile === 'huawei-evs';
    const regionNames = options.regions ?? ['RegionOne', 'RegionTwo'];
    this.regions = new Map(
      regionNames.map((name, index) => [
        name,
        new CinderState({
          availabilityZones: huawei ? [`az${index + 1}.dc1`, `az${index + 2}.dc1`] : ['nova'],
          ...(huawei ? { maxSnapshotsPerVolume: 7 } : {}),
        }),
      ]),
    );
    this.glance = new GlanceState();
    this.scheduler = new Scheduler(options.timeScale ?? (options.fast ? FAST_TIME_SCALE : 1));
    this.durations = { ...DEFAULT_DURATIONS, ...options.durations };
    this.onChange = options.onChange;
    this.notifications = options.notificationsUrl
      ? new NotificationPublisher({
          url: options.notificationsUrl,
          ...(options.notificationsExchange ? { exchange: options.notificationsExchange } : {}),
        })
      : undefined;
  }

  get identityUrl(): string {
    return `${this.publicUrl}/identity`;
  }

  get computeUrl(): string {
    return `${this.publicUrl}/compute/v2.1`;
  }

  get imageUrl(): string {
    return `${this.publicUrl}/image`;
  }

  /** The first region: the default one, served at `/volume`. */
  get defaultRegion(): string {
    return this.regions.keys().next().value!;
  }

  /** Where a region's Cinder is mounted. */
  volumeBasePath(region: string): string {
    return region === this.defaultRegion ? '/volume' : `/${region}/volume`;
  }

  /** Tells the persistence layer something changed. */
  persist(): void {
    this.onChange?.();
  }
}
