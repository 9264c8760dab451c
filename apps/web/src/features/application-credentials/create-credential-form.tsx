import { Checkbox, Group, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createApplicationCredentialSchema, type CreatedApplicationCredential } from '@cinder-console/cinder';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useCurrentSession } from '../../lib/current-session';
import { bodyRules, requestValidator, showServerIssues } from '../../lib/request-rules';
import { useCreateApplicationCredential } from '../../resources/identity/application-credentials';
import { CreatedSecret } from './created-secret';
import { DialogActions } from '../../components/dialog-actions';

interface Values {
  name: string;
  description: string;
  roles: string[];
  expiresAt: string;
  unrestricted: boolean;
  accessRules: string;
}

/** `service METHOD /path` per line, as the rules are written in Keystone's documentation. */
function parseAccessRules(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [service = '', method = '', path = ''] = line.split(/\s+/);
      return { service, method: method.toUpperCase(), path };
    });
}

function toBody(values: Values) {
  const rules = parseAccessRules(values.accessRules);
  return {
    name: values.name,
    ...(values.description.trim() ? { description: values.description } : {}),
    roles: values.roles,
    // datetime-local has no zone: it is the user's local time, sent as an instant.
    ...(values.expiresAt ? { expiresAt: new Date(values.expiresAt).toISOString() } : {}),
    unrestricted: values.unrestricted,
    ...(rules.length ? { accessRules: rules } : {}),
  };
}

const rules = bodyRules<Values>({ schema: createApplicationCredentialSchema, toBody });

/**
 * Creates an application credential for the session's project: a subset of the user's roles there,
 * an optional expiry, the unrestricted flag and access rules. Then shows its secret, once.
 */
export function CreateCredentialForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const roles = session?.roles ?? [];
  const create = useCreateApplicationCredential();
  const [created, setCreated] = useState<CreatedApplicationCredential>();
  const form = useForm<Values>({
    initialValues: { name: '', description: '', roles, expiresAt: '', unrestricted: false, accessRules: '' },
    validate: requestValidator(rules, t),
  });
  if (created) return <CreatedSecret created={created} close={close} />;
  const submit = form.onSubmit((values) =>
    // The validator has passed, so parsing gives the same body, typed as the request (methods narrowed).
    create.mutate(createApplicationCredentialSchema.parse(toBody(values)), {
      onSuccess: setCreated,
      onError: (error) => showServerIssues(error, rules, values, form.setFieldError),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('appCredentials.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('appCredentials.description')} {...form.getInputProps('description')} />
        <Checkbox.Group
          label={t('appCredentials.roles')}
          description={t('appCredentials.rolesHint', { project: session?.project.name ?? '' })}
          {...form.getInputProps('roles')}
        >
          <Group mt="xs">
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={role} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          type="datetime-local"
          label={t('appCredentials.expiresAt')}
          description={t('appCredentials.expiresHint')}
          {...form.getInputProps('expiresAt')}
        />
        <Switch
          label={t('appCredentials.unrestricted')}
          description={t('appCredentials.unrestrictedHint')}
          {...form.getInputProps('unrestricted', { type: 'checkbox' })}
        />
        <Textarea
          label={t('appCredentials.accessRules')}
          description={t('appCredentials.accessRulesHint')}
          autosize
          minRows={2}
          ff="monospace"
          {...form.getInputProps('accessRules')}
        />
        {create.error && <ErrorAlert title={t('appCredentials.createFailed')} error={create.error} />}
        <DialogActions onCancel={close} label={t('appCredentials.create')} pending={create.isPending} />
      </Stack>
    </form>
  );
}
