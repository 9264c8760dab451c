import { BarChart } from '@mantine/charts';
import type { Pool } from '@cinder-console/cinder';
import { Button, Loader, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { SimpleTable, type SimpleColumn } from '../../components/simple-table';
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
  const header = (column: string) => t(`storage.pools.${column}`);
  const figure = (id: string, read: (c: Record<string, unknown>) => unknown): SimpleColumn<Pool> => ({
    id,
    header: header(id),
    cell: (pool) => shown(read(pool.capabilities ?? {})),
  });
  const columns: SimpleColumn<Pool>[] = [
    { id: 'name', header: header('name'), mono: true, cell: (pool) => pool.name },
    figure('protocol', (c) => c.storage_protocol),
    figure('total', (c) => c.total_capacity_gb),
    figure('free', (c) => c.free_capacity_gb),
    figure('provisioned', (c) => c.provisioned_capacity_gb ?? c.allocated_capacity_gb),
    figure('overSubscription', (c) => c.max_over_subscription_ratio),
    figure('reservedPercentage', (c) => c.reserved_percentage),
    {
      id: 'capabilities',
      header: header('capabilities'),
      cell: (pool) => {
        const host = backendOfPool(pool.name);
        return (
          <Button
            size="xs"
            variant="default"
            aria-label={t('storage.capabilities.open', { host })}
            onClick={() =>
              openDialog(t('storage.capabilities.title', { host }), () => <BackendCapabilities host={host} />, 'lg')
            }
          >
            {header('capabilities')}
          </Button>
        );
      },
    },
  ];
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
        <SimpleTable
          labelledBy="storage-pools"
          minWidth={900}
          rows={pools.data}
          rowKey={(pool) => pool.name}
          columns={columns}
        />
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
