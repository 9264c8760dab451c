import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1} size="h2">
        {t('errors.notFoundTitle')}
      </Title>
      <Text>{t('errors.notFoundBody')}</Text>
      <Button component={Link} to="/volumes" variant="light">
        {t('errors.backHome')}
      </Button>
    </Stack>
  );
}
