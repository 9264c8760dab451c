import { Checkbox, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { volumeTypeCreateSchema, volumeTypeUpdateSchema } from '@cinder-console/cinder';
import { metadataObject, metadataRowErrors, type MetadataRow } from '../../../components/metadata-fields';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { COMMON_SPECS, volumeTypeCalls, type AdminVolumeType } from '../api';
import { KeyValueFields } from '../../../components/key-value-fields';
import { useTypeMutation } from '../use-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

interface FormValues {
  name: string;
  description: string;
  isPublic: boolean;
  specs: MetadataRow[];
}

const specsOf = (values: FormValues) => metadataObject(values.specs);

/** `POST /types` and `PUT /types/{id}` as the BFF checks them. */
const createRules = bodyRules<FormValues>({
  schema: volumeTypeCreateSchema,
  wrap: 'volume_type',
  toBody: (values) => ({
    name: values.name,
    ...(values.description ? { description: values.description } : {}),
    ...(values.specs.length ? { extra_specs: specsOf(values) } : {}),
  }),
  lists: { extra_specs: 'specs' },
});
const updateRules = bodyRules<FormValues>({
  schema: volumeTypeUpdateSchema,
  wrap: 'volume_type',
  toBody: (values) => ({ name: values.name, description: values.description }),
});

/** Creates a volume type (with extra specs) or edits one's name, description and visibility. */
export function TypeForm({ type, close }: { type?: AdminVolumeType; close: () => void }) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    initialValues: {
      name: type?.name ?? '',
      description: type?.description ?? '',
      isPublic: type?.is_public ?? true,
      specs: [],
    },
    validate: requestValidator(type ? updateRules : createRules, t, (values) => ({
      name: values.name.trim() ? null : t('volumeTypes.form.nameRequired'),
      ...metadataRowErrors(t, 'specs', values.specs),
    })),
  });
  const save = useTypeMutation({
    call: (values: FormValues) => {
      const input = { name: values.name, description: values.description, isPublic: values.isPublic };
      if (type) return volumeTypeCalls.update(type.id, input);
      const specs = specsOf(values);
      return volumeTypeCalls.create({ ...input, ...(Object.keys(specs).length ? { extraSpecs: specs } : {}) });
    },
    done: (values) => t(type ? 'volumeTypes.form.updated' : 'volumeTypes.form.created', { name: values.name }),
    failed: (values) =>
      t(type ? 'volumeTypes.form.updateFailed' : 'volumeTypes.form.createFailed', { name: values.name }),
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, type ? updateRules : createRules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('volumeTypes.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label={t('volumeTypes.fields.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Checkbox
          label={t('volumeTypes.form.public')}
          description={t('volumeTypes.form.publicHelp')}
          {...form.getInputProps('isPublic', { type: 'checkbox' })}
        />
        {!type && (
          <KeyValueFields
            strings="volumeTypes.keyValues"
            form={form}
            path="specs"
            title={t('volumeTypes.specs.title')}
            add={t('volumeTypes.specs.add')}
            suggest={COMMON_SPECS.map((spec) => spec.key)}
          />
        )}
        <DialogActions
          onCancel={close}
          label={type ? t('actions.save') : t('volumeTypes.form.create')}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
