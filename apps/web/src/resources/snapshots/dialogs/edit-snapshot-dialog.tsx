import type { Snapshot } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { EditNameForm } from '../../../components/edit-name-form';
import { displayName } from '../../../lib/display-name';
import { snapshotCalls } from '../api';

/** Renames a snapshot or changes its description; Cinder allows this in any status. */
export function EditSnapshotForm({ snapshot, close }: { snapshot: Snapshot; close: () => void }) {
  const { t } = useTranslation();
  return (
    <EditNameForm
      resource={snapshot}
      kind="snapshots"
      save={(values) => snapshotCalls.update(snapshot.id, values)}
      texts={{
        name: t('snapshots.fields.name'),
        description: t('snapshots.fields.description'),
        done: t('snapshots.edit.done', { name: displayName(snapshot) }),
        failed: t('snapshots.edit.failed', { name: displayName(snapshot) }),
      }}
      close={close}
    />
  );
}
