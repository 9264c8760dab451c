import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import i18n from './i18n';

/**
 * Mantine's modal manager loads after the first screen (app/providers.tsx); a dialog asked for
 * before it listens waits for it instead of being lost.
 */
let modalsListening: () => void = () => undefined;
const modalsReady = new Promise<void>((resolve) => {
  modalsListening = resolve;
});

/** Called once the modal manager is mounted and listens for `modals.open`. */
export function markModalsReady(): void {
  modalsListening();
}

/** Dialogs open now. */
const openIds = new Set<string>();

/** Whether a dialog is open: it may hold input the user has not submitted yet. */
export function isDialogOpen(): boolean {
  return openIds.size > 0;
}

function closed(id: string): void {
  openIds.delete(id);
}

/**
 * Closes every open dialog: when the session ends, a dialog would otherwise stay above the
 * sign-in page, its overlay blocking "Sign in" and hiding why the user is there.
 */
export function closeAllDialogs(): void {
  modals.closeAll();
  for (const id of [...openIds]) closed(id);
}

/**
 * Opens a modal dialog whose content gets a `close` function. Mantine's modal traps focus, closes
 * on Escape and returns focus to the button that opened it.
 */
export function openDialog(title: string, content: (close: () => void) => ReactNode, size: string = 'md'): void {
  const id = `dialog-${crypto.randomUUID()}`;
  const close = () => modals.close(id);
  openIds.add(id);
  void modalsReady.then(() => {
    // Closed (the session ended) before the manager was there to show it: it never opens.
    if (!openIds.has(id)) return;
    modals.open({
      modalId: id,
      title,
      size,
      closeButtonProps: { 'aria-label': i18n.t('actions.close') },
      onClose: () => closed(id),
      children: content(close),
    });
  });
}
