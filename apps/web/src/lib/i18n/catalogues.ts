/**
 * The message catalogues, one JSON file per namespace and language under `locales/`, so each
 * feature's strings live in a file of their own. A namespace's file name is its top-level key:
 * `locales/en/volumes.json` holds every `volumes.*` message.
 */
type Catalogue = Record<string, unknown>;

function byNamespace(files: Record<string, { default: Catalogue }>): Catalogue {
  return Object.fromEntries(
    Object.entries(files).map(([file, module]) => [file.replace(/^.*\/(\w+)\.json$/, '$1'), module.default]),
  );
}

export const en = byNamespace(import.meta.glob('./locales/en/*.json', { eager: true }));
export const zhCN = byNamespace(import.meta.glob('./locales/zh-CN/*.json', { eager: true }));
