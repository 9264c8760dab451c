import { useCinderMutation, type CinderMutationOptions } from '../../lib/use-cinder-mutation';
import { groupTypeQueries } from './api';

/** A change to group types: toasts as every mutation does, then refetches every group type list. */
export function useGroupTypeMutation<V, R>(options: Omit<CinderMutationOptions<V, R>, 'affects' | 'refreshes'>) {
  return useCinderMutation<V, R>({ ...options, affects: [], refreshes: [groupTypeQueries.all()] });
}
