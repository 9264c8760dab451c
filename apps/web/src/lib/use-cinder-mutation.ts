import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-error';
import { notifyDone, notifyFailed } from './feedback';
import { refreshAfterChange, type CinderKind } from './query-keys';

export interface CinderMutationOptions<V, R> {
  call: (variables: V) => Promise<R>;
  /** Toast titles, in the user's language. */
  done: (variables: V, result: R) => string;
  failed: (variables: V) => string;
  /** Kinds whose lists hold the result (`volumes`, `snapshots`): they refetch at once. */
  affects: readonly CinderKind[];
  /** Other query groups the change alters (`volumeTypeQueries.all()`): every query under them refetches. */
  refreshes?: readonly QueryKey[];
  onDone?: (result: R, variables: V) => void;
  /** After the failure's toast: a form puts the BFF's per-field issues on its fields here. */
  onFailed?: (error: Error, variables: V) => void;
}

/**
 * A call that changes something in the cloud, with the outcome shown as a toast: the cloud's own
 * message and request id when it fails. The BFF watches what the call started and pushes its
 * status changes, so only the lists need a refetch here (for the new or removed rows).
 */
export function useCinderMutation<V, R>(options: CinderMutationOptions<V, R>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.call,
    onSuccess: (result, variables) => {
      notifyDone(options.done(variables, result));
      refreshAfterChange(queryClient, options.affects);
      for (const queryKey of options.refreshes ?? []) void queryClient.invalidateQueries({ queryKey });
      options.onDone?.(result, variables);
    },
    onError: (error, variables) => {
      // A lost session is told once, by the sign-in page and its notice (app/query-client.ts), not
      // as this action's failure: nothing was done, and the dialog's input is kept.
      if (!(error instanceof ApiError && error.isUnauthenticated)) notifyFailed(t, options.failed(variables), error);
      options.onFailed?.(error, variables);
    },
  });
}
