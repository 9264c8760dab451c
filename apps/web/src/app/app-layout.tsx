import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SessionView } from '@cinder-console/cinder';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom';
import { LanguagePicker } from '../components/language-picker';
import { useLiveConnection } from '../lib/live-connection';
import { UserMenu } from '../features/session/user-menu';
import { applyLiveEvent } from './live-updates';
import { LiveIndicator } from './live-indicator';
import { PageLoader } from './page-loader';
import classes from './app-layout.module.css';

const NAV_ITEMS = [
  { to: '/volumes', labelKey: 'nav.volumes' },
  { to: '/snapshots', labelKey: 'nav.snapshots' },
  { to: '/backups', labelKey: 'nav.backups' },
  { to: '/volume-types', labelKey: 'nav.volumeTypes' },
] as const;

/** The signed-in frame: header with the user and language, navigation, and the page. */
export function AppLayout({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const queryClient = useQueryClient();
  const liveState = useLiveConnection(
    (event) => applyLiveEvent(queryClient, event),
    `${session.project.id} ${session.region ?? ''}`,
  );
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleNavigation')} />
            <Text fw={700} component="span">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm">
            <LiveIndicator state={liveState} />
            <LanguagePicker />
            <UserMenu session={session} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')}>
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={t(item.labelKey)}
            active={location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
