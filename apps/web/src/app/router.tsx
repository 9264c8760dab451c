import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/session/login-page';
import { NotFoundPage } from './not-found-page';
import { PageLoader } from './page-loader';
import { RequireSession } from './require-session';
import { RouteError } from './route-error';

/** Pages load on demand, so the first screen downloads only what it shows. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireSession />,
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
