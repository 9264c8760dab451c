import type { EmulatorContext } from '../context.js';

/** `etc/cinder/resource_filters.json` at 21.3.1: what non-admins may filter on. */
export const RESOURCE_FILTERS: Record<string, string[]> = {
  volume: [
    'name',
    'status',
    'metadata',
    'bootable',
    'migration_status',
    'availability_zone',
    'group_id',
    'size',
    'created_at',
    'updated_at',
    'consumes_quota',
  ],
  backup: ['name', 'status', 'volume_id'],
  snapshot: ['name', 'status', 'volume_id', 'metadata', 'availability_zone', 'consumes_quota'],
  group: ['name'],
  group_snapshot: ['name', 'status', 'group_id'],
  attachment: ['volume_id', 'status', 'instance_id', 'attach_status'],
  message: ['resource_uuid', 'resource_type', 'event_id', 'request_id', 'message_level'],
  pool: ['name', 'volume_type'],
  volume_type: ['is_public', 'extra_specs'],
};

/** The filters in force, with any the emulator was started with (a cloud may allow `name~`). */
export function resourceFilters(ctx: EmulatorContext, resource: string): string[] {
  const extra = ctx.extraResourceFilters[resource as 'volume'] ?? [];
  return [...(RESOURCE_FILTERS[resource] ?? []), ...extra];
}

/**
 * A "like" filter (`name~=abc`, 3.34): the database's `LIKE '%abc%'`, so `%` and `_` inside the
 * value are wildcards too (seen on the real rig: `name~=alp%xyz` finds `ProbeAlpha-xyz`), and the
 * match ignores case, as MariaDB's default collation does. Admins may use it at any microversion.
 */
export function matchesLike(text: string | null, value: string): boolean {
  let pattern = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) pattern += escapeRegExp(value[++i]!);
    else if (char === '%') pattern += '.*';
    else if (char === '_') pattern += '.';
    else pattern += escapeRegExp(char);
  }
  return text !== null && new RegExp(pattern, 'is').test(text);
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `name` matches exactly; `name~` is a "like" filter. */
export function matchesName(name: string | null, key: string, value: string): boolean | undefined {
  if (key === 'name') return name === value;
  if (key === 'name~') return matchesLike(name, value);
  return undefined;
}
