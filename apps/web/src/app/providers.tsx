import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { markModalsReady } from '../lib/open-dialog';
import { styleNonce } from '../lib/style-nonce';
import { accessibleColors } from './accessible-colors';
import { createQueryClient } from './query-client';

const theme = createTheme({ primaryColor: 'orange', defaultRadius: 'sm' });

/**
 * The modal manager and the notification stack load beside the first screen, not before it: no
 * first page opens a dialog or shows a notice before they are there. `modals.open` and
 * `notifications.show` are small stores of their own, usable from the start (lib/open-dialog.ts
 * waits for the manager; notices shown early appear once the stack mounts).
 */
const Modals = lazy(async () => {
  const { ModalsProvider } = await import('@mantine/modals');
  return {
    default: function Modals() {
      // Runs after ModalsProvider's own effects, which subscribe to `modals.open`.
      useEffect(markModalsReady, []);
      return <ModalsProvider />;
    },
  };
});
const Notifications = lazy(async () => ({ default: (await import('@mantine/notifications')).Notifications }));

interface ProvidersProps {
  children: ReactNode;
  /** The app's query client; the page's own by default (the first paint brings one of its own). */
  queryClient?: QueryClient;
  /** The CSP nonce for the styles Mantine writes; the page's by default. */
  getStyleNonce?: () => string;
}

export function Providers({ children, queryClient: given, getStyleNonce = styleNonce }: ProvidersProps) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      {/* The colour scheme follows the system until chosen; Mantine remembers the choice in localStorage. */}
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        getStyleNonce={getStyleNonce}
        cssVariablesResolver={accessibleColors}
      >
        <Suspense fallback={null}>
          <Modals />
          <Notifications position="top-right" />
        </Suspense>
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
