import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { groupCreateFromSourceSchema } from '@cinder-console/cinder';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { groupCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

interface Values {
  name: string;
  description: string;
}

/** Where the new group's volumes come from: a group snapshot, or another group. */
export interface GroupSource {
  kind: 'groupSnapshot' | 'group';
  id: string;
  name: string;
}

const sourceField = (source: GroupSource) =>
  source.kind === 'group' ? { source_group_id: source.id } : { group_snapshot_id: source.id };

/**
 * A new group with one new volume for each volume of the source (3.14): a copy of another group,
 * or its volumes as they were when a group snapshot was taken.
 */
export function GroupFromSourceForm({ source, close }: { source: GroupSource; close: () => void }) {
  const { t } = useTranslation();
  const toBody = (values: Values) => ({
    name: values.name || null,
    description: values.description || null,
    ...sourceField(source),
  });
  const rules = bodyRules<Values>({ schema: groupCreateFromSourceSchema, wrap: 'create-from-src', toBody });
  const form = useForm<Values>({ initialValues: { name: '', description: '' }, validate: requestValidator(rules, t) });
  const create = useCinderMutation({
    call: (values: Values) => groupCalls.createFromSource(toBody(values)),
    done: (values) => t('groups.create.done', { name: values.name || t('groups.unnamed') }),
    failed: (values) => t('groups.create.failed', { name: values.name || t('groups.unnamed') }),
    affects: ['groups', 'volumes'],
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t(source.kind === 'group' ? 'groups.fromSource.fromGroup' : 'groups.fromSource.fromSnapshot', {
            name: source.name,
          })}
        </Text>
        <TextInput label={t('groups.fields.name')} data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('groups.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <DialogActions onCancel={close} label={t('groups.create.submit')} pending={create.isPending} />
      </Stack>
    </form>
  );
}
