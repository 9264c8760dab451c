import { Button, Group, Stack, Text } from '@mantine/core';
import type { ApplicationCredential } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { notifyDone } from '../../lib/feedback';
import { useDeleteApplicationCredential } from '../../resources/identity/application-credentials';

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
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {t('actions.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={remove.isPending}>
          {t('appCredentials.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
