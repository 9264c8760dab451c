import type { UserMessage } from '@cinder-console/cinder';
import { Alert, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';

/** Cinder's user messages about a resource: why an asynchronous operation failed. */
export function MessagesList({ messages }: { messages: UserMessage[] | undefined }) {
  const { t, i18n } = useTranslation();
  if (!messages || messages.length === 0) return <Text c="dimmed">{t('messages.none')}</Text>;
  return (
    <Stack gap="xs">
      {messages.map((message) => (
        <Alert key={message.id} color={message.message_level === 'ERROR' ? 'red' : 'blue'} title={message.event_id}>
          <Text size="sm">{message.user_message}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.created_at, i18n.resolvedLanguage ?? 'en')}
            {message.request_id && (
              <>
                {' · '}
                {t('errors.requestId', { id: '' })}
                <Code>{message.request_id}</Code>
              </>
            )}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
