/**
 * The message catalogues, one JSON file per namespace and language under `locales/`, so each
 * feature's strings live in a file of their own. A namespace's file name is its top-level key:
 * `locales/en/volumes.json` holds every `volumes.*` message.
 */
export type Catalogue = Record<string, unknown>;

export function byNamespace(files: Record<string, { default: Catalogue }>): Catalogue {
  return Object.fromEntries(
    Object.entries(files).map(([file, module]) => [file.replace(/^.*\/(\w+)\.json$/, '$1'), module.default]),
  );
}

/**
 * English, in the first download: every namespace but those of pages that load later
 * (`en-later.ts`). The glob patterns must name the same namespaces as `en-later.ts`.
 */
export const en = byNamespace(
  import.meta.glob(
    [
      './locales/en/*.json',
      '!./locales/en/{backups,groupSnapshots,groupTypes,groups,qos,quotas,repair,servers,snapshots,storage,volumeTypes,volumes}.json',
    ],
    {
      eager: true,
    },
  ),
);

/**
 * Catalogues other than English load when chosen: most visitors read English, and Simplified
 * Chinese would otherwise be part of every first page's download.
 */
export const laterEnglish = async (): Promise<Catalogue> => (await import('./en-later')).enLater;

export const lazyCatalogues: Record<string, () => Promise<Catalogue>> = {
  'zh-CN': async () => (await import('./zh-cn')).zhCN,
};
