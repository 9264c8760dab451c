import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SessionView } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LANGUAGES } from '../../lib/i18n';
import { useLogout, useSwitchScope } from './api';

export interface UserMenuProps {
  session: SessionView;
  onShowShortcuts: () => void;
  /** Offer the language choice here (on a phone, where the header has no room for the picker). */
  withLanguage: boolean;
}

/**
 * The signed-in user, where they are working (project, region), the way to work elsewhere, the
 * keyboard shortcuts, and the way out; on a phone, the language too.
 */
export function UserMenu({ session, onShowShortcuts, withLanguage }: UserMenuProps) {
  const { t, i18n } = useTranslation();
  const logout = useLogout();
  const switchScope = useSwitchScope();
  const failed = (title: string) => (error: Error) =>
    notifications.show({ color: 'red', title, message: error.message });
  const signOut = () => logout.mutate(undefined, { onError: failed(t('app.signOutFailed')) });
  const otherProjects = session.projects.filter((p) => p.id !== session.project.id);
  const otherRegions = session.regions.filter((r) => r !== session.region);
  const scope = `${session.project.name}${session.regions.length > 1 && session.region ? ` · ${session.region}` : ''}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-label={t('app.userMenu', { user: session.user.name })}
          maw={{ base: 110, sm: 360 }}
        >
          <Text span inherit truncate="end">
            {session.user.name}
            <Text span inherit visibleFrom="sm">
              {' · '}
              {scope}
            </Text>
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs">{t('app.signedInAs', { user: `${session.user.name} (${session.user.domain})` })}</Text>
          <Text size="xs">{t('app.project', { project: session.project.name })}</Text>
          {session.region && <Text size="xs">{t('app.region', { region: session.region })}</Text>}
        </Menu.Label>
        {otherProjects.length > 0 && <Menu.Divider />}
        {otherProjects.map((project) => (
          <Menu.Item
            key={project.id}
            disabled={switchScope.isPending}
            onClick={() => switchScope.mutate({ projectId: project.id }, { onError: failed(t('app.switchFailed')) })}
          >
            {t('app.switchToProject', { project: project.name })}
          </Menu.Item>
        ))}
        {otherRegions.map((region) => (
          <Menu.Item
            key={region}
            disabled={switchScope.isPending}
            onClick={() => switchScope.mutate({ region }, { onError: failed(t('app.switchFailed')) })}
          >
            {t('app.switchToRegion', { region })}
          </Menu.Item>
        ))}
        {withLanguage && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('app.language')}</Menu.Label>
            <Menu.RadioGroup value={i18n.resolvedLanguage ?? 'en'} onChange={(code) => void i18n.changeLanguage(code)}>
              {LANGUAGES.map(({ code, label }) => (
                <Menu.RadioItem key={code} value={code} lang={code} closeMenuOnClick>
                  {label}
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
          </>
        )}
        <Menu.Divider />
        <Menu.Item component={Link} to="/application-credentials">
          {t('appCredentials.title')}
        </Menu.Item>
        <Menu.Item onClick={onShowShortcuts}>{t('app.keyboardShortcuts')}</Menu.Item>
        <Menu.Item onClick={signOut} disabled={logout.isPending}>
          {t('app.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
