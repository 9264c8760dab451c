import { Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { storageQueries } from '../api';

/** What a backend says it can do (`/capabilities/{host}`): vendor, protocol, and the properties it offers. */
export function BackendCapabilities({ host }: { host: string }) {
  const { t } = useTranslation();
  const capabilities = useQuery(storageQueries.capabilities(host));
  if (capabilities.isPending) return <Loader aria-label={t('app.loading')} />;
  if (capabilities.error) return <ErrorAlert error={capabilities.error} title={t('storage.capabilities.loadFailed')} />;
  const c = capabilities.data;
  const facts: Array<[string, string | null | undefined]> = [
    [t('storage.capabilities.backend'), c.volume_backend_name],
    [t('storage.capabilities.vendor'), c.vendor_name],
    [t('storage.capabilities.driverVersion'), c.driver_version],
    [t('storage.capabilities.protocol'), c.storage_protocol],
  ];
  const properties = Object.entries(c.properties ?? {});
  return (
    <Stack gap="sm">
      <Table aria-label={t('storage.capabilities.title', { host })}>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} size="sm">
        {t('storage.capabilities.properties')}
      </Text>
      {properties.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('storage.capabilities.noProperties')}
        </Text>
      ) : (
        <Table aria-label={t('storage.capabilities.properties')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('storage.capabilities.key')}</Table.Th>
              <Table.Th scope="col">{t('storage.capabilities.propertyTitle')}</Table.Th>
              <Table.Th scope="col">{t('storage.capabilities.type')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {properties.map(([key, property]) => (
              <Table.Tr key={key}>
                <Table.Td ff="monospace">{key}</Table.Td>
                <Table.Td>{property.title ?? '—'}</Table.Td>
                <Table.Td>{property.type ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
