import type { ActionRule, Volume } from '@cinder-console/cinder';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { displayName } from '../../lib/display-name';
import { openDialog } from '../../lib/open-dialog';

/**
 * An action on a volume that opens another kind's form for it ("Create snapshot", "Create
 * backup"): labelled and titled by `volumes.actions.<key>` and `volumes.dialogs.<key>`, gated by
 * `rule`. `force`: the form can force the action, so statuses allowed only with force count.
 */
export function useVolumeDialogAction(
  key: string,
  rule: ActionRule,
  Form: ComponentType<{ volume: Volume; close: () => void }>,
  options: { force?: boolean } = {},
): (volume: Volume) => MenuAction {
  const { t } = useTranslation();
  const gate = useActionGate();
  return (volume) => ({
    key,
    label: t(`volumes.actions.${key}`),
    gate: gate(rule, volume.status, options),
    run: () =>
      openDialog(t(`volumes.dialogs.${key}`, { name: displayName(volume) }), (close) => (
        <Form volume={volume} close={close} />
      )),
  });
}
