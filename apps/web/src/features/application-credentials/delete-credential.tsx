import { Stack, Text } from '@mantine/core';
import type { ApplicationCredential } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { notifyDone } from '../../lib/feedback';
import { useDeleteApplicationCredential } from '../../resources/identity/application-credentials';
import { DialogActions } from '../../components/dialog-actions';

/** Asks before deleting: whatever signs in with the credential stops working at once. */
export function DeleteCredential({ credential, close }: { credential: ApplicationCredential; close: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteApplicationCredential();
  const confirm = () =>
    remove.mutate(credential.id, {
      onSuccess: () => {
        notifyDone(t('appCredentials.deleted', { name: credential.name }));
        close();
      },
    });
  return (
    <Stack gap="md">
      <Text>{t('appCredentials.deleteWarning', { name: credential.name })}</Text>
      {remove.error && <ErrorAlert title={t('appCredentials.deleteFailed')} error={remove.error} />}
      <DialogActions
        onCancel={close}
        label={t('appCredentials.delete')}
        onConfirm={confirm}
        pending={remove.isPending}
        color="red"
      />
    </Stack>
  );
}
