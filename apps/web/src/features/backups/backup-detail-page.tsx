import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ActionBar } from '../../components/action-bar';
import { DetailFields } from '../../components/detail-fields';
import { DetailFrame } from '../../components/detail-frame';
import { KeyValueSection } from '../../components/key-value-section';
import { TitledSection } from '../../components/titled-section';
import { ResourceMessages } from '../../resources/project/resource-messages';
import { backupQueries } from '../../resources/backups/api';
import { useBackupActions } from '../../resources/backups/backup-actions';
import { backupFields } from './backup-fields';

/** One backup: every field, its metadata, the same actions as its row, and Cinder's messages about it. */
function BackupDetailPage() {
  const { backupId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const backup = useQuery(backupQueries.detail(backupId));
  const actionsOf = useBackupActions(() => void navigate('/backups'));
  return (
    <DetailFrame query={backup} back="/backups" id={backupId} kind="backups">
      {(b) => (
        <>
          {b.fail_reason && (
            <Alert color="red" role="alert" title={t('backups.fields.failReason')}>
              {b.fail_reason}
            </Alert>
          )}
          <ActionBar actions={actionsOf(b)} label={t('backups.detail.actions')} />
          <DetailFields fields={backupFields(t, language, b)} />
          {/* Metadata came with 3.43: on older clouds the section is left out. */}
          {b.metadata && <KeyValueSection title={t('metadata.title')} values={b.metadata} />}
          <TitledSection title={t('backups.detail.messages')}>
            <ResourceMessages id={b.id} />
          </TitledSection>
        </>
      )}
    </DetailFrame>
  );
}

export default BackupDetailPage;
