import { IconCheck, IconCopy } from '@tabler/icons-react';
import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An id in monospace with a button that copies it. */
export function CopyId({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <Text size="xs" c="dimmed" ff="monospace" truncate maw={120} title={id}>
        {id}
      </Text>
      <CopyButton value={id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('actions.copied') : t('actions.copyId')} withArrow>
            <ActionIcon
              size="xs"
              variant="subtle"
              color="gray"
              onClick={copy}
              aria-label={t('actions.copyIdOf', { id })}
            >
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
