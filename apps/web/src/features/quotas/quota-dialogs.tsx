import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useCinderMutation } from '../../lib/use-cinder-mutation';
import { quotaCalls, quotaQueries, type QuotaLimits } from '../../resources/quotas/api';
import { QuotaLimitsForm, refusedQuota } from './quota-limits-form';
import { DialogActions } from '../../components/dialog-actions';

/** Edits one project's limits (`PUT /os-quota-sets/{project}`). */
export function EditProjectQuotasForm({
  project,
  limits,
  inUse,
  close,
}: {
  project: { id: string; name: string };
  limits: QuotaLimits;
  inUse: Record<string, number>;
  close: () => void;
}) {
  const { t } = useTranslation();
  const update = useCinderMutation({
    call: (changed: QuotaLimits) => quotaCalls.update(project.id, changed),
    done: () => t('quotas.edit.done', { project: project.name }),
    failed: () => t('quotas.edit.failed', { project: project.name }),
    affects: [],
    onDone: close,
  });
  const refusedKey = refusedQuota(update.error);
  return (
    <QuotaLimitsForm
      limits={limits}
      inUse={inUse}
      refused={refusedKey && update.error ? { key: refusedKey, message: update.error.message } : undefined}
      submitLabel={t('actions.save')}
      pending={update.isPending}
      onSubmit={(changed) => update.mutate(changed)}
      close={close}
    />
  );
}

/** Drops a project's own limits so the defaults apply (`DELETE /os-quota-sets/{project}`). */
export function RevertQuotasForm({ project, close }: { project: { id: string; name: string }; close: () => void }) {
  const { t } = useTranslation();
  const revert = useCinderMutation({
    call: () => quotaCalls.revert(project.id),
    done: () => t('quotas.revert.done', { project: project.name }),
    failed: () => t('quotas.revert.failed', { project: project.name }),
    affects: [],
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('quotas.revert.question', { project: project.name })}</Text>
      <Alert color="orange">{t('quotas.revert.hint')}</Alert>
      <DialogActions
        onCancel={close}
        cancelFocused
        label={t('quotas.revert.submit')}
        onConfirm={() => revert.mutate(undefined)}
        pending={revert.isPending}
        color="red"
      />
    </Stack>
  );
}

/** Edits the default quotas every project without its own limits gets (`os-quota-class-sets/default`). */
export function EditDefaultQuotasForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const defaults = useQuery(quotaQueries.defaults());
  const update = useCinderMutation({
    call: (changed: QuotaLimits) => quotaCalls.updateDefaults(changed),
    done: () => t('quotas.defaults.done'),
    failed: () => t('quotas.defaults.failed'),
    affects: [],
    onDone: close,
  });
  if (defaults.isPending) return <Loader aria-label={t('app.loading')} />;
  if (defaults.isError) return <ErrorAlert title={t('quotas.defaults.loadFailed')} error={defaults.error} />;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('quotas.defaults.hint')}</Text>
      <QuotaLimitsForm
        limits={defaults.data}
        submitLabel={t('actions.save')}
        pending={update.isPending}
        onSubmit={(changed) => update.mutate(changed)}
        close={close}
      />
    </Stack>
  );
}
