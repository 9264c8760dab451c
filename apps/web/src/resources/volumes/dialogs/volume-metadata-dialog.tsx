import type { Volume } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { MetadataForm } from '../../../components/metadata-form';
import { apiVoid } from '../../../lib/api-client';
import { displayName } from '../../../lib/display-name';

export function VolumeMetadataForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  return (
    <MetadataForm
      resource={volume}
      kind="volumes"
      replace={(metadata) =>
        apiVoid(`/api/cinder/volumes/${encodeURIComponent(volume.id)}/metadata`, {
          method: 'PUT',
          body: { metadata },
        })
      }
      texts={{
        done: t('volumes.metadata.done', { name: displayName(volume) }),
        failed: t('volumes.metadata.failed', { name: displayName(volume) }),
      }}
      close={close}
    />
  );
}
