import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import i18n from './i18n';

/**
 * Opens a modal dialog whose content gets a `close` function. Mantine's modal traps focus, closes
 * on Escape and returns focus to the button that opened it.
 */
export function openDialog(title: string, content: (close: () => void) => ReactNode, size: string = 'md'): void {
  const id = `dialog-${crypto.randomUUID()}`;
  const close = () => modals.close(id);
  modals.open({
    modalId: id,
    title,
    size,
    closeButtonProps: { 'aria-label': i18n.t('actions.close') },
    children: content(close),
  });
}
