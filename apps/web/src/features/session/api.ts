import { sessionViewSchema, type LoginRequest, type SessionView } from '@cinder-console/cinder';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid, setCsrfToken } from '../../lib/api-client';
import { ApiError } from '../../lib/api-error';
import { recordSessionEnd } from './session-end';

const SESSION_PATH = '/api/session';

/**
 * The current session, or `null` when signed out. A 401 is an answer here, not an error:
 * it is how the BFF says nobody is signed in.
 */
async function fetchSession(signal: AbortSignal): Promise<SessionView | null> {
  try {
    const session = await apiJson(SESSION_PATH, sessionViewSchema, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthenticated) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: sessionQueries.all(),
      queryFn: ({ signal }) => fetchSession(signal),
      staleTime: 60_000,
      retry: false,
    }),
};

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => apiJson(SESSION_PATH, sessionViewSchema, { method: 'POST', body: input }),
    onSuccess: (session) => {
      recordSessionEnd(undefined);
      setCsrfToken(session.csrfToken);
      // Data cached for a previous user or project must never show under the new session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      queryClient.setQueryData(sessionQueries.all(), session);
    },
  });
}

/** Signs out; the signed-in pages then send the user to a plain login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiVoid(SESSION_PATH, { method: 'DELETE' }),
    onSettled: () => {
      recordSessionEnd('signedOut');
      setCsrfToken(undefined);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      queryClient.setQueryData(sessionQueries.all(), null);
    },
  });
}

/**
 * Moves the session to another project or region. Everything cached belongs to the old place, so
 * it is reset and the pages on screen load the new place's data.
 */
export function useSwitchScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { projectId: string } | { region: string }) =>
      'projectId' in target
        ? apiJson(`${SESSION_PATH}/project`, sessionViewSchema, {
            method: 'PUT',
            body: { projectId: target.projectId },
          })
        : apiJson(`${SESSION_PATH}/region`, sessionViewSchema, { method: 'PUT', body: { region: target.region } }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueries.all(), session);
      // Reset, not remove: pages showing now must drop the old place's rows and load the new ones.
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}
