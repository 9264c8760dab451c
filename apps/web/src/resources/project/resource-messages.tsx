import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { MessagesList } from '../../components/messages-list';
import { useCloudAbilities } from '../../lib/capabilities';
import { projectQueries } from './api';

/**
 * Cinder's user messages about one resource (`GET /messages`, microversion 3.3). A cloud without
 * them (every v2-only cloud) is not asked: the section says why it stays empty.
 */
export function ResourceMessages({ id }: { id: string }) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const supported = abilities?.features.messages === true;
  const messages = useQuery({ ...projectQueries.messagesFor(id), enabled: supported });
  if (!abilities) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (!supported) {
    return (
      <Text c="dimmed">
        {abilities.volumeApi.major === 2 ? t('messages.unavailableOnV2') : t('messages.unavailable')}
      </Text>
    );
  }
  if (messages.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (messages.error) return <ErrorAlert error={messages.error} title={t('messages.loadFailed')} />;
  return <MessagesList messages={messages.data} />;
}
