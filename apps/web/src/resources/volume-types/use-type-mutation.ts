import { useQueryClient } from '@tanstack/react-query';
import { useCinderMutation, type CinderMutationOptions } from '../../lib/use-cinder-mutation';

/**
 * A change to volume types, QoS specs or defaults: toasts as every mutation does, then refetches
 * everything about types and QoS (the lists are small, and a change often shows in both).
 */
export function useTypeMutation<V, R>(options: Omit<CinderMutationOptions<V, R>, 'affects'>) {
  const queryClient = useQueryClient();
  return useCinderMutation<V, R>({
    ...options,
    affects: [],
    onDone: (result, variables) => {
      void queryClient.invalidateQueries({ queryKey: ['volume-types'] });
      void queryClient.invalidateQueries({ queryKey: ['qos-specs'] });
      options.onDone?.(result, variables);
    },
  });
}
