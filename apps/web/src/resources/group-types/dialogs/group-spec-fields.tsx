import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { KeyValueFields } from '../../../components/key-value-fields';
import { COMMON_GROUP_SPECS } from '../api';

/** The group specs of a create or edit form (its `specs` list), offering the specs Cinder reads. */
// The form's value type varies by dialog; only `specs` is touched.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function GroupSpecFields({ form }: { form: UseFormReturnType<any> }) {
  const { t } = useTranslation();
  return (
    <KeyValueFields
      strings="volumeTypes.keyValues"
      suggest={COMMON_GROUP_SPECS}
      form={form}
      path="specs"
      title={t('groupTypes.specs.title')}
      add={t('groupTypes.specs.add')}
    />
  );
}
