import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import type { CreatedApplicationCredential } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';

function CopyAction({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="compact-sm" variant="light" onClick={copy}>
          {copied ? t('actions.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}

/**
 * The new credential's secret, this once (Keystone keeps only a hash), with a copy button and a
 * `clouds.yaml` entry that uses it. Nothing here is cached: closing the dialog forgets it.
 */
export function CreatedSecret({ created, close }: { created: CreatedApplicationCredential; close: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" role="status">
        {t('appCredentials.secretOnce')}
      </Alert>
      <TextInput label={t('appCredentials.id')} value={created.applicationCredential.id} readOnly />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('appCredentials.secret')}
          value={created.secret}
          readOnly
          style={{ flex: 1 }}
          ff="monospace"
        />
        <CopyAction value={created.secret} label={t('appCredentials.copySecret')} />
      </Group>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={500} size="sm" id="clouds-yaml-label">
            {t('appCredentials.cloudsYaml')}
          </Text>
          <CopyAction value={created.cloudsYaml} label={t('appCredentials.copyCloudsYaml')} />
        </Group>
        <Code block aria-labelledby="clouds-yaml-label" role="region">
          {created.cloudsYaml}
        </Code>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={close}>{t('appCredentials.done')}</Button>
      </Group>
    </Stack>
  );
}
