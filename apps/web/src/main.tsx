import './lib/zod-config';
import './app/mantine-styles';
import '@mantine/notifications/styles.css';
import './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { router } from './app/router';
import { hasFirstPaint, readyToTakeOver } from './app/take-over';
import { pageBootstrap } from './lib/bootstrap';
import { shareStyleNonce } from './lib/style-nonce';
import { settleTabCloud } from './lib/tab-cloud';
import { rememberTimeZone } from './lib/time-zone-cookie';

shareStyleNonce();
rememberTimeZone();

const bootstrap = pageBootstrap();
// A tab on another cloud than the page was served for reloads as its own cloud's page first.
void settleTabCloud(bootstrap?.cloud, bootstrap !== undefined).then(async (render) => {
  if (!render) return;
  const queryClient = createQueryClient();
  // The page came drawn with its rows: the app replaces that picture only once it can show as much.
  if (hasFirstPaint()) await readyToTakeOver(router, queryClient);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});
