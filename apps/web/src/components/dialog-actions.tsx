import type { ReactNode } from 'react';
import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A dialog's closing row: Cancel, then the one button that does the dialog's work. Without
 * `onConfirm` that button submits the dialog's form, so Enter in a field does the same.
 */
export function DialogActions({
  onCancel,
  label,
  onConfirm,
  pending = false,
  disabled = false,
  color,
  cancelFocused = false,
}: {
  onCancel: () => void;
  label: ReactNode;
  onConfirm?: () => void;
  /** The work is under way: the button spins and cannot be pressed twice. */
  pending?: boolean;
  disabled?: boolean;
  color?: MantineColor;
  /** Destructive confirmations open with Cancel focused, so a stray Enter changes nothing. */
  cancelFocused?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} data-autofocus={cancelFocused || undefined}>
        {t('actions.cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        color={color}
        loading={pending}
        disabled={disabled}
        onClick={onConfirm}
      >
        {label}
      </Button>
    </Group>
  );
}
