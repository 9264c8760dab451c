import { useQueryClient } from '@tanstack/react-query';
import { useCinderMutation, type CinderMutationOptions } from '../../lib/use-cinder-mutation';

/**
 * A storage change with its toast. Services, pools and manageable lists are not followed by the
 * live relay, so everything under `storage` refetches once the call is through.
 */
export function useStorageMutation<V, R>(options: CinderMutationOptions<V, R>) {
  const queryClient = useQueryClient();
  return useCinderMutation({
    ...options,
    onDone: (result, variables) => {
      void queryClient.invalidateQueries({ queryKey: ['storage'] });
      options.onDone?.(result, variables);
    },
  });
}
