import { backupImportSchema, type Backup } from '@cinder-console/cinder';
import { Alert, Button, Code, CopyButton, Group, Loader, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { cinderKeys } from '../../../lib/query-keys';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { storageCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/**
 * A backup's exported record (admin): the backup service and URL that `import_record` takes on
 * another cloud, or this one after its database was lost. Shown to copy, and as a file to keep.
 */
export function ExportBackupRecord({ backup, close }: { backup: Backup; close: () => void }) {
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: [...cinderKeys('backups').detail(backup.id), 'export-record'],
    queryFn: () => storageCalls.exportBackup(backup.id),
    staleTime: 0,
    gcTime: 0,
  });
  if (record.isPending) return <Loader aria-label={t('app.loading')} />;
  if (record.error) return <ErrorAlert error={record.error} title={t('storage.backupRecord.exportFailed')} />;
  const json = JSON.stringify({ 'backup-record': record.data }, null, 2);
  // A data: address, not an object URL: nothing to revoke when the dialog closes.
  const file = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
  return (
    <Stack gap="sm">
      <Alert color="blue">{t('storage.backupRecord.exportHint', { name: displayName(backup) })}</Alert>
      <TextInput label={t('storage.backupRecord.service')} value={record.data.backup_service} readOnly />
      <Textarea
        label={t('storage.backupRecord.url')}
        value={record.data.backup_url}
        readOnly
        autosize
        maxRows={8}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Code>{`cinder backup-import ${record.data.backup_service} <URL>`}</Code>
      <Group justify="flex-end">
        <Button component="a" variant="default" href={file} download={`backup-record-${backup.id}.json`}>
          {t('storage.backupRecord.download')}
        </Button>
        <CopyButton value={json}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('storage.backupRecord.copied') : t('storage.backupRecord.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={close} data-autofocus>
          {t('actions.close')}
        </Button>
      </Group>
    </Stack>
  );
}

interface ImportValues {
  service: string;
  url: string;
}

/** `import_record` as the BFF checks it. */
const rules = bodyRules<ImportValues>({
  schema: backupImportSchema,
  wrap: 'backup-record',
  toBody: (values) => ({ backup_service: values.service.trim(), backup_url: values.url.trim() }),
  fields: { backup_service: 'service', backup_url: 'url' },
});

/** A pasted export (the JSON the export shows) fills both fields at once. */
function fromPastedJson(text: string): ImportValues | undefined {
  try {
    const parsed = JSON.parse(text) as { 'backup-record'?: { backup_service?: unknown; backup_url?: unknown } };
    const record = parsed['backup-record'];
    if (typeof record?.backup_service === 'string' && typeof record.backup_url === 'string')
      return { service: record.backup_service, url: record.backup_url };
  } catch {
    // Not JSON: the URL itself was pasted.
  }
  return undefined;
}

/** Imports a backup record exported before (admin): the backup reappears, creating, then available. */
export function ImportBackupRecordForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ImportValues>({ initialValues: { service: '', url: '' }, validate: requestValidator(rules, t) });
  const importRecord = useCinderMutation({
    call: (values: ImportValues) => storageCalls.importBackup(rules.toRequest(values)),
    done: () => t('storage.backupRecord.imported'),
    failed: () => t('storage.backupRecord.importFailed'),
    affects: ['backups'],
    onDone: close,
  });
  const urlInput = form.getInputProps('url');
  return (
    <form onSubmit={form.onSubmit((values) => importRecord.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('storage.backupRecord.service')}
          required
          data-autofocus
          {...form.getInputProps('service')}
        />
        <Textarea
          label={t('storage.backupRecord.url')}
          description={t('storage.backupRecord.urlHint')}
          required
          autosize
          minRows={3}
          maxRows={8}
          {...urlInput}
          onChange={(event) => {
            const pasted = fromPastedJson(event.currentTarget.value);
            if (pasted) form.setValues(pasted);
            else form.setFieldValue('url', event.currentTarget.value);
          }}
        />
        <DialogActions onCancel={close} label={t('storage.backupRecord.import')} pending={importRecord.isPending} />
      </Stack>
    </form>
  );
}
