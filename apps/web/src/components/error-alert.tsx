import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-error';

/**
 * Shows what went wrong in the cloud's own words, with the request id an operator can look up
 * in the service logs. Announced to screen readers as an alert.
 */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: '' })}
          <Code>{requestId}</Code>
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
