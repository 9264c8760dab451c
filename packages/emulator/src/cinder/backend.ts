import type { CinderState } from './state.js';
import type { VolumeTypeRecord } from './records.js';

/** A cinder-volume backend of the emulated deployment, with its one pool. */
export interface Backend {
  /** The cinder-volume service's host (`host@backend`). */
  serviceHost: string;
  pool: string;
  totalCapacityGb: number;
  /** What the backend's pool reports beyond capacity. */
  reservedPercentage: number;
  maxOverSubscriptionRatio: string;
}

/**
 * Two backends, shaped like devstack's LVM `lvmdriver-1` and a second one, so that a volume can
 * be migrated between pools (`os-migrate_volume`) as on a multi-backend deployment.
 */
export const BACKENDS: readonly Backend[] = [
  {
    serviceHost: 'emulator@lvmdriver-1',
    pool: 'lvmdriver-1',
    totalCapacityGb: 1000,
    reservedPercentage: 0,
    maxOverSubscriptionRatio: '20.0',
  },
  {
    serviceHost: 'emulator@lvmdriver-2',
    pool: 'lvmdriver-2',
    totalCapacityGb: 500,
    reservedPercentage: 10,
    maxOverSubscriptionRatio: '1.0',
  },
];

/** The first backend, where volumes go unless their type asks for the other, and the node's host. */
export const BACKEND = {
  ...BACKENDS[0]!,
  /** The host of the scheduler and backup services. */
  nodeHost: 'emulator',
} as const;

/** `host@backend#pool`, the host string a volume on that backend carries. */
export const poolHost = (backend: Backend) => `${backend.serviceHost}#${backend.pool}`;

/** The backend that serves `host` at any level (`host@backend` or `host@backend#pool`). */
export function backendOf(host: string | null | undefined): Backend | undefined {
  if (!host) return undefined;
  const serviceHost = host.split('#')[0];
  return BACKENDS.find((b) => b.serviceHost === serviceHost);
}

/** What the volume driver reports (`get_volume_stats`), pool capabilities merged in as the scheduler sees them. */
export function poolCapabilities(state: CinderState, backend: Backend = BACKENDS[0]!): Record<string, unknown> {
  const volumes = [...state.volumes.values()].filter((v) => backendOf(v.host) === backend);
  const allocated = volumes.reduce((sum, v) => sum + v.size, 0);
  return {
    pool_name: backend.pool,
    total_capacity_gb: backend.totalCapacityGb,
    // Thin pools may hold more than their size (over-subscription); what is left never goes below 0.
    free_capacity_gb: Math.max(backend.totalCapacityGb - allocated, 0),
    reserved_percentage: backend.reservedPercentage,
    location_info: `LVMVolumeDriver:${BACKEND.nodeHost}:stack-volumes-${backend.pool}:thin:0`,
    QoS_support: false,
    provisioned_capacity_gb: allocated,
    max_over_subscription_ratio: backend.maxOverSubscriptionRatio,
    thin_provisioning_support: true,
    thick_provisioning_support: false,
    total_volumes: volumes.length + 1,
    filter_function: null,
    goodness_function: null,
    multiattach: true,
    backend_state: 'up',
    allocated_capacity_gb: allocated,
    cacheable: true,
    volume_backend_name: backend.pool,
    storage_protocol: 'iSCSI',
    vendor_name: 'Open Source',
    driver_version: '3.0.0',
    sparse_copy_volume: true,
    timestamp: new Date().toISOString().replace('Z', ''),
  };
}

const TRUE_STRINGS = ['1', 't', 'true', 'on', 'y', 'yes'];
const number = (x: unknown) => Number.parseFloat(String(x));
/** cinder/scheduler/filters/extra_specs_ops.py: the operators an extra spec may start with. */
const OPERATORS: Record<string, (value: unknown, wanted: string) => boolean> = {
  '=': (x, y) => number(x) >= number(y),
  '<in>': (x, y) => String(x).includes(y),
  '<all-in>': (x, y) => Array.isArray(x) && x.map(String).includes(y),
  '<is>': (x, y) => String(x).toLowerCase() === String(TRUE_STRINGS.includes(y.toLowerCase())),
  '==': (x, y) => number(x) === number(y),
  '!=': (x, y) => number(x) !== number(y),
  '>=': (x, y) => number(x) >= number(y),
  '<=': (x, y) => number(x) <= number(y),
  's==': (x, y) => String(x) === y,
  's!=': (x, y) => String(x) !== y,
  's<': (x, y) => String(x) < y,
  's<=': (x, y) => String(x) <= y,
  's>': (x, y) => String(x) > y,
  's>=': (x, y) => String(x) >= y,
};

/** `extra_specs_ops.match`: without an operator the capability must equal the spec as a string. */
function matchesSpec(value: unknown, requirement: string): boolean {
  const words = requirement.split(/\s+/).filter(Boolean);
  const operator = words.shift();
  if (operator === '<or>') {
    const options = words.filter((_, index) => index % 2 === 0);
    return value !== undefined && value !== null && options.includes(String(value));
  }
  const method = operator ? OPERATORS[operator] : undefined;
  if (!method) return typeof value === 'string' && value === requirement;
  if (value === undefined || value === null || words.length === 0) return false;
  return method(value, words[0]!);
}

/**
 * The CapabilitiesFilter: every unscoped (or `capabilities:`-scoped) extra spec must name a
 * capability the backend reports, with a matching value; other scopes (`RESKEY:`, vendor
 * prefixes) are ignored. A type nothing satisfies makes the volume `error` with Cinder's
 * "Could not find any available weighted backend." message.
 */
function backendSatisfies(state: CinderState, backend: Backend, type: VolumeTypeRecord): boolean {
  const capabilities = poolCapabilities(state, backend);
  return Object.entries(type.extraSpecs).every(([key, requirement]) => {
    const scope = key.split(':');
    if (scope.length > 1 && scope[0] !== 'capabilities') return true;
    if (scope[0] === 'capabilities') scope.shift();
    let capability: unknown = capabilities;
    for (const part of scope) {
      if (capability === null || typeof capability !== 'object' || !(part in capability)) return false;
      capability = (capability as Record<string, unknown>)[part];
    }
    const values = Array.isArray(capability) ? capability : [capability];
    return values.some((value) => matchesSpec(value, requirement));
  });
}

/** The first backend whose pool satisfies the type (the scheduler's pick), if any. */
export function scheduleBackend(state: CinderState, type: VolumeTypeRecord): Backend | undefined {
  return BACKENDS.find((backend) => backendSatisfies(state, backend, type));
}

/** A row of Cinder's `services` table as `/os-services` shows it. */
export interface ServiceRecord {
  binary: 'cinder-scheduler' | 'cinder-volume' | 'cinder-backup';
  host: string;
  zone: string;
  disabled: boolean;
  disabledReason: string | null;
  frozen: boolean;
}

/** The services a one-node deployment with two backends runs. */
export function defaultServices(zone: string): Map<string, ServiceRecord> {
  const rows: ServiceRecord[] = [
    { binary: 'cinder-scheduler', host: BACKEND.nodeHost, zone, disabled: false, disabledReason: null, frozen: false },
    ...BACKENDS.map((b): ServiceRecord => ({
      binary: 'cinder-volume',
      host: b.serviceHost,
      zone,
      disabled: false,
      disabledReason: null,
      frozen: false,
    })),
    { binary: 'cinder-backup', host: BACKEND.nodeHost, zone, disabled: false, disabledReason: null, frozen: false },
  ];
  return new Map(rows.map((row) => [`${row.binary}/${row.host}`, row]));
}

/** A volume or snapshot on a backend that Cinder does not manage (`volume-<id>` after an unmanage). */
export interface UnmanagedItem {
  /** The cinder-volume service's host (`host@backend`). */
  host: string;
  name: string;
  size: number;
  /** For a snapshot: the name of the volume it was taken of. */
  source?: string;
}

/** The unmanaged storage a new emulated cloud starts with: one volume per backend. */
export function seedUnmanaged(): Map<string, UnmanagedItem> {
  const items: UnmanagedItem[] = BACKENDS.map((b, index) => ({
    host: b.serviceHost,
    name: index === 0 ? 'legacy-app-data' : 'legacy-archive',
    size: index === 0 ? 2 : 4,
  }));
  return new Map(items.map((item) => [`${item.host}/${item.name}`, item]));
}
