import { cinderKeys } from '../../lib/query-keys';
import { useCinderMutation } from '../../lib/use-cinder-mutation';
import type { RepairKind, ResetKind } from './api';

/**
 * A repair call with its toast. Resets are synchronous database writes the live relay does not
 * watch (the status they set is usually stable), so the kind's lists and details refetch at once.
 */
export function useRepairMutation<V>(options: {
  kind: RepairKind | ResetKind;
  call: (variables: V) => Promise<void>;
  done: (variables: V) => string;
  failed: (variables: V) => string;
  onDone: () => void;
}) {
  return useCinderMutation({
    call: options.call,
    done: options.done,
    failed: options.failed,
    affects: [options.kind],
    // Details too, not only the lists.
    refreshes: [cinderKeys(options.kind).all],
    onDone: options.onDone,
  });
}
