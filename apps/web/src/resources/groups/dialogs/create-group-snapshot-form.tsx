import { Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { groupSnapshotCreateSchema } from '@cinder-console/cinder';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { groupCalls, groupQueries } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

interface Values {
  group_id: string;
  name: string;
  description: string;
}

const toBody = (values: Values) => ({
  group_id: values.group_id,
  name: values.name || null,
  description: values.description || null,
});
const rules = bodyRules<Values>({ schema: groupSnapshotCreateSchema, wrap: 'group_snapshot', toBody });

/** A snapshot of every volume of a group at once; the group is chosen here unless `groupId` fixes it. */
export function CreateGroupSnapshotForm({ groupId, close }: { groupId?: string; close: () => void }) {
  const { t } = useTranslation();
  const groups = useQuery({ ...groupQueries.list(), enabled: groupId === undefined });
  const available = (groups.data?.items ?? []).filter((group) => group.status === 'available');
  const form = useForm<Values>({
    initialValues: { group_id: groupId ?? '', name: '', description: '' },
    validate: requestValidator(rules, t, (values) => ({
      group_id: values.group_id ? null : t('groupSnapshots.create.groupRequired'),
    })),
  });
  const create = useCinderMutation({
    call: (values: Values) => groupCalls.snapshot(toBody(values)),
    done: (values) => t('groupSnapshots.create.done', { name: values.name || t('groups.unnamed') }),
    failed: (values) => t('groupSnapshots.create.failed', { name: values.name || t('groups.unnamed') }),
    affects: ['group_snapshots', 'snapshots'],
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="sm">
        {groupId === undefined && (
          <Select
            label={t('groupSnapshots.fields.group')}
            required
            data={available.map((group) => ({ value: group.id, label: displayName(group) }))}
            nothingFoundMessage={t('groupSnapshots.create.noGroups')}
            {...form.getInputProps('group_id')}
          />
        )}
        <TextInput
          label={t('groupSnapshots.fields.name')}
          data-autofocus={groupId !== undefined || undefined}
          {...form.getInputProps('name')}
        />
        <Textarea
          label={t('groupSnapshots.fields.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <DialogActions onCancel={close} label={t('groupSnapshots.create.submit')} pending={create.isPending} />
      </Stack>
    </form>
  );
}
