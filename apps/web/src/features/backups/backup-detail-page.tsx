import type { Backup } from '@cinder-console/cinder';
import { Alert, Anchor, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CopyId } from '../../components/copy-id';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { ApiError } from '../../lib/api-error';
import { ResourceMessages } from '../../resources/project/resource-messages';
import { backupQueries } from '../../resources/backups/api';
import { useBackupActions } from '../../resources/backups/backup-actions';
import { ActionBar } from '../../components/action-bar';
import { backupFields } from './backup-fields';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/backups" size="sm">
      {t('backups.detail.back')}
    </Anchor>
  );
}

/** One backup: every field, its metadata, the same actions as its row, and Cinder's messages about it. */
export function BackupDetailPage() {
  const { backupId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const backup = useQuery(backupQueries.detail(backupId));
  const actionsOf = useBackupActions(() => void navigate('/backups'));
  if (backup.isPending) return <Loader aria-label={t('app.loading')} />;
  if (backup.error) {
    const missing = backup.error instanceof ApiError && backup.error.status === 404;
    return (
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h2">
          {missing ? t('backups.detail.notFound') : t('backups.detail.loadFailed')}
        </Title>
        {missing ? (
          <Text>{t('backups.detail.notFoundBody', { id: backupId })}</Text>
        ) : (
          <ErrorAlert
            error={backup.error}
            title={t('backups.detail.loadFailed')}
            onRetry={() => void backup.refetch()}
          />
        )}
        <BackLink />
      </Stack>
    );
  }
  const b = backup.data;
  return (
    <Stack gap="md">
      <BackLink />
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {b.name || t('backups.unnamed')}
          </Title>
          <StatusBadge status={b.status} />
        </Group>
        <CopyId id={b.id} />
      </Stack>
      {b.fail_reason && (
        <Alert color="red" role="alert" title={t('backups.fields.failReason')}>
          {b.fail_reason}
        </Alert>
      )}
      <ActionBar actions={actionsOf(b)} label={t('backups.detail.actions')} />
      <DetailFields fields={backupFields(t, language, b)} />
      <BackupMetadata backup={b} />
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('backups.detail.messages')}
        </Title>
        <ResourceMessages id={b.id} />
      </Stack>
    </Stack>
  );
}

/** The backup's metadata (3.43+); absent on older clouds, where the section is left out. */
function BackupMetadata({ backup }: { backup: Backup }) {
  const { t } = useTranslation();
  if (!backup.metadata) return null;
  const entries = Object.entries(backup.metadata);
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {t('metadata.title')}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('metadata.empty')}
        </Text>
      ) : (
        <Table aria-label={t('metadata.title')} maw={640}>
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{key}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export default BackupDetailPage;
