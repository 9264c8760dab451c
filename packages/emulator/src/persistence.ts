import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CinderState } from './cinder/state.js';
import type { EmulatorContext } from './context.js';
import type { IdentityData } from './keystone/identity.js';

const FORMAT = 1;
const DATE_KEY = /(?:At|Until|Timestamp)$/;

/** The Cinder collections persisted per region (everything but the constants). */
const CINDER_MAPS = [
  'volumes',
  'snapshots',
  'backups',
  'volumeTypes',
  'qosSpecs',
  'messages',
  'transfers',
  'defaultTypes',
  'quotaOverrides',
  'services',
  'groupTypes',
  'groups',
  'groupSnapshots',
  'unmanagedVolumes',
  'unmanagedSnapshots',
] as const;

function serialize(ctx: EmulatorContext): string {
  const regions = Object.fromEntries(
    [...ctx.regions].map(([name, state]) => [
      name,
      {
        ...Object.fromEntries(CINDER_MAPS.map((key) => [key, [...state[key]]])),
        quotaDefaults: state.quotaDefaults,
      },
    ]),
  );
  const {
    domains,
    roles,
    projects,
    users,
    groups,
    memberships,
    assignments,
    implications,
    applicationCredentials,
    credentials,
  } = ctx.identity;
  const identity: IdentityData = {
    domains,
    roles,
    projects,
    users,
    groups,
    memberships,
    assignments,
    implications,
    applicationCredentials,
    credentials,
  };
  return JSON.stringify({
    format: FORMAT,
    identity,
    tokens: ctx.tokens.entries(),
    regions,
    images: [...ctx.glance.images],
  });
}

function restore(ctx: EmulatorContext, text: string): void {
  const data = JSON.parse(text, (key, value) =>
    DATE_KEY.test(key) && typeof value === 'string' ? new Date(value) : value,
  ) as {
    format: number;
    identity: IdentityData;
    tokens: Parameters<EmulatorContext['tokens']['restore']>[0];
    regions: Record<string, Record<string, unknown>>;
    images: Array<[string, never]>;
  };
  if (data.format !== FORMAT) throw new Error(`state file format ${data.format} is not supported (expected ${FORMAT})`);
  ctx.identity.restore(data.identity);
  ctx.tokens.restore(data.tokens);
  for (const [name, saved] of Object.entries(data.regions)) {
    const state = ctx.regions.get(name);
    if (!state) continue;
    for (const key of CINDER_MAPS) {
      // Files written before a collection existed keep its defaults.
      if (!saved[key]) continue;
      const map = state[key] as Map<string, unknown>;
      map.clear();
      for (const [id, value] of saved[key] as Array<[string, unknown]>) map.set(id, value);
    }
    state.quotaDefaults = saved.quotaDefaults as CinderState['quotaDefaults'];
  }
  ctx.glance.images.clear();
  for (const [id, image] of data.images) ctx.glance.images.set(id, image);
}

/**
 * `--state FILE`: the emulator's data survives restarts. Loaded once at start; written after
 * changes, at most every `debounceMs`, to a temporary file renamed over the old one, so a crash
 * mid-write never leaves a truncated file.
 */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly path: string,
    private readonly debounceMs = 100,
  ) {}

  /** Loads the file into `ctx` if it exists; returns whether it did. */
  load(ctx: EmulatorContext): boolean {
    if (!existsSync(this.path)) return false;
    restore(ctx, readFileSync(this.path, 'utf8'));
    return true;
  }

  saveSoon(ctx: EmulatorContext): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow(ctx);
    }, this.debounceMs);
    this.timer.unref();
  }

  saveNow(ctx: EmulatorContext): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(ctx));
    renameSync(temporary, this.path);
  }
}
