import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { SessionView } from '@cinder-console/cinder';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom';
import { LanguagePicker, ThemeToggle } from '../components/lazy-controls';
import { useLiveConnection } from '../lib/live-connection';
import { ExpiryWarning } from '../features/session/expiry-warning';
import { CloudOutageBanner } from './cloud-outage-banner';
import { DraftOffer } from './draft-offer';
import { applyLiveEvent } from './live-updates';
import { watchFailures } from './failure-watch';
import { LiveIndicator } from './live-indicator';
import { PageLoader } from './page-loader';
import { prefetchRoute } from './route-modules';
import { useCloudAbilities } from '../lib/capabilities';
import { useShortcuts } from './use-shortcuts';
import classes from './app-layout.module.css';

/**
 * The account menu and the shortcuts dialog load beside the page, not before it, like the theme and
 * language controls (components/lazy-controls.tsx): the page's rows need none of them.
 */
const UserMenu = lazy(async () => ({ default: (await import('../features/session/user-menu')).UserMenu }));
const ShortcutsDialog = lazy(async () => ({
  default: (await import('../components/shortcuts-dialog')).ShortcutsDialog,
}));

/** Below Mantine's `sm` breakpoint: the navigation folds behind the burger, the header has less room. */
const NARROW = '(max-width: 47.99em)';

/** `adminOnly` pages manage the whole cloud; members see quotas and the audit trail of their project. */
const NAV_ITEMS: ReadonlyArray<{ to: string; labelKey: string; adminOnly?: boolean }> = [
  { to: '/overview', labelKey: 'nav.overview' },
  { to: '/volumes', labelKey: 'nav.volumes' },
  { to: '/snapshots', labelKey: 'nav.snapshots' },
  { to: '/backups', labelKey: 'nav.backups' },
  // Generic volume groups (#20).
  { to: '/groups', labelKey: 'nav.groups' },
  { to: '/group-snapshots', labelKey: 'nav.groupSnapshots' },
  { to: '/group-types', labelKey: 'nav.groupTypes', adminOnly: true },
  { to: '/volume-types', labelKey: 'nav.volumeTypes', adminOnly: true },
  { to: '/qos', labelKey: 'nav.qos', adminOnly: true },
  { to: '/storage', labelKey: 'nav.storage', adminOnly: true },
  { to: '/quotas', labelKey: 'nav.quotas' },
  { to: '/audit', labelKey: 'nav.audit' },
];

/**
 * The signed-in frame: header with the live state, colour scheme, language and account, the
 * navigation, the session expiry warning, and the page. On a phone the navigation folds behind
 * the burger and the language moves into the account menu so the header fits.
 */
export function AppLayout({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const narrow = useMediaQuery(NARROW) ?? false;
  const [helpOpened, help] = useDisclosure();
  // Mounted from the first opening on, so closing it animates and gives focus back.
  const [helpUsed, setHelpUsed] = useState(false);
  if (helpOpened && !helpUsed) setHelpUsed(true);
  const shortcuts = useShortcuts(help.open);
  const location = useLocation();
  const queryClient = useQueryClient();
  const abilities = useCloudAbilities();
  const [cinderProblem, setCinderProblem] = useState<string>();
  // Failures are told however they are learnt: a live event, or a fetch that read them first.
  useEffect(() => watchFailures(queryClient), [queryClient]);
  const liveState = useLiveConnection(
    (event) => applyLiveEvent(queryClient, event),
    `${session.project.id} ${session.region ?? ''}`,
    (problem) => {
      setCinderProblem(problem);
      // Cinder is back: whatever failed to load meanwhile loads now, without a click.
      if (problem === undefined) void queryClient.invalidateQueries();
    },
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
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleNavigation')} />
            <Text fw={700} component="span" className={classes.appName}>
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LiveIndicator state={liveState} />
            <Suspense fallback={null}>
              <ThemeToggle />
              <Group visibleFrom="sm">
                <LanguagePicker />
              </Group>
              <UserMenu session={session} onShowShortcuts={help.open} withLanguage={narrow} />
            </Suspense>
          </Group>
        </Group>
      </AppShell.Header>
      {/* Folded away, the navigation is only moved off screen: inert keeps Tab and screen readers out of it. */}
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')} inert={narrow && !opened}>
        {NAV_ITEMS.filter((item) => !item.adminOnly || abilities?.admin).map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={t(item.labelKey)}
            active={location.pathname.startsWith(item.to)}
            onClick={close}
            onMouseEnter={() => prefetchRoute(item.to, queryClient)}
            onFocus={() => prefetchRoute(item.to, queryClient)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <ExpiryWarning />
        <CloudOutageBanner problem={cinderProblem} />
        <DraftOffer />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {helpUsed && (
        <Suspense fallback={null}>
          <ShortcutsDialog opened={helpOpened} onClose={help.close} shortcuts={shortcuts} />
        </Suspense>
      )}
    </AppShell>
  );
}
