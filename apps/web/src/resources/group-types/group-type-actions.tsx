import { GROUP_TYPE_RULE, type GroupType } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { openDialog } from '../../lib/open-dialog';
import { DeleteGroupTypeForm } from './dialogs/delete-group-type-form';
import { GroupSpecsForm } from './dialogs/group-specs-form';
import { GroupTypeForm } from './dialogs/group-type-form';

/** A group type's actions (admin, 3.11): edit, its specs, delete. */
export function useGroupTypeActions(): (type: GroupType) => MenuAction[] {
  const { t } = useTranslation();
  const gate = useActionGate()(GROUP_TYPE_RULE, '');
  return (type) => [
    {
      key: 'edit',
      label: t('groupTypes.actions.edit'),
      gate,
      run: () =>
        openDialog(t('groupTypes.form.editTitle', { name: type.name }), (close) => (
          <GroupTypeForm type={type} close={close} />
        )),
    },
    {
      key: 'specs',
      label: t('groupTypes.actions.specs'),
      gate,
      run: () =>
        openDialog(t('groupTypes.specs.editTitle', { name: type.name }), (close) => (
          <GroupSpecsForm type={type} close={close} />
        )),
    },
    {
      key: 'delete',
      label: t('groupTypes.actions.delete'),
      gate,
      danger: true,
      run: () =>
        openDialog(t('groupTypes.delete.title', { name: type.name }), (close) => (
          <DeleteGroupTypeForm type={type} close={close} />
        )),
    },
  ];
}
