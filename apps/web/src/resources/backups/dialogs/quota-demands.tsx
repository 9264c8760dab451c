import type { QuotaUsage } from '@cinder-console/cinder';
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fitsQuota, QuotaMeter } from '../../../components/quota-meter';
import { useCurrentSession } from '../../../lib/current-session';
import { projectQueries } from '../../project/api';

/** What a request would add to one quota (`backups`, `backup_gigabytes`, ...). */
export interface QuotaDemand {
  key: string;
  label: string;
  adding: number;
}

export interface QuotaCheck {
  /** The demands the cloud reports a quota for, with that quota. */
  rows: Array<QuotaDemand & { usage: QuotaUsage }>;
  /** The request would pass a limit: the dialog blocks it rather than let Cinder answer 413. */
  exceeds: boolean;
}

/** Checks demands against the project's quotas (live: quotas refresh with any change). */
export function useQuotaCheck(demands: readonly QuotaDemand[]): QuotaCheck {
  const session = useCurrentSession();
  const quotas = useQuery({ ...projectQueries.quotas(session?.project.id ?? ''), enabled: Boolean(session) });
  const rows = demands.flatMap((demand) => {
    const usage = quotas.data?.[demand.key];
    return usage ? [{ ...demand, usage }] : [];
  });
  return { rows, exceeds: rows.some((row) => !fitsQuota(row.usage, row.adding)) };
}

/** The meters of a quota check, and what to do when the request does not fit. */
export function QuotaDemands({ check, overMessage }: { check: QuotaCheck; overMessage: string }) {
  const { t } = useTranslation();
  if (check.rows.length === 0) return null;
  return (
    <Stack gap={6} role="group" aria-label={t('quota.title')}>
      {check.rows.map((row) => (
        <QuotaMeter key={row.key} label={row.label} usage={row.usage} adding={row.adding} />
      ))}
      {check.exceeds && (
        <Text size="sm" c="red" role="alert">
          {overMessage}
        </Text>
      )}
    </Stack>
  );
}
