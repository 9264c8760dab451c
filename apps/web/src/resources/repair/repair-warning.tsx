import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The warning every repair dialog opens with, and the acknowledgement it needs before the button
 * does anything: these calls overrule Cinder's own checks.
 */
export function RepairWarning({
  message,
  acknowledged,
  onAcknowledge,
}: {
  message: string;
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="red" title={t('repair.warningTitle')}>
        <Text size="sm">{message}</Text>
      </Alert>
      <Checkbox
        label={t('repair.acknowledge')}
        checked={acknowledged}
        onChange={(event) => onAcknowledge(event.currentTarget.checked)}
      />
    </Stack>
  );
}
