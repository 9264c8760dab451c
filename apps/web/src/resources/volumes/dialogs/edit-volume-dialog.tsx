import type { Volume } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { EditNameForm } from '../../../components/edit-name-form';
import { volumeCalls } from '../api';
import { displayName } from '../../../lib/display-name';

export function EditVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  return (
    <EditNameForm
      resource={volume}
      kind="volumes"
      save={(values) => volumeCalls.update(volume.id, values)}
      texts={{
        name: t('volumes.fields.name'),
        description: t('volumes.fields.description'),
        done: t('volumes.edit.done', { name: displayName(volume) }),
        failed: t('volumes.edit.failed', { name: displayName(volume) }),
      }}
      close={close}
    />
  );
}
