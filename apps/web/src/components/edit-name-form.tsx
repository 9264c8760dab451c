import { Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { nameAndDescriptionSchema } from '@cinder-console/cinder';
import { bodyRules, requestValidator, showServerIssues } from '../lib/request-rules';
import { useCinderMutation } from '../lib/use-cinder-mutation';
import { cinderKeys, type CinderKind } from '../lib/query-keys';
import { DialogActions } from './dialog-actions';

interface Described {
  id: string;
  name: string | null;
  description?: string | null | undefined;
}

interface Values {
  name: string;
  description: string;
}

/** Empty fields are sent as null, which is how Cinder clears them. */
const toBody = (values: Values) => ({ name: values.name || null, description: values.description || null });
const rules = bodyRules<Values>({ schema: nameAndDescriptionSchema, toBody });

export interface NameAndDescription {
  name: string | null;
  description: string | null;
}

/**
 * Renames a volume, snapshot or backup or changes its description. Empty fields are sent as
 * null, which is how Cinder clears them. Renaming changes no status, so no live event follows:
 * the resource's detail view refetches itself.
 */
export function EditNameForm({
  resource,
  kind,
  save,
  texts,
  close,
}: {
  resource: Described;
  /** `volumes`, `snapshots`, `backups`: whose list and detail caches change. */
  kind: CinderKind;
  save: (values: NameAndDescription) => Promise<unknown>;
  texts: { name: string; description: string; done: string; failed: string };
  close: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { name: resource.name ?? '', description: resource.description ?? '' },
    validate: requestValidator(rules, t),
  });
  const mutation = useCinderMutation({
    call: (values: Values) => save(toBody(values)),
    done: () => texts.done,
    failed: () => texts.failed,
    affects: [kind],
    refreshes: [cinderKeys(kind).detail(resource.id)],
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, rules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={texts.name} data-autofocus {...form.getInputProps('name')} />
        <Textarea label={texts.description} autosize minRows={2} {...form.getInputProps('description')} />
        <DialogActions onCancel={close} label={t('actions.save')} pending={mutation.isPending} />
      </Stack>
    </form>
  );
}
