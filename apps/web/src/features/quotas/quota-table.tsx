import type { QuotaUsage } from '@cinder-console/cinder';
import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { groupQuotas } from '../../resources/quotas/api';
import { quotaLabel } from './quota-label';

/** Every quota of a project with its usage: project-wide first, then grouped by volume type. */
export function QuotaTable({ label, quotas }: { label: string; quotas: Record<string, QuotaUsage> }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.resolvedLanguage);
  const limit = (value: number) => (value < 0 ? t('quotas.unlimited') : number(value));
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('quotas.columns.quota')}</Table.Th>
            <Table.Th scope="col">{t('quotas.columns.inUse')}</Table.Th>
            <Table.Th scope="col">{t('quotas.columns.reserved')}</Table.Th>
            <Table.Th scope="col">{t('quotas.columns.limit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groupQuotas(quotas).map((group) => (
            <Fragment key={group.type ?? ''}>
              <Table.Tr>
                <Table.Th scope="colgroup" colSpan={4} bg="var(--mantine-color-default-hover)">
                  {group.type === undefined ? t('quotas.projectWide') : t('quotas.ofType', { type: group.type })}
                </Table.Th>
              </Table.Tr>
              {group.rows.map(({ key, usage }) => {
                const full = usage.limit >= 0 && usage.in_use + (usage.reserved ?? 0) >= usage.limit;
                return (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={500}>
                      {quotaLabel(t, key)}
                    </Table.Th>
                    <Table.Td>{number(usage.in_use)}</Table.Td>
                    <Table.Td>{number(usage.reserved ?? 0)}</Table.Td>
                    <Table.Td>
                      <Text span size="sm" c={full ? 'red' : undefined} fw={full ? 600 : undefined}>
                        {limit(usage.limit)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
