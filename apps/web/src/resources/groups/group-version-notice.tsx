import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloudAbilities } from '../../lib/capabilities';

/**
 * Shows its children only where the cloud serves the API (groups from 3.13, group snapshots from
 * 3.14, group types from 3.11); elsewhere it says which microversion the page needs.
 */
export function NeedsMicroversion({ minor, children }: { minor: number; children: ReactNode }) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  if (!abilities || abilities.minor >= minor) return children;
  return (
    <Alert color="orange" title={t('groups.needsVersion.title')}>
      {t('groups.needsVersion.body', { minor, current: abilities.volumeApi.microversion ?? '2' })}
    </Alert>
  );
}
