import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import { ApiError } from '../../lib/api-error';
import { openDialog } from '../../lib/open-dialog';
import { volumeTypeQueries, type AdminVolumeType } from '../../resources/volume-types/api';
import { EncryptionForm } from '../../resources/volume-types/dialogs/encryption-form';
import { RemoveEncryptionForm } from '../../resources/volume-types/dialogs/remove-encryption';

/**
 * A type's encryption: shown, added, changed or removed. Hidden where the cloud does not offer
 * encryption types (a 404 from the encryption call while the type itself exists).
 */
export function EncryptionSection({ type }: { type: AdminVolumeType }) {
  const { t } = useTranslation();
  const headingId = useId();
  const encryption = useQuery(volumeTypeQueries.encryption(type.id));
  if (encryption.isPending) return null;
  if (encryption.error) {
    if (encryption.error instanceof ApiError && encryption.error.status === 404) return null;
    return <ErrorAlert error={encryption.error} title={t('volumeTypes.encryption.loadFailed')} />;
  }
  const e = encryption.data;
  const encryptionId = e.provider ? e.encryption_id : undefined;
  const openForm = () =>
    openDialog(
      t(encryptionId ? 'volumeTypes.encryption.editTitle' : 'volumeTypes.encryption.addTitle', { name: type.name }),
      (close) => <EncryptionForm type={type} {...(encryptionId ? { encryption: e } : {})} close={close} />,
    );
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('volumeTypes.encryption.title')}
      </Title>
      {!encryptionId ? (
        <Text c="dimmed">{t('volumeTypes.encryption.none')}</Text>
      ) : (
        <DetailFields
          fields={[
            { label: t('volumeTypes.encryption.provider'), value: e.provider },
            { label: t('volumeTypes.encryption.cipher'), value: e.cipher },
            { label: t('volumeTypes.encryption.keySize'), value: e.key_size?.toString() },
            { label: t('volumeTypes.encryption.controlLocation'), value: e.control_location },
          ]}
        />
      )}
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={openForm}>
          {encryptionId ? t('volumeTypes.encryption.edit') : t('volumeTypes.encryption.add')}
        </Button>
        {encryptionId && (
          <Button
            variant="default"
            color="red"
            size="xs"
            onClick={() =>
              openDialog(t('volumeTypes.encryption.removeTitle', { name: type.name }), (close) => (
                <RemoveEncryptionForm type={type} encryptionId={encryptionId} close={close} />
              ))
            }
          >
            {t('volumeTypes.encryption.remove')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
