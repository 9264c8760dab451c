import { backupCreateSchema, VOLUME_LIFECYCLE, type Volume } from '@cinder-console/cinder';
import { Alert, Checkbox, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDialogDraft, withDraft, type RestorableFormProps } from '../../../lib/dialog-drafts';
import { useActionGate } from '../../../lib/action-gate';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { backupCalls, backupChoiceQueries, backupQueries, type BackupCreateInput } from '../api';
import { BackupModeField, BackupSourceFields, type BackupMode, type BackupSource } from './backup-source-fields';
import { QuotaDemands, useQuotaCheck } from './quota-demands';
import { DialogActions } from '../../../components/dialog-actions';

interface FormValues {
  volumeId: string;
  source: BackupSource;
  snapshotId: string;
  name: string;
  description: string;
  mode: BackupMode;
  force: boolean;
  container: string;
}

/** The body as typed; `incremental` and `force` depend on the volume and are added on submit. */
function backupBody(input: FormValues): Omit<BackupCreateInput, 'incremental' | 'force'> {
  return {
    volume_id: input.volumeId,
    ...(input.source === 'snapshot' ? { snapshot_id: input.snapshotId } : {}),
    ...(input.name ? { name: input.name } : {}),
    ...(input.description ? { description: input.description } : {}),
    ...(input.container.trim() ? { container: input.container.trim() } : {}),
  };
}

/** `POST /backups` as the BFF checks it. */
const rules = bodyRules<FormValues>({
  schema: backupCreateSchema,
  wrap: 'backup',
  toBody: backupBody,
  fields: { volume_id: 'volumeId', snapshot_id: 'snapshotId' },
});

const volumeLabel = (volume: Volume) => `${displayName(volume)} (${volume.id.slice(0, 8)})`;

/** The kind under which this dialog's unsaved input is kept across a session end (lib/dialog-drafts). */
export const CREATE_BACKUP_DRAFT = 'backup.create';

/**
 * Backs up a volume, or one of its snapshots, fully or incrementally. The lifecycle table decides
 * which volumes may be backed up; an in-use one needs `force`, which the user confirms knowing
 * the copy may catch writes half-done. The backups quotas block a request that would not fit.
 */
export function CreateBackupForm({
  volume,
  restored,
  close,
}: {
  volume?: Volume;
} & RestorableFormProps) {
  const { t } = useTranslation();
  const gate = useActionGate();
  const form = useForm<FormValues>({
    initialValues: withDraft<FormValues>(
      {
        volumeId: volume?.id ?? '',
        source: 'volume',
        snapshotId: '',
        name: '',
        description: '',
        mode: 'full',
        force: false,
        container: '',
      },
      restored,
    ),
    validate: requestValidator(rules, t, (input) => ({
      volumeId: input.volumeId ? null : t('backups.create.volumeRequired'),
      snapshotId: input.source === 'snapshot' && !input.snapshotId ? t('backups.create.snapshotRequired') : null,
    })),
  });
  useDialogDraft({ kind: CREATE_BACKUP_DRAFT, title: t('backups.dialogs.create') }, form.getValues, form.isDirty);
  const { values } = form;
  const volumes = useQuery({ ...backupChoiceQueries.volumes(), enabled: !volume });
  const target = volume ?? volumes.data?.items.find((candidate) => candidate.id === values.volumeId);
  const snapshots = useQuery({
    ...backupChoiceQueries.snapshotsOf(values.volumeId),
    enabled: Boolean(values.volumeId),
  });
  const parents = useQuery({ ...backupQueries.ofVolume(values.volumeId), enabled: Boolean(values.volumeId) });
  const availableSnapshots = snapshots.data?.items.filter((snapshot) => snapshot.status === 'available');
  const hasParent = parents.data ? parents.data.items.some((backup) => backup.status === 'available') : undefined;

  // Only the volume's own status matters when the volume itself is copied; a snapshot is checked by Cinder.
  const fromVolume = values.source === 'volume';
  const status = target?.status ?? '';
  const forced = gate(VOLUME_LIFECYCLE.backup, status, { force: true });
  const needsForce =
    fromVolume && target !== undefined && forced.allowed && !gate(VOLUME_LIFECYCLE.backup, status).allowed;
  const refusal = fromVolume && target !== undefined && !forced.allowed ? forced.reason : undefined;

  const quota = useQuotaCheck([
    { key: 'backups', label: t('quota.names.backups'), adding: 1 },
    { key: 'backup_gigabytes', label: t('quota.names.backupGigabytes'), adding: target?.size ?? 0 },
  ]);

  const create = useCinderMutation({
    call: (input: BackupCreateInput) => backupCalls.create(input),
    done: (input) => t('backups.create.done', { volume: target ? volumeLabel(target) : input.volume_id }),
    failed: () => t('backups.create.failed'),
    affects: ['backups', 'volumes', 'snapshots'],
    onDone: close,
    onFailed: (error) => showServerIssues(error, rules, form.getValues(), form.setFieldError),
  });

  const submit = (input: FormValues) => {
    if (needsForce && !input.force) {
      form.setFieldError('force', t('backups.create.forceRequired'));
      return;
    }
    create.mutate({
      ...backupBody(input),
      incremental: input.mode === 'incremental' && hasParent === true,
      force: needsForce && input.force,
    });
  };

  const pickVolume = (id: string) => {
    form.setValues({ volumeId: id, source: 'volume', snapshotId: '', mode: 'full', force: false });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        {volume ? (
          <Text size="sm">{t('backups.create.ofVolume', { name: volumeLabel(volume), size: volume.size })}</Text>
        ) : (
          <Select
            label={t('backups.create.volume')}
            required
            searchable
            data-autofocus
            data={(volumes.data?.items ?? []).map((candidate) => ({
              value: candidate.id,
              label: volumeLabel(candidate),
            }))}
            nothingFoundMessage={t('backups.create.noVolumes')}
            {...form.getInputProps('volumeId')}
            value={values.volumeId || null}
            onChange={(id) => pickVolume(id ?? '')}
          />
        )}
        {refusal && (
          <Alert color="red" role="alert" title={t('backups.create.refused')}>
            {refusal}
          </Alert>
        )}
        {values.volumeId && (
          <BackupSourceFields
            source={values.source}
            onSourceChange={(source) => form.setValues({ source, snapshotId: '' })}
            snapshots={availableSnapshots}
            snapshotId={values.snapshotId}
            snapshotError={form.errors.snapshotId as string | undefined}
            onSnapshotChange={(id) => form.setFieldValue('snapshotId', id)}
          />
        )}
        {needsForce && (
          <Stack gap={6}>
            <Alert color="orange" role="note" title={t('backups.create.inUseTitle')}>
              {t('backups.create.inUseWarning')}
            </Alert>
            <Checkbox label={t('backups.create.force')} {...form.getInputProps('force', { type: 'checkbox' })} />
          </Stack>
        )}
        {values.volumeId && (
          <BackupModeField
            mode={values.mode}
            onChange={(mode) => form.setFieldValue('mode', mode)}
            hasParent={hasParent}
          />
        )}
        <TextInput label={t('backups.fields.name')} {...form.getInputProps('name')} />
        <Textarea label={t('backups.fields.description')} autosize minRows={1} {...form.getInputProps('description')} />
        <TextInput
          label={t('backups.create.container')}
          description={t('backups.create.containerHint')}
          {...form.getInputProps('container')}
        />
        <QuotaDemands check={quota} overMessage={t('backups.create.overQuota')} />
        <DialogActions
          onCancel={close}
          label={t('backups.create.submit')}
          pending={create.isPending}
          disabled={Boolean(refusal) || quota.exceeds}
        />
      </Stack>
    </form>
  );
}
