import type { Volume } from '@cinder-console/cinder';
import { Checkbox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulkDeleteForm } from '../../../components/bulk-delete-form';
import { volumeCalls } from '../api';

/** Deletes one or several volumes, optionally with their snapshots (`cascade`). */
export function DeleteVolumesForm({
  volumes,
  close,
  onDeleted,
}: {
  volumes: Volume[];
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const [cascade, setCascade] = useState(false);
  return (
    <BulkDeleteForm
      items={volumes}
      remove={(volume) => volumeCalls.remove(volume.id, cascade)}
      texts={{
        question: (count) => t('volumes.delete.question', { count }),
        submit: (count) => t('volumes.delete.submit', { count }),
        done: (count) => t('volumes.delete.done', { count }),
        failed: (count) => t('volumes.delete.failed', { count }),
      }}
      affects={['volumes', 'snapshots']}
      close={close}
      onDeleted={onDeleted}
    >
      <Checkbox
        label={t('volumes.delete.cascade')}
        description={t('volumes.delete.cascadeHint')}
        checked={cascade}
        onChange={(event) => setCascade(event.currentTarget.checked)}
      />
    </BulkDeleteForm>
  );
}
