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

/** Dialogs open now, and what waits for the last of them to close. */
const openIds = new Set<string>();
const waiting: Array<() => void> = [];

/** Whether a dialog is open: it may hold input the user has not submitted yet. */
export function isDialogOpen(): boolean {
  return openIds.size > 0;
}

/** Runs `task` once no dialog is open (at once when none is). */
export function whenNoDialogOpen(task: () => void): void {
  if (openIds.size === 0) task();
  else waiting.push(task);
}

function closed(id: string): void {
  openIds.delete(id);
  if (openIds.size === 0) for (const task of waiting.splice(0)) task();
}

/**
 * Opens a modal dialog whose content gets a `close` function. Mantine's modal traps focus, closes
 * on Escape and returns focus to the button that opened it.
 */
export function openDialog(title: string, content: (close: () => void) => ReactNode, size: string = 'md'): void {
  const id = `dialog-${crypto.randomUUID()}`;
  const close = () => modals.close(id);
  openIds.add(id);
  void modalsReady.then(() =>
    modals.open({
      modalId: id,
      title,
      size,
      closeButtonProps: { 'aria-label': i18n.t('actions.close') },
      onClose: () => closed(id),
      children: content(close),
    }),
  );
}
