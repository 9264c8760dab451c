import { byNamespace } from './catalogues';

/**
 * English strings that neither the sign-in page, the shell nor the overview shows (each resource's
 * pages and dialogs): a chunk of its own that loads beside the first other page's code
 * (app/routes.tsx), so the first route's download stays within budget (docs/benchmarks.md, Bundle).
 */
export const enLater = byNamespace(
  import.meta.glob(
    './locales/en/{backups,groupSnapshots,groupTypes,groups,qos,quotas,repair,servers,snapshots,storage,volumeTypes,volumes}.json',
    { eager: true },
  ),
);
