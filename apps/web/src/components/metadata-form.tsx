import { Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { metadataBodySchema } from '@cinder-console/cinder';
import { bodyRules, requestValidator, showServerIssues } from '../lib/request-rules';
import { useCinderMutation } from '../lib/use-cinder-mutation';
import { cinderKeys, type CinderKind } from '../lib/query-keys';
import { MetadataFields, metadataObject, metadataRowErrors, metadataRows, type MetadataRow } from './metadata-fields';
import { DialogActions } from './dialog-actions';

interface Values {
  metadata: MetadataRow[];
}

/** `PUT …/metadata` as the BFF checks it. */
const rules = bodyRules<Values>({
  schema: metadataBodySchema,
  toBody: (values) => ({ metadata: metadataObject(values.metadata) }),
});

/**
 * Edits a resource's metadata as a whole (`PUT …/metadata`): what the form shows when saved
 * replaces what Cinder holds, so a removed row removes the key. Keys are checked by the shared request schema.
 */
export function MetadataForm({
  resource,
  kind,
  replace,
  texts,
  close,
}: {
  resource: { id: string; metadata?: Record<string, string> | undefined };
  /** `volumes` or `snapshots`: whose list and detail caches change. */
  kind: CinderKind;
  replace: (metadata: Record<string, string>) => Promise<unknown>;
  texts: { done: string; failed: string };
  close: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { metadata: metadataRows(resource.metadata) },
    validate: requestValidator(rules, t, (values) => metadataRowErrors(t, 'metadata', values.metadata)),
  });
  const save = useCinderMutation({
    call: (rows: MetadataRow[]) => replace(metadataObject(rows)),
    done: () => texts.done,
    failed: () => texts.failed,
    affects: [kind],
    refreshes: [cinderKeys(kind).detail(resource.id)],
    onDone: close,
    onFailed: (error) => showServerIssues(error, rules, form.getValues(), form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.metadata))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('metadata.replaceHint')}
        </Text>
        <MetadataFields form={form} path="metadata" />
        <DialogActions onCancel={close} label={t('actions.save')} pending={save.isPending} />
      </Stack>
    </form>
  );
}
