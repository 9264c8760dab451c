import { migrateVolumeSchema, type Volume } from '@cinder-console/cinder';
import { Alert, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { useStorageMutation } from '../use-storage-mutation';
import { displayName } from '../../../lib/display-name';
import { backendOfPool, storageCalls, storageQueries } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

interface MigrateValues {
  host: string;
  forceHostCopy: boolean;
  lockVolume: boolean;
}

/** `os-migrate_volume` as the BFF checks it. */
const rules = bodyRules<MigrateValues>({
  schema: migrateVolumeSchema,
  toBody: (values) => ({
    host: values.host,
    force_host_copy: values.forceHostCopy,
    lock_volume: values.lockVolume,
  }),
  fields: { host: 'host', force_host_copy: 'forceHostCopy', lock_volume: 'lockVolume' },
});

/** The volume's current pool, shown to admins as `os-vol-host-attr:host`. */
const hostOf = (volume: Volume) => {
  const host = (volume as Record<string, unknown>)['os-vol-host-attr:host'];
  return typeof host === 'string' ? host : undefined;
};

/**
 * Moves a volume to a pool of another backend (admin). The pools come from the scheduler; the
 * volume's own backend is not offered, since Cinder refuses it.
 */
export function MigrateVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const pools = useQuery(storageQueries.pools());
  const current = hostOf(volume);
  const choices = (pools.data ?? [])
    .map((pool) => pool.name)
    .filter((name) => !current || backendOfPool(name) !== backendOfPool(current));
  const form = useForm<MigrateValues>({
    initialValues: { host: '', forceHostCopy: false, lockVolume: false },
    validate: requestValidator(rules, t, ({ host }) => ({ host: host ? null : t('storage.migrate.hostRequired') })),
  });
  const migrate = useStorageMutation({
    call: (values: MigrateValues) => storageCalls.migrate(volume.id, rules.toRequest(values)),
    done: (values) => t('storage.migrate.done', { name: displayName(volume), host: values.host }),
    failed: () => t('storage.migrate.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => migrate.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('storage.migrate.current', { host: current ?? '—' })}</Text>
        {pools.isSuccess && choices.length === 0 && (
          <Alert color="orange" role="status">
            {t('storage.migrate.noOtherPool')}
          </Alert>
        )}
        <Select
          label={t('storage.migrate.destination')}
          data={choices}
          required
          searchable
          data-autofocus
          {...form.getInputProps('host')}
        />
        <Checkbox
          label={t('storage.migrate.forceHostCopy')}
          description={t('storage.migrate.forceHostCopyHint')}
          {...form.getInputProps('forceHostCopy', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('storage.migrate.lockVolume')}
          description={t('storage.migrate.lockVolumeHint')}
          {...form.getInputProps('lockVolume', { type: 'checkbox' })}
        />
        <DialogActions onCancel={close} label={t('storage.migrate.submit')} pending={migrate.isPending} />
      </Stack>
    </form>
  );
}
