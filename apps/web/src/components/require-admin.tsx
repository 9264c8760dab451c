import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCloudAbilities } from '../lib/capabilities';

/**
 * Shows admin pages to admins only. Anyone else who follows a link or types the address gets a
 * plain "not allowed" page, never a page whose every call fails.
 */
export function RequireAdmin({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  if (!abilities) return <Loader aria-label={t('app.loading')} />;
  if (abilities.admin) return children;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="orange" title={t('admin.notAllowedTitle')} role="alert">
        {t('admin.notAllowedBody')}
      </Alert>
      <Anchor component={Link} to="/overview">
        {t('admin.backToOverview')}
      </Anchor>
    </Stack>
  );
}
