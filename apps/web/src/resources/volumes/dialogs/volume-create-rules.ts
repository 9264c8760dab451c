import { volumeCreateSchema } from '@cinder-console/cinder';
import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import { metadataObject, metadataRowErrors, type MetadataRow } from '../../../components/metadata-fields';
import { bodyRules } from '../../../lib/request-rules';
import type { VolumeCreateInput } from '../api';
import type { VolumeSource } from './use-source-options';

export const MAX_COUNT = 20;

export interface CreateVolumeValues {
  source: VolumeSource;
  sourceId: string;
  name: string;
  description: string;
  /** A number input's value: '' while empty. */
  size: number | string;
  type: string;
  availabilityZone: string;
  count: number | string;
  metadata: MetadataRow[];
}

const SOURCE_FIELD: Record<Exclude<VolumeSource, 'blank'>, keyof VolumeCreateInput> = {
  image: 'imageRef',
  snapshot: 'snapshot_id',
  volume: 'source_volid',
  backup: 'backup_id',
};

/** The body of one volume, exactly as typed (the size is not raised to the source's behind the user's back). */
export function createVolumeBody(values: CreateVolumeValues): VolumeCreateInput {
  return {
    size: values.size as number,
    ...(values.name ? { name: values.name } : {}),
    ...(values.description ? { description: values.description } : {}),
    ...(values.type ? { volume_type: values.type } : {}),
    ...(values.availabilityZone ? { availability_zone: values.availabilityZone } : {}),
    ...(values.metadata.length > 0 ? { metadata: metadataObject(values.metadata) } : {}),
    ...(values.source !== 'blank' && values.sourceId ? { [SOURCE_FIELD[values.source]]: values.sourceId } : {}),
  };
}

/** `POST /volumes` as the BFF checks it, with each issue on the field that holds it. */
export const createVolumeRules = bodyRules<CreateVolumeValues>({
  schema: volumeCreateSchema,
  wrap: 'volume',
  toBody: createVolumeBody,
  fields: {
    volume_type: 'type',
    availability_zone: 'availabilityZone',
    ...Object.fromEntries(Object.values(SOURCE_FIELD).map((field) => [field, 'sourceId'])),
  },
});

/** What depends on the dialog rather than on the request: the source, its size, the count. */
export function createVolumeExtraRules(t: TFunction, minSize: number) {
  return (values: CreateVolumeValues): FormErrors => {
    const count = values.count;
    const size = values.size;
    return {
      sourceId: values.source !== 'blank' && !values.sourceId ? t('volumes.create.sourceRequired') : null,
      count:
        typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_COUNT
          ? t('volumes.create.countRange', { max: MAX_COUNT })
          : null,
      size: typeof size === 'number' && size < minSize && minSize > 1 ? t('forms.atLeast', { min: minSize }) : null,
      ...metadataRowErrors(t, 'metadata', values.metadata),
    };
  };
}
