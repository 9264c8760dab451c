import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { openDialog } from '../../lib/open-dialog';
import type { AdminVolumeType } from './api';
import { DeleteTypeForm } from './dialogs/delete-type';
import { TypeForm } from './dialogs/type-form';

const allowed = { allowed: true, reason: undefined };

/** A type's actions, for its row and its detail page. */
export function useTypeActions(onDeleted?: () => void): (type: AdminVolumeType) => MenuAction[] {
  const { t } = useTranslation();
  return (type) => [
    {
      key: 'edit',
      label: t('volumeTypes.actions.edit'),
      gate: allowed,
      run: () =>
        openDialog(t('volumeTypes.form.editTitle', { name: type.name }), (close) => (
          <TypeForm type={type} close={close} />
        )),
    },
    {
      key: 'delete',
      label: t('volumeTypes.actions.delete'),
      gate: allowed,
      danger: true,
      run: () =>
        openDialog(t('volumeTypes.delete.title', { name: type.name }), (close) => (
          <DeleteTypeForm type={type} close={close} {...(onDeleted ? { onDeleted } : {})} />
        )),
    },
  ];
}
