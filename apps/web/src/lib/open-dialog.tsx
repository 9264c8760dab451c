import { modals } from '@mantine/modals';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { dialogClosed, DraftScope, keepOpenDialogDrafts, useRestorableDialog, type DialogDraft } from './dialog-drafts';
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
  dialogClosed(id);
}

/**
 * Closes every open dialog: when the session ends, a dialog would otherwise stay above the
 * sign-in page, its overlay blocking "Sign in" and hiding why the user is there. What the user
 * typed into a restorable form is kept first, to be offered back after signing in (dialog-drafts).
 */
export function closeAllDialogs(): void {
  keepOpenDialogDrafts();
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
      children: <DraftScope dialogId={id}>{content(close)}</DraftScope>,
    });
  });
}

/** A form dialog's content, given the values kept from before a session ended when it is restored. */
type RestorableContent = (close: () => void, restored: Record<string, unknown> | undefined) => ReactNode;

/**
 * Opens a create or edit dialog whose unsaved input is offered back after a session ends under
 * it (lib/dialog-drafts.tsx): while the calling page is mounted, a kept draft of `kind` opens the
 * same dialog again with the kept values. The form inside calls `useDialogDraft` with that kind.
 */
export function useRestorableDialogOpener(
  kind: string,
  title: string,
  content: RestorableContent,
  size?: string,
): () => void {
  const latest = useRef({ title, content, size });
  useEffect(() => {
    latest.current = { title, content, size };
  });
  const reopen = useCallback((draft: DialogDraft) => {
    const { title: now, content: render, size: width } = latest.current;
    openDialog(now, (close) => render(close, draft.values), width);
  }, []);
  useRestorableDialog(kind, reopen);
  return () => openDialog(title, (close) => content(close, undefined), size);
}
