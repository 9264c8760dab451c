import { Button, Menu, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { SessionView } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { LANGUAGES } from '../../lib/i18n';
import { openCloud } from '../../lib/tab-cloud';
import { cloudQueries, useLogout, useSwitchScope } from '../../resources/session/api';

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
  const where = `${session.project.name}${session.regions.length > 1 && session.region ? ` · ${session.region}` : ''}`;
  const scope = session.cloud ? `${session.cloud.displayName} · ${where}` : where;
  // The other clouds are asked for when the menu first opens: most pages never need them.
  const [opened, setOpened] = useState(false);
  const clouds = useQuery({ ...cloudQueries.list(), enabled: opened && session.cloud !== undefined });
  const otherClouds = (clouds.data?.clouds ?? []).filter((cloud) => cloud.name !== session.cloud?.name);
  // The same page on the other cloud; a resource's own page would name one the other cloud has not.
  const { pathname } = useLocation();
  const samePage = `/${pathname.split('/')[1] ?? ''}`;
  const switchCloud = (name: string) =>
    openCloud(name, samePage).catch((error: Error) => failed(t('app.switchFailed'))(error));
  return (
    <Menu position="bottom-end" withinPortal onOpen={() => setOpened(true)}>
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
          {session.cloud && <Text size="xs">{t('app.cloud', { cloud: session.cloud.displayName })}</Text>}
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
        {otherClouds.length > 0 && <Menu.Divider />}
        {otherClouds.map((cloud) => (
          <Menu.Item key={cloud.name} onClick={() => void switchCloud(cloud.name)}>
            {t(cloud.signedIn ? 'app.switchToCloud' : 'app.switchToCloudSignIn', { cloud: cloud.displayName })}
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
