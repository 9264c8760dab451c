import type { Snapshot } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { MetadataForm } from '../../../components/metadata-form';
import { displayName } from '../../../lib/display-name';
import { snapshotCalls } from '../api';

export function SnapshotMetadataForm({ snapshot, close }: { snapshot: Snapshot; close: () => void }) {
  const { t } = useTranslation();
  return (
    <MetadataForm
      resource={snapshot}
      kind="snapshots"
      replace={(metadata) => snapshotCalls.replaceMetadata(snapshot.id, metadata)}
      texts={{
        done: t('snapshots.metadata.done', { name: displayName(snapshot) }),
        failed: t('snapshots.metadata.failed', { name: displayName(snapshot) }),
      }}
      close={close}
    />
  );
}
