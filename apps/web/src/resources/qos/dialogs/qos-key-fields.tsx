import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { KeyValueFields } from '../../../components/key-value-fields';
import { QOS_KEYS } from '../api';

/** The QoS keys of a create or edit form (its `specs` list), offering the keys front- and back-end drivers read. */
// The form's value type varies by dialog; only `specs` is touched.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function QosKeyFields({ form }: { form: UseFormReturnType<any> }) {
  const { t } = useTranslation();
  return (
    <KeyValueFields
      strings="volumeTypes.keyValues"
      form={form}
      path="specs"
      title={t('qos.fields.specs')}
      add={t('qos.form.addKey')}
      suggest={QOS_KEYS}
    />
  );
}
