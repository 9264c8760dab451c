/** Cinder collections and the resource kind each holds, for naming audited actions. */
const KINDS: Record<string, string> = {
  volumes: 'volume',
  snapshots: 'snapshot',
  backups: 'backup',
  types: 'volume_type',
  'qos-specs': 'qos_specs',
  'os-quota-sets': 'quota_set',
  'os-quota-class-sets': 'quota_class_set',
  'default-types': 'default_type',
  'os-volume-transfer': 'transfer',
  'volume-transfers': 'transfer',
  messages: 'message',
  groups: 'group',
  group_snapshots: 'group_snapshot',
  group_types: 'group_type',
};

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', DELETE: 'delete', PATCH: 'update' };

/**
 * Names a Cinder call for the audit trail: `volume.create`, `volume.delete`, `volume.os-extend`
 * (the action's key for `/action` bodies), `backup.restore`, `volume.metadata.update`, and so on.
 */
export function describeCinderCall(
  method: string,
  path: string,
  body: unknown,
): { action: string; target: { kind: string; id: string | null } } {
  const segments = path.split('?')[0]!.split('/').filter(Boolean);
  const [collection = '', id = null, sub] = segments;
  const kind = KINDS[collection] ?? collection;
  const verb = VERBS[method] ?? method.toLowerCase();
  if (sub === 'action' && body && typeof body === 'object') {
    return { action: `${kind}.${Object.keys(body)[0] ?? 'action'}`, target: { kind, id } };
  }
  if (sub) return { action: `${kind}.${sub}.${verb}`, target: { kind, id } };
  return { action: `${kind}.${verb}`, target: { kind, id } };
}
