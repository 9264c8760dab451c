import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { primeSession, sessionQueries } from '../resources/session/api';
import { capabilitiesQuery } from '../lib/capabilities';
import { pageBootstrap } from '../lib/bootstrap';
import { recordSessionEnd, SESSION_LOST_NOTICE } from '../resources/session/session-end';
import { ApiError } from '../lib/api-error';
import i18n from '../lib/i18n';
import { closeAllDialogs, isDialogOpen } from '../lib/open-dialog';

/**
 * One query client for the app. When any call finds the session gone (401), open dialogs close
 * (nothing in them was sent, and the notice says so) and the cached session is cleared, which
 * sends the user to a usable login page with a way back to where they were.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, query?: Query<unknown, unknown>) => {
    // A page loaded ahead of a click (link hover) that finds the session gone says nothing yet: the
    // page itself asks again when it opens, and the way back is then to that page, not this one.
    if (query?.meta?.prefetch && query.getObserversCount() === 0) return;
    if (error instanceof ApiError && error.isUnauthenticated && queryClient.getQueryData(sessionQueries.all())) {
      recordSessionEnd('lost');
      if (isDialogOpen()) {
        notifications.show({
          id: SESSION_LOST_NOTICE,
          color: 'yellow',
          autoClose: false,
          title: i18n.t('errors.sessionLostInDialogTitle'),
          message: i18n.t('errors.sessionLostInDialog'),
        });
        closeAllDialogs();
      }
      queryClient.setQueryData(sessionQueries.all(), null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not fix itself; retry only what may be passing (network, 5xx).
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
  primeFromPage(queryClient);
  return queryClient;
}

/**
 * The session and capabilities the page was served with go straight into the cache, so the first
 * screen renders, and its list loads, without a chain of calls before it.
 */
function primeFromPage(queryClient: QueryClient): void {
  const bootstrap = pageBootstrap();
  if (!bootstrap) return;
  primeSession(queryClient, bootstrap.session);
  if (bootstrap.capabilities) queryClient.setQueryData(capabilitiesQuery().queryKey, bootstrap.capabilities);
}
