import { snapshotCreateSchema, VOLUME_LIFECYCLE, type Volume } from '@cinder-console/cinder';
import { Alert, Checkbox, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDialogDraft, withDraft, type RestorableFormProps } from '../../../lib/dialog-drafts';
import {
  MetadataFields,
  metadataObject,
  metadataRowErrors,
  type MetadataRow,
} from '../../../components/metadata-fields';
import { useActionGate } from '../../../lib/action-gate';
import { useCloudAbilities } from '../../../lib/capabilities';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { snapshotCalls, snapshotQueries, type SnapshotCreateInput } from '../api';
import { SnapshotQuotaMeters, useSnapshotQuota } from './snapshot-quota';
import { SnapshotsPerVolumeMeter } from './snapshots-per-volume';
import { DialogActions } from '../../../components/dialog-actions';

interface FormValues {
  volumeId: string;
  name: string;
  description: string;
  force: boolean;
  metadata: MetadataRow[];
}

function snapshotBody(input: FormValues, force: boolean): SnapshotCreateInput {
  return {
    volume_id: input.volumeId,
    ...(input.name ? { name: input.name } : {}),
    ...(input.description ? { description: input.description } : {}),
    ...(input.metadata.length > 0 ? { metadata: metadataObject(input.metadata) } : {}),
    ...(force ? { force: true as const } : {}),
  };
}

/** `POST /snapshots` as the BFF checks it. */
const rules = bodyRules<FormValues>({
  schema: snapshotCreateSchema,
  wrap: 'snapshot',
  toBody: (input) => snapshotBody(input, false),
  fields: { volume_id: 'volumeId' },
});

/** The volume picker: only volumes Cinder can snapshot (available, or in-use where allowed). */
function VolumePicker({
  choices,
  loading,
  inputProps,
  onPick,
}: {
  choices: Volume[];
  loading: boolean;
  inputProps: object;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const options = choices.map((volume) => ({
    value: volume.id,
    label: t('snapshots.create.volumeOption', {
      name: displayName(volume),
      status: t(`status.values.${volume.status}`, { defaultValue: volume.status }),
      size: volume.size,
    }),
  }));
  return (
    <Select
      label={t('snapshots.fields.volume')}
      placeholder={loading ? t('snapshots.create.loadingVolumes') : t('snapshots.create.pickVolume')}
      data={options}
      searchable
      required
      data-autofocus
      nothingFoundMessage={t('snapshots.create.noVolumes')}
      {...inputProps}
      onChange={(value) => onPick(value ?? '')}
    />
  );
}

/** The kind under which this dialog's unsaved input is kept across a session end (lib/dialog-drafts). */
export const CREATE_SNAPSHOT_DRAFT = 'snapshot.create';

/**
 * Takes a snapshot of a volume: the given one, or one picked here. A snapshot of an attached
 * volume holds whatever the server had written at that instant, so the dialog warns about it, and
 * below microversion 3.66 Cinder takes one only when told to force it. The project's snapshot
 * quotas are shown, and a request that would exceed them is not sent.
 */
export function CreateSnapshotForm({
  volume,
  restored,
  close,
}: {
  volume?: Volume;
} & RestorableFormProps) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const gateFor = useActionGate();
  const choices = useQuery({ ...snapshotQueries.volumeChoices(), enabled: volume === undefined });
  const form = useForm<FormValues>({
    initialValues: withDraft<FormValues>(
      { volumeId: volume?.id ?? '', name: '', description: '', force: false, metadata: [] },
      restored,
    ),
    validate: requestValidator(rules, t, (input) => ({
      volumeId: input.volumeId ? null : t('snapshots.create.volumeRequired'),
      ...metadataRowErrors(t, 'metadata', input.metadata),
    })),
  });
  useDialogDraft({ kind: CREATE_SNAPSHOT_DRAFT, title: t('snapshots.create.title') }, form.getValues, form.isDirty);
  const { values } = form;
  const target = volume ?? choices.data?.find((choice) => choice.id === values.volumeId);
  const attached = target?.status === 'in-use';
  // From 3.66 Cinder snapshots attached volumes as they are, and refuses `force: false`.
  const needsForce = attached && abilities?.features.snapshotInUseWithoutForce === false;
  const gate = target ? gateFor(VOLUME_LIFECYCLE.snapshot, target.status, { force: values.force }) : undefined;
  const refusal = needsForce && !values.force ? t('snapshots.create.forceRequired') : gate?.reason;
  const quota = useSnapshotQuota(target);

  const create = useCinderMutation({
    call: (input: FormValues) => snapshotCalls.create(snapshotBody(input, needsForce && input.force)),
    done: (_input, result) => t('snapshots.create.done', { name: displayName(result.snapshot) }),
    failed: () => t('snapshots.create.failed'),
    affects: ['snapshots'],
    onDone: close,
    onFailed: (error, input) => showServerIssues(error, rules, input, form.setFieldError),
  });

  return (
    <form onSubmit={form.onSubmit((input) => create.mutate(input))} noValidate>
      <Stack gap="sm">
        {volume ? (
          <Text size="sm">{t('snapshots.create.ofVolume', { name: displayName(volume), size: volume.size })}</Text>
        ) : (
          <VolumePicker
            choices={choices.data ?? []}
            loading={choices.isPending}
            inputProps={form.getInputProps('volumeId')}
            onPick={(id) => {
              form.setFieldValue('volumeId', id);
              form.setFieldValue('force', false);
            }}
          />
        )}
        <TextInput
          label={t('snapshots.fields.name')}
          {...(volume ? { 'data-autofocus': true } : {})}
          {...form.getInputProps('name')}
        />
        <Textarea
          label={t('snapshots.fields.description')}
          autosize
          minRows={1}
          {...form.getInputProps('description')}
        />
        <MetadataFields form={form} path="metadata" />
        {attached && (
          <Alert color="orange" role="note" title={t('snapshots.create.attachedTitle')}>
            {t('snapshots.create.attachedWarning')}
          </Alert>
        )}
        {needsForce && (
          <Checkbox
            label={t('snapshots.create.force')}
            description={t('snapshots.create.forceHint')}
            {...form.getInputProps('force', { type: 'checkbox' })}
          />
        )}
        <SnapshotQuotaMeters quota={quota} />
        <SnapshotsPerVolumeMeter volume={target} />
        {target && refusal && (
          <Text size="sm" c="red" role="alert">
            {refusal}
          </Text>
        )}
        <DialogActions
          onCancel={close}
          label={t('snapshots.create.submit')}
          pending={create.isPending}
          disabled={quota.exceeds || (target !== undefined && !!refusal)}
        />
      </Stack>
    </form>
  );
}
