import { useCinderMutation, type CinderMutationOptions } from '../../lib/use-cinder-mutation';
import { adminKeyRoots } from '../../lib/query-keys';

/**
 * A change to volume types, QoS specs or defaults: toasts as every mutation does, then refetches
 * everything about types and QoS (the lists are small, and a change often shows in both).
 */
export function useTypeMutation<V, R>(options: Omit<CinderMutationOptions<V, R>, 'affects' | 'refreshes'>) {
  return useCinderMutation<V, R>({
    ...options,
    affects: [],
    refreshes: [adminKeyRoots.volumeTypes, adminKeyRoots.qosSpecs],
  });
}
