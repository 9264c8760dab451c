import type { VolumeGroup } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { EditNameForm } from '../../../components/edit-name-form';
import { displayName } from '../../../lib/display-name';
import { groupCalls } from '../api';

/** Renames a group or changes its description (the group must be available). */
export function EditGroupForm({ group, close }: { group: VolumeGroup; close: () => void }) {
  const { t } = useTranslation();
  return (
    <EditNameForm
      resource={group}
      kind="groups"
      save={(values) => groupCalls.update(group.id, values)}
      texts={{
        name: t('groups.fields.name'),
        description: t('groups.fields.description'),
        done: t('groups.edit.done', { name: displayName(group) }),
        failed: t('groups.edit.failed', { name: displayName(group) }),
      }}
      close={close}
    />
  );
}
