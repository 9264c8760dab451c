import { useCinderMutation, type CinderMutationOptions } from '../../lib/use-cinder-mutation';
import { storageQueries } from './api';

/**
 * A storage change with its toast. Services, pools and manageable lists are not followed by the
 * live relay, so everything about storage refetches once the call is through.
 */
export function useStorageMutation<V, R>(options: Omit<CinderMutationOptions<V, R>, 'refreshes'>) {
  return useCinderMutation({ ...options, refreshes: [storageQueries.all()] });
}
