import { randomUUID } from 'node:crypto';

/** Generic volume groups (3.11+): what a group type, a group and a group snapshot keep. */
export interface GroupTypeRecord {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  groupSpecs: Record<string, string>;
}

export interface GroupRecord {
  id: string;
  projectId: string;
  userId: string;
  name: string | null;
  description: string | null;
  status: string;
  availabilityZone: string;
  groupTypeId: string;
  volumeTypeIds: string[];
  groupSnapshotId: string | null;
  sourceGroupId: string | null;
  createdAt: Date;
  updatedAt: Date | null;
}

export interface GroupSnapshotRecord {
  id: string;
  projectId: string;
  userId: string;
  groupId: string;
  groupTypeId: string;
  name: string | null;
  description: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date | null;
}

/** The group type Cinder's database migration creates for old consistency-group snapshots. */
export function defaultGroupTypes(): Map<string, GroupTypeRecord> {
  const type: GroupTypeRecord = {
    id: randomUUID(),
    name: 'default_cgsnapshot_type',
    description: 'Default group type for migrating cgsnapshot',
    isPublic: true,
    groupSpecs: { consistent_group_snapshot_enabled: '<is> True' },
  };
  return new Map([[type.id, type]]);
}
