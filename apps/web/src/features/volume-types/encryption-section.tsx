import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import { ApiError } from '../../lib/api-error';
import { volumeTypeQueries } from '../../resources/volume-types/api';

/** A type's encryption, shown only where the cloud offers encryption types (a 404 hides it). */
export function EncryptionSection({ typeId }: { typeId: string }) {
  const { t } = useTranslation();
  const encryption = useQuery(volumeTypeQueries.encryption(typeId));
  if (encryption.isPending) return null;
  if (encryption.error) {
    if (encryption.error instanceof ApiError && encryption.error.status === 404) return null;
    return <ErrorAlert error={encryption.error} title={t('volumeTypes.encryption.loadFailed')} />;
  }
  const e = encryption.data;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('volumeTypes.encryption.title')}
      </Title>
      {!e.provider ? (
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
    </Stack>
  );
}
