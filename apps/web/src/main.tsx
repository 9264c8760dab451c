import './lib/zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { Providers } from './app/providers';
import { router } from './app/router';
import { pageBootstrap } from './lib/bootstrap';
import { shareStyleNonce } from './lib/style-nonce';
import { settleTabCloud } from './lib/tab-cloud';

shareStyleNonce();

const bootstrap = pageBootstrap();
// A tab on another cloud than the page was served for reloads as its own cloud's page first.
void settleTabCloud(bootstrap?.cloud, bootstrap !== undefined).then((render) => {
  if (!render) return;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});
