import { Navigate, type RouteObject } from 'react-router-dom';
import { loadLaterCatalogues } from '../lib/i18n';
import { NotFoundPage } from './not-found-page';
import { PageLoader } from './page-loader';
import { RouteError } from './route-error';
import { PAGES } from './route-modules';

/**
 * Pages load on demand, so the first screen downloads only what it shows. A page's strings that are
 * not in the first download (lib/i18n/en-later.ts) load beside its code; the overview, the page
 * after sign-in, needs none of them, so it never waits for them.
 */
const page =
  (load: () => Promise<{ default: React.ComponentType }>, { laterStrings = true } = {}) =>
  async () => {
    const [module] = await Promise.all([load(), laterStrings ? loadLaterCatalogues() : undefined]);
    return { Component: module.default };
  };

/**
 * The sign-in page and the signed-in shell load on demand too: a visitor who is signed out never
 * downloads the shell (menus, live updates), and one who is signed in never downloads the form
 * library of the sign-in page. The first route is lighter for both (docs/benchmarks.md, Bundle).
 */
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  page(async () => ({ default: (await load())[name] }), { laterStrings: false });

/** The console's routes: the browser's router (main.tsx) and the first paint (first-paint.tsx) share them. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: named(() => import('../features/session/login-page'), 'LoginPage'),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
  },
  {
    path: '/',
    lazy: named(() => import('./require-session'), 'RequireSession'),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', lazy: page(PAGES['overview'], { laterStrings: false }) },
      { path: 'volumes', lazy: page(PAGES['volumes']) },
      { path: 'volumes/:volumeId', lazy: page(PAGES['volumes/:volumeId']) },
      { path: 'snapshots', lazy: page(PAGES['snapshots']) },
      { path: 'snapshots/:snapshotId', lazy: page(PAGES['snapshots/:snapshotId']) },
      { path: 'backups', lazy: page(PAGES['backups']) },
      { path: 'backups/:backupId', lazy: page(PAGES['backups/:backupId']) },
      { path: 'volume-types', lazy: page(PAGES['volume-types']) },
      { path: 'volume-types/:typeId', lazy: page(PAGES['volume-types/:typeId']) },
      { path: 'qos', lazy: page(PAGES['qos']) },
      { path: 'quotas', lazy: page(PAGES['quotas']) },
      { path: 'audit', lazy: page(PAGES['audit']) },
      // Generic volume groups (#20).
      { path: 'groups', lazy: page(PAGES['groups']) },
      { path: 'groups/:groupId', lazy: page(PAGES['groups/:groupId']) },
      { path: 'group-snapshots', lazy: page(PAGES['group-snapshots']) },
      { path: 'group-snapshots/:groupSnapshotId', lazy: page(PAGES['group-snapshots/:groupSnapshotId']) },
      { path: 'group-types', lazy: page(PAGES['group-types']) },
      { path: 'storage', lazy: page(PAGES['storage']) },
      { path: 'application-credentials', lazy: page(PAGES['application-credentials']) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
