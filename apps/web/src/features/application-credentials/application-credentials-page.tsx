import { Badge, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ApplicationCredential } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { CopyId } from '../../components/copy-id';
import { formatDateTime } from '../../lib/format';
import { openDialog } from '../../lib/open-dialog';
import { applicationCredentialQueries } from '../../resources/identity/application-credentials';
import { CreateCredentialForm } from './create-credential-form';
import { DeleteCredential } from './delete-credential';
import { TotpCard } from './totp-card';

/**
 * The signed-in user's application credentials: what each delegates, until when, and the way to
 * make one (its secret shown once) or delete one. Keystone decides what a session may do here.
 */
export function ApplicationCredentialsPage() {
  const { t, i18n } = useTranslation();
  const credentials = useQuery(applicationCredentialQueries.list());
  const create = () => openDialog(t('appCredentials.create'), (close) => <CreateCredentialForm close={close} />, 'lg');
  const remove = (credential: ApplicationCredential) =>
    openDialog(t('appCredentials.deleteTitle', { name: credential.name }), (close) => (
      <DeleteCredential credential={credential} close={close} />
    ));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('appCredentials.title')}
        </Title>
        <Button onClick={create}>{t('appCredentials.create')}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('appCredentials.about')}
      </Text>
      {credentials.isError ? (
        <ErrorAlert
          title={t('appCredentials.loadFailed')}
          error={credentials.error}
          onRetry={() => void credentials.refetch()}
        />
      ) : !credentials.data ? (
        <Loader aria-label={t('app.loading')} />
      ) : credentials.data.length === 0 ? (
        <Text>{t('appCredentials.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('appCredentials.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('appCredentials.name')}</Table.Th>
                <Table.Th scope="col">{t('appCredentials.roles')}</Table.Th>
                <Table.Th scope="col">{t('appCredentials.expires')}</Table.Th>
                <Table.Th scope="col">{t('appCredentials.id')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('appCredentials.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {credentials.data.map((credential) => (
                <Table.Tr key={credential.id}>
                  <Table.Th scope="row">
                    {credential.name}
                    {credential.unrestricted && (
                      <Badge ml="xs" color="orange" variant="light">
                        {t('appCredentials.unrestricted')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{credential.roles.join(', ')}</Table.Td>
                  <Table.Td>
                    {credential.expiresAt
                      ? formatDateTime(credential.expiresAt, i18n.language)
                      : t('appCredentials.never')}
                  </Table.Td>
                  <Table.Td>
                    <CopyId id={credential.id} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => remove(credential)}
                      aria-label={t('appCredentials.deleteNamed', { name: credential.name })}
                    >
                      {t('appCredentials.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TotpCard />
    </Stack>
  );
}

export default ApplicationCredentialsPage;
