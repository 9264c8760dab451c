import type { Volume } from '@cinder-console/cinder';
import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fitsQuota, QuotaMeter } from '../../../components/quota-meter';
import { MetadataFields, metadataObject, type MetadataRow } from '../../../components/metadata-fields';
import { useCloudAbilities } from '../../../lib/capabilities';
import { useCurrentSession } from '../../../lib/current-session';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { projectQueries } from '../../project/api';
import { volumeTypeQueries } from '../../volume-types/api';
import { volumeCalls, type VolumeCreateInput } from '../api';
import { imageMinSize, sourceQueries, type SourceOption } from '../source-options';

export type VolumeSource = 'blank' | 'image' | 'snapshot' | 'volume' | 'backup';
const MAX_COUNT = 20;

export interface CreateVolumeDefaults {
  source?: VolumeSource;
  sourceId?: string;
}

interface FormValues {
  source: VolumeSource;
  sourceId: string;
  name: string;
  description: string;
  size: number;
  type: string;
  availabilityZone: string;
  count: number;
  metadata: MetadataRow[];
}

const SOURCE_FIELD: Record<Exclude<VolumeSource, 'blank'>, keyof VolumeCreateInput> = {
  image: 'imageRef',
  snapshot: 'snapshot_id',
  volume: 'source_volid',
  backup: 'backup_id',
};

function useSourceOptions(source: VolumeSource, imagesAvailable: boolean): SourceOption[] {
  const images = useQuery({ ...projectQueries.images(), enabled: source === 'image' && imagesAvailable });
  const snapshots = useQuery({ ...sourceQueries.snapshots(), enabled: source === 'snapshot' });
  const volumes = useQuery({ ...sourceQueries.volumes(), enabled: source === 'volume' });
  const backups = useQuery({ ...sourceQueries.backups(), enabled: source === 'backup' });
  switch (source) {
    case 'image':
      return (images.data ?? []).map((image) => ({
        value: image.id,
        label: image.name ? `${image.name} (${image.disk_format ?? ''})` : image.id,
        minSize: imageMinSize(image),
      }));
    case 'snapshot':
      return snapshots.data ?? [];
    case 'volume':
      return volumes.data ?? [];
    case 'backup':
      return backups.data ?? [];
    default:
      return [];
  }
}

/** The names of `count` volumes: the name alone for one, `name-1`, `name-2`... for several. */
function namesFor(name: string, count: number): Array<string | undefined> {
  if (count === 1) return [name || undefined];
  return Array.from({ length: count }, (_, index) => (name ? `${name}-${index + 1}` : undefined));
}

/**
 * Creates one or several volumes from nothing, an image, a snapshot, another volume or a backup,
 * with the project's quotas shown live and the submit blocked when the request would exceed them.
 */
export function CreateVolumeForm({ defaults = {}, close }: { defaults?: CreateVolumeDefaults; close: () => void }) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const session = useCurrentSession();
  const form = useForm<FormValues>({
    initialValues: {
      source: defaults.source ?? 'blank',
      sourceId: defaults.sourceId ?? '',
      name: '',
      description: '',
      size: 1,
      type: '',
      availabilityZone: '',
      count: 1,
      metadata: [],
    },
    validate: {
      sourceId: (value, values) => (values.source !== 'blank' && !value ? t('volumes.create.sourceRequired') : null),
      name: (value) => (value.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
      count: (value) => (value < 1 || value > MAX_COUNT ? t('volumes.create.countRange', { max: MAX_COUNT }) : null),
    },
  });
  const { values } = form;
  const options = useSourceOptions(values.source, abilities?.features.images ?? false);
  const picked = options.find((option) => option.value === values.sourceId);
  const minSize = picked?.minSize ?? 1;
  const types = useQuery(projectQueries.volumeTypes());
  // Preselect the type the cloud would pick (the project's default, 3.62, or the cloud's), once
  // known and unless the user chose already; if it cannot be read, "the cloud's default" stays.
  const fallbackType = useQuery(volumeTypeQueries.defaultType());
  const fallbackName = fallbackType.data?.name;
  const fallbackListed = Boolean(fallbackName && types.data?.some((type) => type.name === fallbackName));
  const { isTouched, setFieldValue } = form;
  useEffect(() => {
    if (fallbackName && fallbackListed && !isTouched('type')) setFieldValue('type', fallbackName);
  }, [fallbackName, fallbackListed, isTouched, setFieldValue]);
  const zones = useQuery(projectQueries.availabilityZones());
  const quotas = useQuery({ ...projectQueries.quotas(session?.project.id ?? ''), enabled: Boolean(session) });

  const sizeEach = Math.max(values.size, minSize);
  // Per-type quotas apply to the chosen type; the cloud's default type is not known here.
  const typeName = values.type || undefined;
  const demands = [
    { key: 'volumes', label: t('quota.names.volumes'), adding: values.count },
    { key: 'gigabytes', label: t('quota.names.gigabytes'), adding: values.count * sizeEach },
    ...(typeName
      ? [
          {
            key: `volumes_${typeName}`,
            label: t('quota.names.volumesOfType', { type: typeName }),
            adding: values.count,
          },
          {
            key: `gigabytes_${typeName}`,
            label: t('quota.names.gigabytesOfType', { type: typeName }),
            adding: values.count * sizeEach,
          },
        ]
      : []),
  ].filter((demand) => quotas.data?.[demand.key]);
  const exceeds = demands.some((demand) => !fitsQuota(quotas.data?.[demand.key], demand.adding));

  const create = useCinderMutation({
    call: async (input: FormValues) => {
      const base: VolumeCreateInput = {
        size: Math.max(input.size, minSize),
        ...(input.description ? { description: input.description } : {}),
        ...(input.type ? { volume_type: input.type } : {}),
        ...(input.availabilityZone ? { availability_zone: input.availabilityZone } : {}),
        ...(input.metadata.length > 0 ? { metadata: metadataObject(input.metadata) } : {}),
        ...(input.source !== 'blank' ? { [SOURCE_FIELD[input.source]]: input.sourceId } : {}),
      };
      const created: Volume[] = [];
      // One after the other: Cinder reserves quota per request, and a refusal stops the rest.
      for (const name of namesFor(input.name.trim(), input.count)) {
        created.push((await volumeCalls.create({ ...base, ...(name ? { name } : {}) })).volume);
      }
      return created;
    },
    done: (_input, created) => t('volumes.create.done', { count: created.length }),
    failed: () => t('volumes.create.failed'),
    affects: ['volumes'],
    onDone: close,
  });

  const sourceKinds: Array<{ value: VolumeSource; label: string; disabled?: boolean }> = [
    { value: 'blank', label: t('volumes.create.sources.blank') },
    { value: 'image', label: t('volumes.create.sources.image'), disabled: !abilities?.features.images },
    { value: 'snapshot', label: t('volumes.create.sources.snapshot') },
    { value: 'volume', label: t('volumes.create.sources.volume') },
    { value: 'backup', label: t('volumes.create.sources.backup'), disabled: !abilities?.features.volumeFromBackup },
  ];

  return (
    <form onSubmit={form.onSubmit((input) => create.mutate(input))} noValidate>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="volume-source-label">
            {t('volumes.create.source')}
          </Text>
          <SegmentedControl
            aria-labelledby="volume-source-label"
            fullWidth
            data={sourceKinds}
            {...form.getInputProps('source')}
            onChange={(value) => {
              form.setFieldValue('source', value as VolumeSource);
              form.setFieldValue('sourceId', '');
            }}
          />
        </Stack>
        {values.source !== 'blank' && (
          <Select
            label={t(`volumes.create.pick.${values.source}`)}
            data={options}
            searchable
            required
            nothingFoundMessage={t('volumes.create.noSources')}
            {...form.getInputProps('sourceId')}
            onChange={(value) => {
              form.setFieldValue('sourceId', value ?? '');
              const option = options.find((o) => o.value === value);
              if (option && form.values.size < option.minSize) form.setFieldValue('size', option.minSize);
            }}
          />
        )}
        <TextInput label={t('volumes.fields.name')} {...form.getInputProps('name')} />
        <Textarea label={t('volumes.fields.description')} autosize minRows={1} {...form.getInputProps('description')} />
        <Group grow align="flex-start">
          <NumberInput
            label={t('volumes.fields.sizeGiB')}
            min={minSize}
            max={16384}
            required
            description={minSize > 1 ? t('volumes.create.minSize', { size: minSize }) : undefined}
            {...form.getInputProps('size')}
          />
          <NumberInput label={t('volumes.create.count')} min={1} max={MAX_COUNT} {...form.getInputProps('count')} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('volumes.fields.type')}
            placeholder={t('volumes.create.defaultType')}
            clearable
            data={(types.data ?? []).map((type) => type.name)}
            {...form.getInputProps('type')}
            onChange={(value) => form.setFieldValue('type', value ?? '')}
          />
          <Select
            label={t('volumes.fields.availabilityZone')}
            placeholder={t('volumes.create.anyZone')}
            clearable
            data={zones.data ?? []}
            {...form.getInputProps('availabilityZone')}
            onChange={(value) => form.setFieldValue('availabilityZone', value ?? '')}
          />
        </Group>
        <MetadataFields form={form} path="metadata" />
        {demands.length > 0 && (
          <Stack gap={6} aria-label={t('quota.title')} role="group">
            {demands.map((demand) => (
              <QuotaMeter
                key={demand.key}
                label={demand.label}
                usage={quotas.data![demand.key]!}
                adding={demand.adding}
              />
            ))}
            {exceeds && (
              <Text size="sm" c="red" role="alert">
                {t('volumes.create.overQuota')}
              </Text>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={exceeds}>
            {t('volumes.create.submit', { count: values.count })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
