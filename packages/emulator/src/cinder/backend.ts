import type { CinderState } from './state.js';
import type { VolumeTypeRecord } from './records.js';

/** The one emulated backend, shaped like devstack's LVM backend `lvmdriver-1`. */
export const BACKEND = {
  /** The cinder-volume service's host (`host@backend`). */
  serviceHost: 'emulator@lvmdriver-1',
  /** The host of the scheduler and backup services. */
  nodeHost: 'emulator',
  pool: 'lvmdriver-1',
  totalCapacityGb: 1000,
} as const;

/** What the volume driver reports (`get_volume_stats`), pool capabilities merged in as the scheduler sees them. */
export function poolCapabilities(state: CinderState): Record<string, unknown> {
  const allocated = [...state.volumes.values()].reduce((sum, v) => sum + v.size, 0);
  return {
    pool_name: BACKEND.pool,
    total_capacity_gb: BACKEND.totalCapacityGb,
    free_capacity_gb: BACKEND.totalCapacityGb - allocated,
    reserved_percentage: 0,
    location_info: `LVMVolumeDriver:${BACKEND.nodeHost}:stack-volumes-${BACKEND.pool}:thin:0`,
    QoS_support: false,
    provisioned_capacity_gb: allocated,
    max_over_subscription_ratio: '20.0',
    thin_provisioning_support: true,
    thick_provisioning_support: false,
    total_volumes: state.volumes.size + 1,
    filter_function: null,
    goodness_function: null,
    multiattach: true,
    backend_state: 'up',
    allocated_capacity_gb: allocated,
    cacheable: true,
    volume_backend_name: BACKEND.pool,
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
export function backendSatisfies(state: CinderState, type: VolumeTypeRecord): boolean {
  const capabilities = poolCapabilities(state);
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

/** A row of Cinder's `services` table as `/os-services` shows it. */
export interface ServiceRecord {
  binary: 'cinder-scheduler' | 'cinder-volume' | 'cinder-backup';
  host: string;
  zone: string;
  disabled: boolean;
  disabledReason: string | null;
  frozen: boolean;
}

/** The three services a one-node deployment runs. */
export function defaultServices(zone: string): Map<string, ServiceRecord> {
  const rows: ServiceRecord[] = [
    { binary: 'cinder-scheduler', host: BACKEND.nodeHost, zone, disabled: false, disabledReason: null, frozen: false },
    { binary: 'cinder-volume', host: BACKEND.serviceHost, zone, disabled: false, disabledReason: null, frozen: false },
    { binary: 'cinder-backup', host: BACKEND.nodeHost, zone, disabled: false, disabledReason: null, frozen: false },
  ];
  return new Map(rows.map((row) => [`${row.binary}/${row.host}`, row]));
}
