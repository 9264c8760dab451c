import type { SessionView } from '@cinder-console/cinder';
import { useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from './query-keys';

/**
 * The signed-in session as the session query last loaded it. Pages render only inside
 * `RequireSession`, so it is there; a project switch resets every query and re-renders.
 */
export function useCurrentSession(): SessionView | undefined {
  return useQueryClient().getQueryData<SessionView | null>(SESSION_KEY) ?? undefined;
}
