import type { Volume } from '@cinder-console/cinder';
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fitsQuota, QuotaMeter } from '../../../components/quota-meter';
import { useCurrentSession } from '../../../lib/current-session';
import { projectQueries } from '../../project/api';

interface Demand {
  key: string;
  label: string;
  adding: number;
}

/**
 * What one snapshot of `volume` takes from the project's quotas. Cinder reserves a snapshot and
 * the volume's size in gigabytes, overall and for the volume's type (`snapshots_<type>`,
 * `gigabytes_<type>`); quotas the cloud does not report are left out.
 */
export function useSnapshotQuota(volume: Volume | undefined) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const quotas = useQuery({ ...projectQueries.quotas(session?.project.id ?? ''), enabled: Boolean(session) });
  const type = volume?.volume_type;
  const size = volume?.size ?? 0;
  const demands: Demand[] = [
    { key: 'snapshots', label: t('quota.names.snapshots'), adding: 1 },
    { key: 'gigabytes', label: t('quota.names.gigabytes'), adding: size },
    ...(type
      ? [
          { key: `snapshots_${type}`, label: t('quota.names.snapshotsOfType', { type }), adding: 1 },
          { key: `gigabytes_${type}`, label: t('quota.names.gigabytesOfType', { type }), adding: size },
        ]
      : []),
  ].filter((demand) => quotas.data?.[demand.key]);
  const exceeds = demands.some((demand) => !fitsQuota(quotas.data?.[demand.key], demand.adding));
  return { demands, usages: quotas.data ?? {}, exceeds };
}

/** The quota bars of a snapshot request, with a plain warning when it would not fit. */
export function SnapshotQuotaMeters({ quota }: { quota: ReturnType<typeof useSnapshotQuota> }) {
  const { t } = useTranslation();
  if (quota.demands.length === 0) return null;
  return (
    <Stack gap={6} aria-label={t('quota.title')} role="group">
      {quota.demands.map((demand) => (
        <QuotaMeter key={demand.key} label={demand.label} usage={quota.usages[demand.key]!} adding={demand.adding} />
      ))}
      {quota.exceeds && (
        <Text size="sm" c="red" role="alert">
          {t('snapshots.create.overQuota')}
        </Text>
      )}
    </Stack>
  );
}
