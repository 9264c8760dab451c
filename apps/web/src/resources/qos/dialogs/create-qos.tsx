import { Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useDialogDraft, withDraft, type RestorableFormProps } from '../../../lib/dialog-drafts';
import { qosCreateSchema } from '@cinder-console/cinder';
import { metadataObject, metadataRowErrors, type MetadataRow } from '../../../components/metadata-fields';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { QosKeyFields } from './qos-key-fields';
import { useTypeMutation } from '../../volume-types/use-type-mutation';
import { QOS_CONSUMERS, qosCalls, type QosConsumer } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

interface FormValues {
  name: string;
  consumer: QosConsumer;
  specs: MetadataRow[];
}

/** `POST /qos-specs` as the BFF checks it: the specs' keys sit beside the name and consumer. */
const rules = bodyRules<FormValues>({
  schema: qosCreateSchema,
  wrap: 'qos_specs',
  toBody: (values) => ({ ...metadataObject(values.specs), name: values.name, consumer: values.consumer }),
});

/** The kind under which this dialog's unsaved input is kept across a session end (lib/dialog-drafts). */
export const CREATE_QOS_DRAFT = 'qos.create';

/** Creates QoS specs: a name, where they apply (front-end, back-end or both) and key/values. */
export function CreateQosForm({ restored, close }: RestorableFormProps) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    initialValues: withDraft<FormValues>({ name: '', consumer: 'back-end', specs: [{ key: '', value: '' }] }, restored),
    validate: requestValidator(rules, t, (values) => ({
      name: values.name.trim() ? null : t('qos.form.nameRequired'),
      ...metadataRowErrors(t, 'specs', values.specs),
    })),
  });
  useDialogDraft({ kind: CREATE_QOS_DRAFT, title: t('qos.form.title') }, form.getValues, form.isDirty);
  const create = useTypeMutation({
    call: (values: FormValues) => qosCalls.create(values.name, values.consumer, metadataObject(values.specs)),
    done: (values) => t('qos.form.created', { name: values.name }),
    failed: (values) => t('qos.form.createFailed', { name: values.name }),
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('qos.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('qos.fields.consumer')}
          allowDeselect={false}
          data={QOS_CONSUMERS.map((value) => ({ value, label: t(`qos.consumers.${value}`) }))}
          {...form.getInputProps('consumer')}
        />
        <QosKeyFields form={form} />
        <DialogActions onCancel={close} label={t('qos.form.create')} pending={create.isPending} />
      </Stack>
    </form>
  );
}
