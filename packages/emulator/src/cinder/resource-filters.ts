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

/** `name~=abc` ("like" filters, 3.34): a case-insensitive substring match. */
export function matchesName(name: string | null, key: string, value: string): boolean | undefined {
  if (key === 'name') return name === value;
  if (key === 'name~') return (name ?? '').toLowerCase().includes(value.toLowerCase());
  return undefined;
}
