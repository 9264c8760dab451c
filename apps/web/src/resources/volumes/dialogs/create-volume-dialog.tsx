import type { Volume } from '@cinder-console/cinder';
import { Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fitsQuota, QuotaMeter } from '../../../components/quota-meter';
import { MetadataFields } from '../../../components/metadata-fields';
import { useCloudAbilities } from '../../../lib/capabilities';
import { useCurrentSession } from '../../../lib/current-session';
import { useDialogDraft, withDraft, type RestorableFormProps } from '../../../lib/dialog-drafts';
import { requestValidator, showServerIssues } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { projectQueries } from '../../project/api';
import { volumeTypeQueries } from '../../volume-types/api';
import { volumeCalls } from '../api';
import { useSourceOptions, type VolumeSource } from './use-source-options';
import {
  createVolumeBody,
  createVolumeExtraRules,
  createVolumeRules,
  MAX_COUNT,
  type CreateVolumeValues,
} from './volume-create-rules';
import { DialogActions } from '../../../components/dialog-actions';

/** The kind under which this dialog's unsaved input is kept across a session end (lib/dialog-drafts). */
export const CREATE_VOLUME_DRAFT = 'volume.create';

export interface CreateVolumeDefaults {
  source?: VolumeSource;
  sourceId?: string;
}

const getSourceId = (values: Record<string, unknown>) =>
  typeof values.sourceId === 'string' ? values.sourceId : undefined;

/** The names of `count` volumes: the name alone for one, `name-1`, `name-2`... for several. */
function namesFor(name: string, count: number): Array<string | undefined> {
  if (count === 1) return [name || undefined];
  return Array.from({ length: count }, (_, index) => (name ? `${name}-${index + 1}` : undefined));
}

/**
 * Creates one or several volumes from nothing, an image, a snapshot, another volume or a backup,
 * with the project's quotas shown live and the submit blocked when the request would exceed them.
 */
export function CreateVolumeForm({
  defaults = {},
  restored,
  close,
}: {
  defaults?: CreateVolumeDefaults;
} & RestorableFormProps) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const session = useCurrentSession();
  const abilitiesImages = abilities?.features.images ?? false;
  const form = useForm<CreateVolumeValues>({
    initialValues: withDraft<CreateVolumeValues>(
      {
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
      restored,
    ),
    // The source's least size is known only once its list loads: checked on submit, below.
    validate: (values) => requestValidator(createVolumeRules, t, createVolumeExtraRules(t, minSizeOf(values)))(values),
  });
  useDialogDraft({ kind: CREATE_VOLUME_DRAFT, title: t('volumes.dialogs.create') }, form.getValues, form.isDirty);
  const { values } = form;
  const options = useSourceOptions(values.source, abilitiesImages);
  const picked = options.find((option) => option.value === values.sourceId);
  const minSize = picked?.minSize ?? 1;
  function minSizeOf(input: CreateVolumeValues): number {
    return options.find((option) => option.value === input.sourceId)?.minSize ?? 1;
  }
  const types = useQuery(projectQueries.volumeTypes());
  // Preselect the type the cloud would pick (the project's default, 3.62, or the cloud's), once
  // known and unless the user chose already; if it cannot be read, "the cloud's default" stays.
  const fallbackType = useQuery(volumeTypeQueries.defaultType());
  const fallbackName = fallbackType.data?.name;
  const fallbackListed = Boolean(fallbackName && types.data?.some((type) => type.name === fallbackName));
  const { isTouched, setFieldValue, getValues } = form;
  const sourceType = picked?.type;
  useEffect(() => {
    if (fallbackName && fallbackListed && !isTouched('type') && !sourceType && !restored)
      setFieldValue('type', fallbackName);
  }, [fallbackName, fallbackListed, isTouched, setFieldValue, sourceType, restored]);
  // The source brings its facts once known (a clone opens with its source chosen): at least its
  // size and, for volumes and snapshots, its type. The user may still change what Cinder allows.
  // A restored draft already holds the size and type the user had settled on for its source.
  const applied = useRef('');
  const keepRestored = useRef(restored ? getSourceId(restored) : undefined);
  const pickedId = picked?.value;
  useEffect(() => {
    if (!pickedId || applied.current === `${pickedId}:${sourceType}`) return;
    applied.current = `${pickedId}:${sourceType}`;
    if (pickedId === keepRestored.current && sourceType !== undefined) {
      keepRestored.current = undefined;
      return;
    }
    const size = getValues().size;
    if (typeof size !== 'number' || size < minSize) setFieldValue('size', minSize);
    if (sourceType) setFieldValue('type', sourceType);
  }, [pickedId, minSize, sourceType, getValues, setFieldValue]);
  const zones = useQuery(projectQueries.availabilityZones());
  const quotas = useQuery({ ...projectQueries.quotas(session?.project.id ?? ''), enabled: Boolean(session) });

  const sizeEach = typeof values.size === 'number' && values.size > 0 ? values.size : 0;
  const count = typeof values.count === 'number' && values.count > 0 ? values.count : 0;
  // Per-type quotas apply to the chosen type; the cloud's default type is not known here.
  const typeName = values.type || undefined;
  const demands = [
    { key: 'volumes', label: t('quota.names.volumes'), adding: count },
    { key: 'gigabytes', label: t('quota.names.gigabytes'), adding: count * sizeEach },
    ...(typeName
      ? [
          {
            key: `volumes_${typeName}`,
            label: t('quota.names.volumesOfType', { type: typeName }),
            adding: count,
          },
          {
            key: `gigabytes_${typeName}`,
            label: t('quota.names.gigabytesOfType', { type: typeName }),
            adding: count * sizeEach,
          },
        ]
      : []),
  ].filter((demand) => quotas.data?.[demand.key]);
  const exceeds = demands.some((demand) => !fitsQuota(quotas.data?.[demand.key], demand.adding));

  const create = useCinderMutation({
    call: async (input: CreateVolumeValues) => {
      const base = createVolumeBody({ ...input, name: '' });
      const created: Volume[] = [];
      // One after the other: Cinder reserves quota per request, and a refusal stops the rest.
      for (const name of namesFor(input.name, input.count as number)) {
        created.push((await volumeCalls.create({ ...base, ...(name ? { name } : {}) })).volume);
      }
      return created;
    },
    done: (_input, created) => t('volumes.create.done', { count: created.length }),
    failed: () => t('volumes.create.failed'),
    affects: ['volumes'],
    onDone: close,
    onFailed: (error, input) => showServerIssues(error, createVolumeRules, input, form.setFieldError),
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
            }}
          />
        )}
        <TextInput label={t('volumes.fields.name')} {...form.getInputProps('name')} />
        <Textarea label={t('volumes.fields.description')} autosize minRows={1} {...form.getInputProps('description')} />
        <Group grow align="flex-start">
          <NumberInput
            label={t('volumes.fields.sizeGiB')}
            min={minSize}
            clampBehavior="none"
            required
            description={minSize > 1 ? t('volumes.create.minSize', { size: minSize }) : undefined}
            {...form.getInputProps('size')}
          />
          <NumberInput
            label={t('volumes.create.count')}
            min={1}
            max={MAX_COUNT}
            clampBehavior="none"
            {...form.getInputProps('count')}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('volumes.fields.type')}
            placeholder={t('volumes.create.defaultType')}
            clearable
            data={(types.data ?? []).map((type) => type.name)}
            description={picked?.type && values.type === picked.type ? t('volumes.create.sourceType') : undefined}
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
        <DialogActions
          onCancel={close}
          label={t('volumes.create.submit', { count: values.count })}
          pending={create.isPending}
          disabled={exceeds}
        />
      </Stack>
    </form>
  );
}
