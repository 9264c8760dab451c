import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { groupSpecsBodySchema, type GroupType } from '@cinder-console/cinder';
import { metadataObject, metadataRowErrors, metadataRows, type MetadataRow } from '../../../components/metadata-fields';
import { bodyRules, requestValidator, showServerIssues } from '../../../lib/request-rules';
import { GroupSpecFields } from './group-spec-fields';
import { groupTypeCalls } from '../api';
import { useGroupTypeMutation } from '../use-group-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

interface Values {
  specs: MetadataRow[];
}

const rules = bodyRules<Values>({
  schema: groupSpecsBodySchema,
  toBody: (values) => ({ group_specs: metadataObject(values.specs) }),
  lists: { group_specs: 'specs' },
});

/**
 * Edits a group type's specs as one list: Cinder sets specs by merging (`POST group_specs`) and
 * removes them one key at a time, so the save sends the rows, then deletes the keys left out.
 */
export function GroupSpecsForm({ type, close }: { type: GroupType; close: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { specs: metadataRows(type.group_specs) },
    validate: requestValidator(rules, t, (values) => metadataRowErrors(t, 'specs', values.specs)),
  });
  const save = useGroupTypeMutation({
    call: async (values: Values) => {
      const specs = metadataObject(values.specs);
      if (Object.keys(specs).length > 0) await groupTypeCalls.setSpecs(type.id, specs);
      for (const key of Object.keys(type.group_specs ?? {}))
        if (!(key in specs)) await groupTypeCalls.unsetSpec(type.id, key);
    },
    done: () => t('groupTypes.specs.done', { name: type.name }),
    failed: () => t('groupTypes.specs.failed', { name: type.name }),
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <GroupSpecFields form={form} />
        <DialogActions onCancel={close} label={t('actions.save')} pending={save.isPending} />
      </Stack>
    </form>
  );
}
