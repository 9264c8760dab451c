import { MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { groupCreateSchema } from '@cinder-console/cinder';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { groupTypeQueries } from '../../group-types/api';
import { projectQueries } from '../../project/api';
import { groupCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

interface Values {
  name: string;
  description: string;
  group_type: string;
  volume_types: string[];
  availability_zone: string;
}

const toBody = (values: Values) => ({
  name: values.name || null,
  description: values.description || null,
  group_type: values.group_type,
  volume_types: values.volume_types,
  ...(values.availability_zone ? { availability_zone: values.availability_zone } : {}),
});
const rules = bodyRules<Values>({ schema: groupCreateSchema, wrap: 'group', toBody });

/** Creates an empty group of a group type that may hold volumes of the chosen volume types. */
export function GroupForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const groupTypes = useQuery(groupTypeQueries.list(false));
  const volumeTypes = useQuery(projectQueries.volumeTypes());
  const zones = useQuery(projectQueries.availabilityZones());
  const form = useForm<Values>({
    initialValues: { name: '', description: '', group_type: '', volume_types: [], availability_zone: '' },
    validate: requestValidator(rules, t),
  });
  const create = useCinderMutation({
    call: (values: Values) => groupCalls.create(toBody(values)),
    done: (values) => t('groups.create.done', { name: values.name || t('groups.unnamed') }),
    failed: (values) => t('groups.create.failed', { name: values.name || t('groups.unnamed') }),
    affects: ['groups'],
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('groups.fields.name')} data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('groups.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <Select
          label={t('groups.fields.groupType')}
          required
          data={(groupTypes.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
          nothingFoundMessage={t('groups.create.noGroupTypes')}
          {...form.getInputProps('group_type')}
        />
        <MultiSelect
          label={t('groups.fields.volumeTypes')}
          description={t('groups.create.volumeTypesHelp')}
          required
          data={(volumeTypes.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
          {...form.getInputProps('volume_types')}
        />
        <Select
          label={t('groups.fields.zone')}
          clearable
          placeholder={t('groups.create.defaultZone')}
          data={zones.data ?? []}
          {...form.getInputProps('availability_zone')}
        />
        <DialogActions onCancel={close} label={t('groups.create.submit')} pending={create.isPending} />
      </Stack>
    </form>
  );
}
