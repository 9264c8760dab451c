import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SessionView } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { useLogout } from './api';

/** The signed-in user, project and region, and the way out. */
export function UserMenu({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      onError: (error) => notifications.show({ color: 'red', title: t('app.signOutFailed'), message: error.message }),
    });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" aria-label={t('app.userMenu', { user: session.user.name })}>
          {session.user.name} · {session.project.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs">{t('app.signedInAs', { user: `${session.user.name} (${session.user.domain})` })}</Text>
          <Text size="xs">{t('app.project', { project: session.project.name })}</Text>
          {session.region && <Text size="xs">{t('app.region', { region: session.region })}</Text>}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item onClick={signOut} disabled={logout.isPending}>
          {t('app.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
