import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCloudAbilities } from '../../lib/capabilities';

/**
 * Whether an admin's group list shows every project (`all_tenants=1`), kept in the address
 * (`?all=1`) so a reload or a shared link keeps it. Always false for members.
 */
export function useAllProjects(): [boolean, (on: boolean) => void] {
  const admin = useCloudAbilities()?.admin === true;
  const [params, setParams] = useSearchParams();
  const on = admin && params.get('all') === '1';
  const set = (value: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('all', '1');
        else next.delete('all');
        return next;
      },
      { replace: true },
    );
  return [on, set];
}

/** The admin's "All projects" switch above a group list; nothing for members. */
export function AllProjectsSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  const admin = useCloudAbilities()?.admin === true;
  if (!admin) return null;
  return (
    <Switch
      label={t('repair.allProjects.toggle')}
      checked={on}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
