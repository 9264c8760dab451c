import type { Volume } from '@cinder-console/cinder';
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QuotaMeter } from '../../../components/quota-meter';
import { useCloudAbilities } from '../../../lib/capabilities';
import { volumeQueries } from '../../volumes/api';

/**
 * Where the cloud keeps at most so many snapshots per volume (Huawei EVS: 7), how many `volume`
 * has, as a meter beside the project's quotas. The limit is known from the vendor, not told by the
 * cloud, so a request at the limit is still sent: the cloud's own refusal is what the user sees.
 */
export function SnapshotsPerVolumeMeter({ volume }: { volume: Volume | undefined }) {
  const { t } = useTranslation();
  const limit = useCloudAbilities()?.features.snapshotsPerVolume ?? null;
  const snapshots = useQuery({
    ...volumeQueries.snapshotsOf(volume?.id ?? ''),
    enabled: limit !== null && volume !== undefined,
  });
  if (limit === null || !volume || !snapshots.data) return null;
  const count = snapshots.data.items.length;
  return (
    <Stack gap={6}>
      <QuotaMeter label={t('snapshots.create.perVolume')} usage={{ limit, in_use: count }} adding={1} />
      {count >= limit && (
        <Text size="sm" c="orange.8" role="note">
          {t('snapshots.create.perVolumeReached', { limit })}
        </Text>
      )}
    </Stack>
  );
}
