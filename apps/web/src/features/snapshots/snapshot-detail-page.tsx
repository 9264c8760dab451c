import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import { DetailFrame } from '../../components/detail-frame';
import { KeyValueSection } from '../../components/key-value-section';
import { TitledSection } from '../../components/titled-section';
import { ResourceMessages } from '../../resources/project/resource-messages';
import { snapshotQueries } from '../../resources/snapshots/api';
import { volumeQueries } from '../../resources/volumes/api';
import { SnapshotActionBar } from './snapshot-action-bar';
import { snapshotFields } from './snapshot-fields';

/** One snapshot: every field, its volume, its metadata, Cinder's messages about it, and its actions. */
function SnapshotDetailPage() {
  const { snapshotId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const snapshot = useQuery(snapshotQueries.detail(snapshotId));
  const volumeId = snapshot.data?.volume_id;
  const volume = useQuery({ ...volumeQueries.detail(volumeId ?? ''), enabled: volumeId !== undefined });
  return (
    <DetailFrame query={snapshot} back="/snapshots" id={snapshotId} kind="snapshots">
      {(s) => (
        <>
          <SnapshotActionBar snapshot={s} onDeleted={() => void navigate('/snapshots')} />
          <DetailFields fields={snapshotFields(t, language, s, volume.data)} />
          <KeyValueSection title={t('metadata.title')} values={s.metadata ?? {}} />
          <TitledSection title={t('snapshots.detail.messages')}>
            <ResourceMessages id={s.id} />
          </TitledSection>
        </>
      )}
    </DetailFrame>
  );
}

export default SnapshotDetailPage;
