import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A section the navigation already shows but this release does not serve yet; says so plainly. */
export function UpcomingPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert variant="light" color="gray">
        {t('upcoming.body')}
      </Alert>
    </Stack>
  );
}
