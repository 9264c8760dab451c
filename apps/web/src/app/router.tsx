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
      { index: true, element: <Navigate to="/volumes" replace /> },
      { path: 'volumes', lazy: page(() => import('../features/volumes/volumes-page')) },
      { path: 'snapshots', lazy: page(() => import('../features/snapshots/snapshots-page')) },
      { path: 'backups', lazy: page(() => import('../features/backups/backups-page')) },
      { path: 'volume-types', lazy: page(() => import('../features/volume-types/volume-types-page')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
