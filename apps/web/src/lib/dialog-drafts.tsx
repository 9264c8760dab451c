import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useCurrentSession } from './current-session';

/**
 * What a user typed into a create or edit dialog when the session ended under it, kept so it can
 * be offered back after signing in again. Kept in sessionStorage (this tab only, gone with it),
 * for one user and project: another user signing in here never sees it, and a sign-out drops it.
 */
export interface DialogDraft {
  /** Which kind of dialog: the page that opens it registers how (`useRestorableDialog`). */
  kind: string;
  /** What the dialog was about (a volume's id for an edit), for the page to open it again. */
  subject?: string | undefined;
  /** The dialog's title as the user saw it. */
  title: string;
  values: Record<string, unknown>;
}

/** The props of a form in a restorable dialog. */
export interface RestorableFormProps {
  /** What the user had typed before a session ended under this dialog, to start from. */
  restored?: Record<string, unknown> | undefined;
  close: () => void;
}

interface Owner {
  user: string;
  project: string;
}

interface Stored extends Owner {
  drafts: DialogDraft[];
}

const STORAGE_KEY = 'cinder-console.dialog-drafts';

/**
 * Fields never kept, whatever a form calls them: a password, a transfer's authorisation key or a
 * token must not sit in storage. Forms that ask for one are not restorable at all; this is the
 * second guard.
 */
const SECRET_FIELD = /pass(word|phrase)?$|secret|token|auth_?key|authkey/i;

function read(): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

let version = 0;
const listeners = new Set<() => void>();
function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function write(stored: Stored | undefined): void {
  try {
    if (stored && stored.drafts.length) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or refused (private mode): the draft is lost, as it was before this existed.
  }
  changed();
}

const withoutSecrets = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([field]) => !SECRET_FIELD.test(field)));

/** Drops every kept draft: on a deliberate sign-out, nothing typed may wait for the next user. */
export function clearDialogDrafts(): void {
  write(undefined);
}

/** Drafts of another user are dropped once someone else signs in in this tab. */
export function forgetOtherUsersDrafts(user: string): void {
  const stored = read();
  if (stored && stored.user !== user) write(undefined);
}

function keepDraft(owner: Owner, draft: DialogDraft): void {
  const stored = read();
  const mine = stored && stored.user === owner.user && stored.project === owner.project ? stored.drafts : [];
  const others = mine.filter((kept) => kept.kind !== draft.kind || kept.subject !== draft.subject);
  write({ ...owner, drafts: [...others, { ...draft, values: withoutSecrets(draft.values) }] });
}

/** Removes one draft of `owner`: restored or discarded. */
function dropDraft(owner: Owner, draft: DialogDraft): void {
  const stored = read();
  if (!stored || stored.user !== owner.user || stored.project !== owner.project) return;
  write({ ...stored, drafts: stored.drafts.filter((kept) => kept !== draft && !sameDraft(kept, draft)) });
}

const sameDraft = (a: DialogDraft, b: DialogDraft) => a.kind === b.kind && a.subject === b.subject;

/** What each open dialog would keep if the session ended now, by dialog id. */
type PendingDraft = () => { owner: Owner; draft: DialogDraft } | undefined;
const pending = new Map<string, PendingDraft>();
/** Dialogs the user typed or picked something in (not only what the form filled in itself). */
const edited = new Set<string>();

/** Keeps the input of every open dialog that the user changed; called as the session ends. */
export function keepOpenDialogDrafts(): void {
  for (const [id, take] of pending) {
    if (!edited.has(id)) continue;
    const taken = take();
    if (taken) keepDraft(taken.owner, taken.draft);
  }
}

const DialogIdContext = createContext<string | undefined>(undefined);

/**
 * Wraps a dialog's content: gives its form the dialog's id, and notes when the user changes a
 * field (an `input` or `change` event), as against the form filling in defaults by itself.
 */
export function DraftScope({ dialogId, children }: { dialogId: string; children: ReactNode }) {
  const mark = () => edited.add(dialogId);
  return (
    <DialogIdContext.Provider value={dialogId}>
      <div style={{ display: 'contents' }} onInputCapture={mark} onChangeCapture={mark}>
        {children}
      </div>
    </DialogIdContext.Provider>
  );
}

/** Forgets a closed dialog. */
export function dialogClosed(dialogId: string): void {
  pending.delete(dialogId);
  edited.delete(dialogId);
}

/**
 * Lets a form's input outlive the session: if the session ends while its dialog is open and the
 * user has changed something, `values()` is kept for this user and project. Forms that take a
 * secret (a transfer's key, a password) must not use it.
 */
export function useDialogDraft(
  describe: { kind: string; subject?: string; title: string },
  values: () => object,
  isDirty: () => boolean,
): void {
  const dialogId = useContext(DialogIdContext);
  const session = useCurrentSession();
  const user = session?.user.id;
  const project = session?.project.id;
  const { kind, subject, title } = describe;
  useEffect(() => {
    if (!dialogId || !user || !project) return undefined;
    pending.set(dialogId, () =>
      isDirty()
        ? {
            owner: { user, project },
            draft: { kind, subject, title, values: Object.fromEntries(Object.entries(values())) },
          }
        : undefined,
    );
    return () => {
      pending.delete(dialogId);
    };
  }, [dialogId, user, project, kind, subject, title, values, isDirty]);
}

/** How a page opens a restorable dialog again with the kept values. */
type Reopen = (draft: DialogDraft) => void;
const openers = new Map<string, Reopen>();

/** While mounted, the page can open dialogs of `kind` again: their kept drafts are offered here. */
export function useRestorableDialog(kind: string, reopen: Reopen): void {
  useEffect(() => {
    openers.set(kind, reopen);
    changed();
    return () => {
      if (openers.get(kind) === reopen) openers.delete(kind);
      changed();
    };
  }, [kind, reopen]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The current user's drafts in this project that the page on screen can open again, with what
 * restoring or discarding one does.
 */
export function useOfferedDrafts(): {
  drafts: DialogDraft[];
  restore: (draft: DialogDraft) => void;
  discard: (draft: DialogDraft) => void;
} {
  // Drawn on the server (the first paint) there is no storage, and so no draft to offer.
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  const session = useCurrentSession();
  const owner = session ? { user: session.user.id, project: session.project.id } : undefined;
  const stored = read();
  const drafts =
    owner && stored && stored.user === owner.user && stored.project === owner.project
      ? stored.drafts.filter((draft) => openers.has(draft.kind))
      : [];
  return {
    drafts,
    restore: (draft) => {
      if (owner) dropDraft(owner, draft);
      openers.get(draft.kind)?.(draft);
    },
    discard: (draft) => {
      if (owner) dropDraft(owner, draft);
    },
  };
}

/**
 * A form's initial values with a kept draft laid over them: only the form's own fields, and only
 * values of the same shape (storage is the user's to change; a form never gets what it cannot hold).
 */
export function withDraft<T extends object>(initial: T, restored: Record<string, unknown> | undefined): T {
  if (!restored) return initial;
  const merged = Object.fromEntries(Object.entries(initial));
  for (const [field, value] of Object.entries(initial)) {
    const kept = restored[field];
    const sameShape = Array.isArray(value) ? Array.isArray(kept) : typeof kept === typeof value || kept === '';
    if (field in restored && sameShape) merged[field] = kept;
  }
  return merged as T;
}
