import type { Response } from 'express';
import type { VolumeTypeRecord } from './records.js';
import { callerOf } from './request.js';

/** Extra specs a non-admin may see (`api/v3/views/types.py`). */
const USER_VISIBLE_SPECS = ['RESKEY:availability_zones', 'multiattach', 'replication_enabled'];

export function visibleExtraSpecs(res: Response, type: VolumeTypeRecord): Record<string, string> {
  if (callerOf(res).isAdmin) return type.extraSpecs;
  return Object.fromEntries(Object.entries(type.extraSpecs).filter(([key]) => USER_VISIBLE_SPECS.includes(key)));
}

/** A type from GET (index and show); `/types/default` leaves out the access flag. */
export function typeView(
  res: Response,
  type: VolumeTypeRecord,
  options: { accessFlag: boolean } = { accessFlag: true },
) {
  const view: Record<string, unknown> = {
    id: type.id,
    name: type.name,
    is_public: type.isPublic,
    description: type.description,
    extra_specs: visibleExtraSpecs(res, type),
  };
  if (callerOf(res).isAdmin) view.qos_specs_id = type.qosSpecsId;
  if (options.accessFlag) view['os-volume-type-access:is_public'] = type.isPublic;
  return view;
}
