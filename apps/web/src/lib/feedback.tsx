import { IconCheck, IconCopy } from '@tabler/icons-react';
import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ApiError } from './api-error';
import i18n from './i18n';

/** Mantine's close button of a toast has no accessible name of its own (axe: button-name). */
const closeButtonProps = () => ({ 'aria-label': i18n.t('actions.close') });

/** The outcome of an action, as a toast. */
export function notifyDone(title: string, message?: ReactNode): void {
  // Eight seconds: long enough to read a sentence and a name, short enough not to pile up.
  notifications.show({
    color: 'teal',
    title,
    message: message ?? '',
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
  });
}

function RequestId({ id, t }: { id: string; t: TFunction }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('errors.requestId', { id: '' })}
      </Text>
      <Code>{id}</Code>
      <CopyButton value={id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('actions.copied') : t('actions.copyRequestId')}>
            <ActionIcon size="xs" variant="subtle" onClick={copy} aria-label={t('actions.copyRequestId')}>
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * A failed action, in the cloud's own words with the request id to quote. Stays until dismissed:
 * the user may need to copy the id.
 */
export function notifyFailed(t: TFunction, title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  notifications.show({
    color: 'red',
    title,
    autoClose: false,
    closeButtonProps: closeButtonProps(),
    message: (
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {requestId && <RequestId id={requestId} t={t} />}
      </Stack>
    ),
  });
}
