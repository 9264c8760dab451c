import { SNAPSHOT_LIFECYCLE, type Snapshot } from '@cinder-console/cinder';
import { Button, Tooltip, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionGate } from '../../lib/action-gate';
import { openDialog } from '../../lib/open-dialog';
import { DeleteSnapshotsForm } from '../../resources/snapshots/dialogs/delete-snapshots-dialog';

/**
 * Deletes the selected snapshots that Cinder would delete now. Those it would refuse (still being
 * created, already deleting) are left out, and the tooltip says how many and why.
 */
export function BulkDeleteButton({ selected, onDeleted }: { selected: Snapshot[]; onDeleted: () => void }) {
  const { t } = useTranslation();
  const gateFor = useActionGate();
  const noteId = useId();
  if (selected.length === 0) return null;
  const gates = selected.map((snapshot) => gateFor(SNAPSHOT_LIFECYCLE.delete, snapshot.status));
  const deletable = selected.filter((_, index) => gates[index]!.allowed);
  const skipped = selected.length - deletable.length;
  const note =
    skipped > 0
      ? t('snapshots.delete.skipped', { count: skipped, reason: gates.find((g) => !g.allowed)?.reason })
      : undefined;
  const button = (
    <Button
      size="xs"
      color="red"
      variant="light"
      // Focusable even when nothing can be deleted, so keyboard users reach the explanation.
      data-disabled={deletable.length === 0 || undefined}
      aria-disabled={deletable.length === 0 || undefined}
      aria-describedby={note ? noteId : undefined}
      onClick={() => {
        if (deletable.length === 0) return;
        openDialog(t('snapshots.delete.title', { count: deletable.length }), (close) => (
          <DeleteSnapshotsForm snapshots={deletable} close={close} onDeleted={onDeleted} />
        ));
      }}
    >
      {t('snapshots.actions.deleteSelected', { count: deletable.length })}
    </Button>
  );
  if (!note) return button;
  return (
    <>
      <Tooltip label={note} events={{ hover: true, focus: true, touch: true }} withArrow multiline w={260}>
        {button}
      </Tooltip>
      <VisuallyHidden id={noteId}>{note}</VisuallyHidden>
    </>
  );
}
