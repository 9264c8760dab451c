import type { CinderService } from '@cinder-console/cinder';
import { Badge, Loader, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import { ErrorAlert } from '../../components/error-alert';
import { SimpleTable, type SimpleColumn } from '../../components/simple-table';
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
  const header = (column: string) => t(`storage.services.${column}`);
  const columns: SimpleColumn<CinderService>[] = [
    { id: 'binary', header: header('binary'), cell: (service) => service.binary },
    { id: 'host', header: header('host'), mono: true, cell: (service) => service.host },
    { id: 'zone', header: header('zone'), cell: (service) => service.zone ?? '—' },
    {
      id: 'state',
      header: header('state'),
      cell: (service) => (
        <Badge color={service.state === 'up' ? 'teal' : 'red'} variant="light">
          {t(`storage.services.states.${service.state}`, { defaultValue: service.state })}
        </Badge>
      ),
    },
    {
      id: 'status',
      header: header('status'),
      cell: (service) => (
        <>
          <Badge color={service.status === 'enabled' ? 'teal' : 'orange'} variant="light">
            {t(`storage.services.statuses.${service.status}`, { defaultValue: service.status })}
          </Badge>
          {service.frozen && (
            <Badge color="blue" variant="outline" ml={4}>
              {t('storage.services.frozen')}
            </Badge>
          )}
        </>
      ),
    },
    {
      id: 'heartbeat',
      header: header('heartbeat'),
      cell: (service) => formatDateTime(service.updated_at, i18n.language) || '—',
    },
    {
      id: 'disabledReason',
      header: header('disabledReason'),
      cell: (service) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {service.disabled_reason ?? '—'}
        </Text>
      ),
    },
    {
      id: 'actions',
      header: header('actions'),
      cell: (service) => <ActionMenu name={`${service.binary} ${service.host}`} actions={actionsOf(service)} />,
    },
  ];
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
        <SimpleTable
          labelledBy="storage-services"
          minWidth={900}
          rows={services.data}
          rowKey={(service) => `${service.binary}/${service.host}`}
          columns={columns}
        />
      )}
    </section>
  );
}
