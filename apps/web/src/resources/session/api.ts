import {
  cloudListSchema,
  mfaChallengeSchema,
  sessionViewSchema,
  type LoginRequest,
  type SessionView,
} from '@cinder-console/cinder';
import { z } from 'zod';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid, setCsrfToken } from '../../lib/api-client';
import { ApiError } from '../../lib/api-error';
import { SESSION_KEY } from '../../lib/query-keys';
import { clearDialogDrafts, forgetOtherUsersDrafts } from '../../lib/dialog-drafts';
import { notifications } from '@mantine/notifications';
import { lastSessionEnd, recordSessionEnd, SESSION_LOST_NOTICE } from './session-end';

const SESSION_PATH = '/api/session';

/** Whether this page has seen a live session, so a later 401 means it was lost, not that there never was one. */
let seenSession = false;

/**
 * The current session, or `null` when signed out. A 401 is an answer here, not an error:
 * it is how the BFF says nobody is signed in. Reading the session does not count as activity
 * (the BFF says so), so polling it to show the time left does not keep an idle session alive.
 */
async function fetchSession(signal: AbortSignal): Promise<SessionView | null> {
  try {
    const session = await apiJson(SESSION_PATH, sessionViewSchema, { signal });
    setCsrfToken(session.csrfToken);
    seenSession = true;
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthenticated) {
      if (seenSession && lastSessionEnd() === undefined) recordSessionEnd('lost');
      seenSession = false;
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const sessionQueries = {
  all: () => SESSION_KEY,
  current: () =>
    queryOptions({
      queryKey: sessionQueries.all(),
      queryFn: ({ signal }) => fetchSession(signal),
      staleTime: 60_000,
      retry: false,
    }),
};

/**
 * Starts the session query from what the page was served with (its bootstrap) instead of asking:
 * a session, or null when nobody was signed in.
 */
export function primeSession(queryClient: QueryClient, session: SessionView | null): void {
  seenSession = session !== null;
  setCsrfToken(session?.csrfToken);
  queryClient.setQueryData(sessionQueries.all(), session);
}

/** A sign-in's answer: the session, or (202) the request for a passcode. */
const loginAnswerSchema = z.union([sessionViewSchema, mfaChallengeSchema]);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => apiJson(SESSION_PATH, loginAnswerSchema, { method: 'POST', body: input }),
    onSuccess: (session) => {
      if ('mfaRequired' in session) return;
      recordSessionEnd(undefined);
      forgetOtherUsersDrafts(session.user.id);
      notifications.hide(SESSION_LOST_NOTICE);
      seenSession = true;
      setCsrfToken(session.csrfToken);
      // Data cached for a previous user or project must never show under the new session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(sessionQueries.all(), session);
    },
  });
}

/**
 * Ends the session. After a plain sign-out (`signedOut`) the signed-in pages send the user to a
 * plain login page; to sign in again before the session runs out (`renewing`), the login page
 * leads back to the page the user was on.
 */
function useEndSession(reason: 'signedOut' | 'renewing') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiVoid(SESSION_PATH, { method: 'DELETE' }),
    onSettled: () => {
      recordSessionEnd(reason);
      // Nothing typed before a deliberate sign-out waits for whoever signs in next.
      if (reason === 'signedOut') clearDialogDrafts();
      seenSession = false;
      setCsrfToken(undefined);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(sessionQueries.all(), null);
    },
  });
}

export const useLogout = () => useEndSession('signedOut');
export const useRenewSession = () => useEndSession('renewing');

/**
 * Counts as activity for the BFF's idle limit (any request but reading the session does), so an
 * idle session gets its full idle time back; it cannot pass the token's own expiry. The newest
 * audit entry is the cheapest such request: the BFF answers it without calling the cloud.
 */
export async function keepSessionAlive(): Promise<void> {
  await apiVoid('/api/audit?limit=1');
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
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

const ssoChoicesSchema = z.object({ choices: z.array(z.object({ id: z.string(), label: z.string() })) });

/** The clouds the console offers, and which this browser is signed in to (several clouds only). */
export const cloudQueries = {
  list: () =>
    queryOptions({
      queryKey: ['clouds'] as const,
      queryFn: ({ signal }) => apiJson('/api/clouds', cloudListSchema, { signal }),
      staleTime: 30_000,
    }),
  /** The single sign-on choices of a cloud (Keystone WebSSO). */
  singleSignOn: (cloud: string | undefined) =>
    queryOptions({
      queryKey: ['websso', cloud] as const,
      queryFn: ({ signal }) => apiJson('/api/session/websso', ssoChoicesSchema, { signal }),
      staleTime: Infinity,
    }),
};
