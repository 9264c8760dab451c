import { Checkbox, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { groupTypeCreateSchema, groupTypeUpdateSchema, type GroupType } from '@cinder-console/cinder';
import { metadataObject, metadataRowErrors, type MetadataRow } from '../../../components/metadata-fields';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { GroupSpecFields } from './group-spec-fields';
import { groupTypeCalls } from '../api';
import { useGroupTypeMutation } from '../use-group-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

interface Values {
  name: string;
  description: string;
  is_public: boolean;
  specs: MetadataRow[];
}

const base = (values: Values) => ({
  name: values.name,
  description: values.description || null,
  is_public: values.is_public,
});
const createBody = (values: Values) => {
  const specs = metadataObject(values.specs);
  return { ...base(values), ...(Object.keys(specs).length ? { group_specs: specs } : {}) };
};
const createRules = bodyRules<Values>({
  schema: groupTypeCreateSchema,
  wrap: 'group_type',
  toBody: createBody,
  lists: { group_specs: 'specs' },
});
const updateRules = bodyRules<Values>({ schema: groupTypeUpdateSchema, wrap: 'group_type', toBody: base });

/** Creates a group type (with group specs) or edits one's name, description and visibility (admin). */
export function GroupTypeForm({ type, close }: { type?: GroupType; close: () => void }) {
  const { t } = useTranslation();
  const rules = type ? updateRules : createRules;
  const form = useForm<Values>({
    initialValues: {
      name: type?.name ?? '',
      description: type?.description ?? '',
      is_public: type?.is_public ?? true,
      specs: [],
    },
    validate: requestValidator(rules, t, (values) => metadataRowErrors(t, 'specs', values.specs)),
  });
  const save = useGroupTypeMutation({
    call: (values: Values) =>
      type ? groupTypeCalls.update(type.id, base(values)) : groupTypeCalls.create(createBody(values)),
    done: (values) => t(type ? 'groupTypes.form.updated' : 'groupTypes.form.created', { name: values.name }),
    failed: (values) =>
      t(type ? 'groupTypes.form.updateFailed' : 'groupTypes.form.createFailed', { name: values.name }),
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('groupTypes.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label={t('groupTypes.fields.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Checkbox label={t('groupTypes.form.public')} {...form.getInputProps('is_public', { type: 'checkbox' })} />
        {!type && <GroupSpecFields form={form} />}
        <DialogActions
          onCancel={close}
          label={type ? t('actions.save') : t('groupTypes.form.create')}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
