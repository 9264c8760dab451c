import type { CinderService } from '@cinder-console/cinder';
import { Badge, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format';
import { openDialog } from '../../lib/open-dialog';
import { storageCalls, storageQueries, type ServiceChange } from '../../resources/storage/api';
import { DisableServiceForm } from '../../resources/storage/dialogs/disable-service-dialog';
import { useStorageMutation } from '../../resources/storage/use-storage-mutation';

const allowed = { allowed: true, reason: undefined };

/** Cinder's services with their heartbeat; enable, disable with a reason, freeze and thaw a volume backend. */
export function ServicesSection() {
  const { t, i18n } = useTranslation();
  const services = useQuery(storageQueries.services());
  const change = useStorageMutation({
    call: ({ service, change }: { service: CinderService; change: ServiceChange }) =>
      storageCalls.changeService(service, change),
    done: ({ service, change }) =>
      t(`storage.services.done.${change.kind}`, { binary: service.binary, host: service.host }),
    failed: ({ service }) => t('storage.services.changeFailed', { binary: service.binary, host: service.host }),
    affects: [],
  });
  const refused = (reason: string) => ({ allowed: false, reason });
  const actionsOf = (service: CinderService): MenuAction[] => {
    const disabled = service.status === 'disabled';
    const volume = service.binary === 'cinder-volume';
    const label = `${service.binary} ${service.host}`;
    return [
      disabled
        ? {
            key: 'enable',
            label: t('storage.services.enable'),
            gate: allowed,
            run: () => change.mutate({ service, change: { kind: 'enable' } }),
          }
        : {
            key: 'disable',
            label: t('storage.services.disableWithReason'),
            gate: allowed,
            danger: true,
            run: () =>
              openDialog(t('storage.services.disableTitle', { name: label }), (close) => (
                <DisableServiceForm service={service} close={close} />
              )),
          },
      {
        key: 'freeze',
        label: t('storage.services.freeze'),
        gate: !volume
          ? refused(t('storage.services.volumeOnly'))
          : service.frozen
            ? refused(t('storage.services.alreadyFrozen'))
            : allowed,
        run: () => change.mutate({ service, change: { kind: 'freeze' } }),
      },
      {
        key: 'thaw',
        label: t('storage.services.thaw'),
        gate: !volume
          ? refused(t('storage.services.volumeOnly'))
          : !service.frozen
            ? refused(t('storage.services.notFrozen'))
            : allowed,
        run: () => change.mutate({ service, change: { kind: 'thaw' } }),
      },
    ];
  };
  return (
    <section aria-labelledby="storage-services">
      <Title order={2} size="h3" id="storage-services" mb="xs">
        {t('storage.services.title')}
      </Title>
      {services.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : services.error ? (
        <ErrorAlert error={services.error} title={t('storage.services.loadFailed')} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-labelledby="storage-services" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('storage.services.binary')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.host')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.zone')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.state')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.status')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.heartbeat')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.disabledReason')}</Table.Th>
                <Table.Th scope="col">{t('storage.services.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.data.map((service) => (
                <Table.Tr key={`${service.binary}/${service.host}`}>
                  <Table.Td>{service.binary}</Table.Td>
                  <Table.Td ff="monospace">{service.host}</Table.Td>
                  <Table.Td>{service.zone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={service.state === 'up' ? 'teal' : 'red'} variant="light">
                      {t(`storage.services.states.${service.state}`, { defaultValue: service.state })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={service.status === 'enabled' ? 'teal' : 'orange'} variant="light">
                      {t(`storage.services.statuses.${service.status}`, { defaultValue: service.status })}
                    </Badge>
                    {service.frozen && (
                      <Badge color="blue" variant="outline" ml={4}>
                        {t('storage.services.frozen')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(service.updated_at, i18n.language) || '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {service.disabled_reason ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionMenu name={`${service.binary} ${service.host}`} actions={actionsOf(service)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
