import { BarChart } from '@mantine/charts';
import type { Pool } from '@cinder-console/cinder';
import { Button, Loader, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { openDialog } from '../../lib/open-dialog';
import { backendOfPool, storageQueries } from '../../resources/storage/api';
import { BackendCapabilities } from '../../resources/storage/dialogs/capabilities-dialog';

/** A capacity as a number of GiB; drivers may report `infinite` or `unknown`, which chart as nothing. */
const gib = (value: unknown) => {
  const number = typeof value === 'number' ? value : Number.parseFloat(String(value));
  return Number.isFinite(number) ? number : undefined;
};
const shown = (value: unknown) => (value === undefined || value === null ? '—' : String(value));

/** The pool's short name (after `#`), for the chart's axis. */
const poolLabel = (pool: Pool) => pool.capabilities?.pool_name ?? pool.name.split('#')[1] ?? pool.name;

/**
 * The scheduler's pools: capacity as a stacked bar per pool (provisioned, free, and reserved where
 * the pool keeps some back), with every figure in the table beside it for those who do not read charts.
 */
export function PoolsSection() {
  const { t } = useTranslation();
  const pools = useQuery(storageQueries.pools());
  const body = () => {
    if (pools.isPending) return <Loader aria-label={t('app.loading')} />;
    if (pools.error) return <ErrorAlert error={pools.error} title={t('storage.pools.loadFailed')} />;
    const data = pools.data.map((pool) => {
      const c = pool.capabilities ?? {};
      const total = gib(c.total_capacity_gb) ?? 0;
      const free = gib(c.free_capacity_gb) ?? 0;
      const reserved = Math.round((total * (gib(c.reserved_percentage) ?? 0)) / 100);
      return {
        pool: poolLabel(pool),
        used: Math.max(total - free, 0),
        free: Math.max(free - reserved, 0),
        reserved: Math.min(reserved, free),
      };
    });
    const summary = data
      .map((row) => t('storage.pools.chartRow', { pool: row.pool, used: row.used, free: row.free }))
      .join('; ');
    return (
      <>
        <div role="img" aria-label={t('storage.pools.chartLabel', { summary })}>
          <BarChart
            h={90 + 50 * data.length}
            data={data}
            dataKey="pool"
            orientation="vertical"
            type="stacked"
            valueFormatter={(value) => t('storage.pools.gib', { value })}
            withLegend
            yAxisProps={{ width: 120 }}
            series={[
              { name: 'used', label: t('storage.pools.used'), color: 'blue.6' },
              { name: 'reserved', label: t('storage.pools.reserved'), color: 'orange.5' },
              { name: 'free', label: t('storage.pools.free'), color: 'teal.5' },
            ]}
          />
        </div>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-labelledby="storage-pools" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('storage.pools.name')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.protocol')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.total')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.free')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.provisioned')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.overSubscription')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.reservedPercentage')}</Table.Th>
                <Table.Th scope="col">{t('storage.pools.capabilities')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pools.data.map((pool) => {
                const c = pool.capabilities ?? {};
                const host = backendOfPool(pool.name);
                return (
                  <Table.Tr key={pool.name}>
                    <Table.Td ff="monospace">{pool.name}</Table.Td>
                    <Table.Td>{shown(c.storage_protocol)}</Table.Td>
                    <Table.Td>{shown(c.total_capacity_gb)}</Table.Td>
                    <Table.Td>{shown(c.free_capacity_gb)}</Table.Td>
                    <Table.Td>{shown(c.provisioned_capacity_gb ?? c.allocated_capacity_gb)}</Table.Td>
                    <Table.Td>{shown(c.max_over_subscription_ratio)}</Table.Td>
                    <Table.Td>{shown(c.reserved_percentage)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('storage.capabilities.open', { host })}
                        onClick={() =>
                          openDialog(
                            t('storage.capabilities.title', { host }),
                            () => <BackendCapabilities host={host} />,
                            'lg',
                          )
                        }
                      >
                        {t('storage.pools.capabilities')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </>
    );
  };
  return (
    <section aria-labelledby="storage-pools">
      <Title order={2} size="h3" id="storage-pools" mb="xs">
        {t('storage.pools.title')}
      </Title>
      {body()}
    </section>
  );
}
