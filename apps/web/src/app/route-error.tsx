import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';
import { ErrorAlert } from '../components/error-alert';

/** The last line of defence: a page that failed to render or load says so instead of going blank. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Container py="xl">
      <ErrorAlert error={error} title={t('errors.unexpectedTitle')} onRetry={() => window.location.reload()} />
    </Container>
  );
}
