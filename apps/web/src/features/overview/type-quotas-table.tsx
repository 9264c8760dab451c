import type { QuotaUsage } from '@cinder-console/cinder';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isFull, type TypeQuotas } from './quota-figures';
import { describeUsage } from './quota-text';
import classes from './overview.module.css';

/** One per-type quota in a cell: "2 of 5", "2 (no limit)", or a dash when the cloud has none. */
function QuotaCell({ usage, gigabytes }: { usage: QuotaUsage | undefined; gigabytes: boolean }) {
  const { t, i18n } = useTranslation();
  if (!usage) return <Table.Td>—</Table.Td>;
  return (
    <Table.Td>
      <Text span size="sm" c={isFull(usage) ? 'red' : undefined} fw={isFull(usage) ? 600 : undefined}>
        {describeUsage(t, i18n, usage, gigabytes)}
      </Text>
    </Table.Td>
  );
}

/** The quotas each volume type has of its own, next to the project-wide ones. */
export function TypeQuotasTable({ types }: { types: TypeQuotas[] }) {
  const { t } = useTranslation();
  return (
    <div className={classes.tableScroller}>
      <Table striped highlightOnHover aria-label={t('overview.quota.byType')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('overview.quota.type')}</Table.Th>
            <Table.Th scope="col">{t('quota.names.volumes')}</Table.Th>
            <Table.Th scope="col">{t('quota.names.gigabytes')}</Table.Th>
            <Table.Th scope="col">{t('quota.names.snapshots')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((row) => (
            <Table.Tr key={row.type}>
              <Table.Th scope="row" fw={500}>
                {row.type}
              </Table.Th>
              <QuotaCell usage={row.volumes} gigabytes={false} />
              <QuotaCell usage={row.gigabytes} gigabytes />
              <QuotaCell usage={row.snapshots} gigabytes={false} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
