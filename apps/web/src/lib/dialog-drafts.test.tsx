import type { SessionView } from '@cinder-console/cinder';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, useCallback, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import {
  clearDialogDrafts,
  dialogClosed,
  DraftScope,
  forgetOtherUsersDrafts,
  keepOpenDialogDrafts,
  useDialogDraft,
  useOfferedDrafts,
  useRestorableDialog,
  withDraft,
  type DialogDraft,
} from './dialog-drafts';

const roots: Root[] = [];
afterEach(() => {
  act(() => roots.splice(0).forEach((root) => root.unmount()));
  dialogClosed('dialog-1');
  clearDialogDrafts();
});

function session(user: string, project: string): SessionView {
  return {
    user: { id: user, name: user, domain: 'Default' },
    project: { id: project, name: project },
    projects: [],
    roles: ['member'],
    authMethod: 'password',
    region: null,
    regions: [],
    expiresAt: '2026-12-05T00:00:00Z',
    idleExpiresAt: '2026-12-05T00:00:00Z',
    csrfToken: 'x',
    volumeApi: { major: 3, microversion: '3.70' },
  };
}

function render(user: string, project: string, ui: React.ReactNode): HTMLElement {
  const client = new QueryClient();
  client.setQueryData(['session'], session(user, project));
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>));
  return container;
}

/** A form as the dialogs have it: its values, and whether they differ from where it started. */
function TypedForm({ values }: { values: Record<string, unknown> }) {
  const read = useCallback(() => values, [values]);
  const dirty = useCallback(() => true, []);
  useDialogDraft({ kind: 'volume.create', title: 'Create volume' }, read, dirty);
  return <input aria-label="Name" />;
}

let offered: ReturnType<typeof useOfferedDrafts> | undefined;
const report = (offer: ReturnType<typeof useOfferedDrafts>) => {
  offered = offer;
};
function Offer({ onRestore }: { onRestore: (draft: DialogDraft) => void }) {
  useRestorableDialog('volume.create', onRestore);
  const offer = useOfferedDrafts();
  useEffect(() => report(offer));
  return null;
}

function typeInto(container: HTMLElement): void {
  act(() => {
    container.querySelector('input')!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

it('keeps what the user changed for that user and project, without secrets, and offers it back once', () => {
  const dialog = render(
    'demo',
    'p1',
    <DraftScope dialogId="dialog-1">
      <TypedForm values={{ name: 'typed', size: 3, authKey: 'k-123', password: 'pw' }} />
    </DraftScope>,
  );
  typeInto(dialog);
  keepOpenDialogDrafts();
  expect(sessionStorage.getItem('cinder-console.dialog-drafts')).not.toMatch(/k-123|pw/);

  const restored: DialogDraft[] = [];
  render('demo', 'p2', <Offer onRestore={(draft) => restored.push(draft)} />);
  expect(offered?.drafts).toEqual([]);
  act(() => roots.pop()!.unmount());

  render('demo', 'p1', <Offer onRestore={(draft) => restored.push(draft)} />);
  expect(offered?.drafts.map((draft) => draft.values)).toEqual([{ name: 'typed', size: 3 }]);
  act(() => offered!.restore(offered!.drafts[0]!));
  expect(restored.map((draft) => draft.title)).toEqual(['Create volume']);
  expect(offered?.drafts).toEqual([]);
});

it('keeps nothing from a dialog the user never changed, and drops a draft when another user signs in', () => {
  const untouched = render(
    'demo',
    'p1',
    <DraftScope dialogId="dialog-1">
      <TypedForm values={{ name: 'prefilled' }} />
    </DraftScope>,
  );
  keepOpenDialogDrafts();
  expect(sessionStorage.getItem('cinder-console.dialog-drafts')).toBeNull();

  typeInto(untouched);
  keepOpenDialogDrafts();
  forgetOtherUsersDrafts('demo');
  expect(sessionStorage.getItem('cinder-console.dialog-drafts')).toContain('prefilled');
  forgetOtherUsersDrafts('reader');
  expect(sessionStorage.getItem('cinder-console.dialog-drafts')).toBeNull();
});

it('lays a draft over a form only where the field exists and the shape matches', () => {
  const initial = { name: '', size: 1, metadata: [] as unknown[] };
  expect(withDraft(initial, { name: 'kept', size: 'lots', metadata: {}, extra: 1 })).toEqual({
    name: 'kept',
    size: 1,
    metadata: [],
  });
  expect(withDraft(initial, undefined)).toBe(initial);
});
