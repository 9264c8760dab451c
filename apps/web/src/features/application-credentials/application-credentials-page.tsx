import { Badge, Button, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useQuery } from '@tanstack/react-query';
import type { ApplicationCredential } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { SimpleTable } from '../../components/simple-table';
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
function ApplicationCredentialsPage() {
  const { t, i18n } = useTranslation();
  const credentials = useQuery(applicationCredentialQueries.list());
  const create = () => openDialog(t('appCredentials.create'), (close) => <CreateCredentialForm close={close} />, 'lg');
  const remove = (credential: ApplicationCredential) =>
    openDialog(t('appCredentials.deleteTitle', { name: credential.name }), (close) => (
      <DeleteCredential credential={credential} close={close} />
    ));
  return (
    <Stack gap="md">
      <PageHeader title={t('appCredentials.title')}>
        <Button onClick={create}>{t('appCredentials.create')}</Button>
      </PageHeader>
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
        <SimpleTable
          label={t('appCredentials.title')}
          minWidth={640}
          rows={credentials.data}
          rowKey={(credential) => credential.id}
          columns={[
            {
              id: 'name',
              header: t('appCredentials.name'),
              rowHeader: true,
              cell: (credential) => (
                <>
                  {credential.name}
                  {credential.unrestricted && (
                    <Badge ml="xs" color="orange" variant="light">
                      {t('appCredentials.unrestricted')}
                    </Badge>
                  )}
                </>
              ),
            },
            { id: 'roles', header: t('appCredentials.roles'), cell: (credential) => credential.roles.join(', ') },
            {
              id: 'expires',
              header: t('appCredentials.expires'),
              cell: (credential) =>
                credential.expiresAt ? formatDateTime(credential.expiresAt, i18n.language) : t('appCredentials.never'),
            },
            { id: 'id', header: t('appCredentials.id'), cell: (credential) => <CopyId id={credential.id} /> },
            {
              id: 'actions',
              header: <VisuallyHidden>{t('appCredentials.actions')}</VisuallyHidden>,
              cell: (credential) => (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => remove(credential)}
                  aria-label={t('appCredentials.deleteNamed', { name: credential.name })}
                >
                  {t('appCredentials.delete')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <TotpCard />
    </Stack>
  );
}

export default ApplicationCredentialsPage;
