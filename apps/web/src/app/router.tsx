import { createBrowserRouter, Navigate } from 'react-router-dom';
import { NotFoundPage } from './not-found-page';
import { PageLoader } from './page-loader';
import { RouteError } from './route-error';

/** Pages load on demand, so the first screen downloads only what it shows. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

/**
 * The sign-in page and the signed-in shell load on demand too: a visitor who is signed out never
 * downloads the shell (menus, live updates), and one who is signed in never downloads the form
 * library of the sign-in page. The first route is lighter for both (docs/benchmarks.md, Bundle).
 */
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  page(async () => ({ default: (await load())[name] }));

export const router = createBrowserRouter([
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
      { path: 'overview', lazy: page(() => import('../features/overview/overview-page')) },
      { path: 'volumes', lazy: page(() => import('../features/volumes/volumes-page')) },
      { path: 'volumes/:volumeId', lazy: page(() => import('../features/volumes/volume-detail-page')) },
      { path: 'snapshots', lazy: page(() => import('../features/snapshots/snapshots-page')) },
      { path: 'snapshots/:snapshotId', lazy: page(() => import('../features/snapshots/snapshot-detail-page')) },
      { path: 'backups', lazy: page(() => import('../features/backups/backups-page')) },
      { path: 'backups/:backupId', lazy: page(() => import('../features/backups/backup-detail-page')) },
      { path: 'volume-types', lazy: page(() => import('../features/volume-types/volume-types-page')) },
      { path: 'volume-types/:typeId', lazy: page(() => import('../features/volume-types/volume-type-detail-page')) },
      { path: 'qos', lazy: page(() => import('../features/qos/qos-page')) },
      { path: 'quotas', lazy: page(() => import('../features/quotas/quotas-page')) },
      { path: 'audit', lazy: page(() => import('../features/audit/audit-page')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
