import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The signed-in shell and the page `/` leads to: every signed-in first load needs both. */
const FIRST_SCREEN = ['/src/app/require-session.tsx', '/src/features/overview/overview-page.tsx'];
/** Where the app mounts the modal manager and notification stack, lazily, beside the first screen. */
const PROVIDERS = '/src/app/providers.tsx';
/** The sign-in page: a signed-out visitor loads it and what it shares with the first screen only. */
const SIGN_IN = '/src/features/session/login-page.tsx';

interface Graph {
  imports: Map<string, string[]>;
  entries: string[];
  lazyRoots: string[];
}

function closure(graph: Graph, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.imports.get(id) ?? []));
  }
  return seen;
}

/**
 * Right-sized chunks (issue #16). Left to itself the bundler gives every set of modules that the
 * same lazy modules share a chunk of its own: a cold load of the volumes page made 54 requests.
 * Here:
 * - `boot`: what the entry needs (besides React and zod, chunks of their own), one chunk;
 * - `common`: what the sign-in page and the signed-in first screen both need;
 * - `shell`: the rest of what the signed-in shell and the overview need;
 * - `extras`: what the first screen loads lazily beside itself (menus, dialogs manager, notices);
 * - `forms`: what the sign-in form shares with the pages' forms;
 * - `shared`: whatever two or more lazy pages need beyond those, loaded by the first that does;
 * - a page's own code stays in the page's chunk, and the sign-in page's in its own.
 * Nothing is duplicated between chunks: a module with state (a React context, a store) must exist
 * once. The graph is read once the build has loaded every module.
 */
export function routeChunks(): { plugin: Plugin; groupOf: (id: string) => string | null } {
  let groups: Map<string, string> | undefined;
  const plugin: Plugin = {
    name: 'cinder-console:route-chunks',
    apply: 'build',
    buildEnd() {
      const graph: Graph = { imports: new Map(), entries: [], lazyRoots: [] };
      const lazyImports = new Map<string, string[]>();
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (!info) continue;
        graph.imports.set(id, [...info.importedIds]);
        lazyImports.set(id, [...info.dynamicallyImportedIds]);
        if (info.isEntry) graph.entries.push(id);
      }
      const lazy = new Set([...lazyImports.values()].flat());
      graph.lazyRoots = [...lazy];
      const rootsEndingWith = (paths: string[]) => graph.lazyRoots.filter((id) => paths.some((p) => id.endsWith(p)));
      const entry = closure(graph, graph.entries);
      const signIn = closure(graph, rootsEndingWith([SIGN_IN]));
      const firstScreen = closure(graph, rootsEndingWith(FIRST_SCREEN));
      // What the first screen's own modules and the providers load lazily; not, say, the Chinese
      // catalogue, which a module of the entry loads only for those who choose it.
      const besideFirstScreen = [...firstScreen, ...entry].filter((id) => !entry.has(id) || id.endsWith(PROVIDERS));
      const extrasRoots = besideFirstScreen
        .flatMap((id) => lazyImports.get(id) ?? [])
        .filter((id) => !FIRST_SCREEN.some((p) => id.endsWith(p)));
      groups = new Map();
      // The entry's modules all load at once anyway: one chunk, not one per set of lazy users.
      // (index.html and the script it names stay the entry chunk itself).
      const entryScripts = new Set(graph.entries.flatMap((id) => [id, ...(graph.imports.get(id) ?? [])]));
      for (const id of entry) if (!entryScripts.has(id)) groups.set(id, 'boot');
      const assign = (ids: Iterable<string>, name: string, keepRoots = true) => {
        for (const id of ids) {
          if (groups!.has(id) || (keepRoots && lazy.has(id))) continue;
          groups!.set(id, name);
        }
      };
      assign(
        [...firstScreen].filter((id) => signIn.has(id)),
        'common',
      );
      assign(firstScreen, 'shell');
      assign(
        [...closure(graph, extrasRoots)].filter((id) => !signIn.has(id)),
        'extras',
        false,
      );
      const reachedBy = new Map<string, number>();
      for (const root of graph.lazyRoots) {
        for (const id of closure(graph, [root])) reachedBy.set(id, (reachedBy.get(id) ?? 0) + 1);
      }
      const sharedByPages = [...reachedBy].filter(([, count]) => count >= 2).map(([id]) => id);
      // What the sign-in form shares with the pages' forms (inputs, the form library).
      assign(
        sharedByPages.filter((id) => signIn.has(id)),
        'forms',
      );
      assign(sharedByPages, 'shared');
    },
  };
  return { plugin, groupOf: (id) => groups?.get(id) ?? null };
}

/** `import { A, b as B } from "./file.mjs"` and `export { A, B as C }` lines of a barrel file. */
const IMPORT_LINE = /^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";?$/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?$/gm;
/** Mantine's packages, each an index that imports every part of it. */
const BARRELS = ['@mantine/core', '@mantine/hooks', '@mantine/modals', '@mantine/notifications'];
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["'](@mantine\/(?:core|hooks|modals|notifications))["'];?/g;

/** `a as b` → [a, b]; `a` → [a, a]. */
const aliasOf = (part: string): [string, string] => {
  const [name, alias] = part.trim().split(/\s+as\s+/);
  return [name!, alias ?? name!];
};
const parts = (list: string) => list.split(',').filter((part) => part.trim());

/** For each name a Mantine package's index exports, the file that defines it and its name there. */
function barrelMap(barrelFile: string, code: string): Map<string, { file: string; name: string }> {
  const locals = new Map<string, { file: string; name: string }>();
  for (const [, names, from] of code.matchAll(IMPORT_LINE)) {
    // Relative files by their path; packages the index re-exports (react-remove-scroll) by name.
    const file = from!.startsWith('.') ? path.resolve(path.dirname(barrelFile), from!) : from!;
    for (const part of parts(names!)) {
      const [name, local] = aliasOf(part);
      locals.set(local, { file, name });
    }
  }
  const exported = new Map<string, { file: string; name: string }>();
  for (const [, names] of code.matchAll(EXPORT_LIST)) {
    for (const part of parts(names!)) {
      const [local, name] = aliasOf(part);
      const source = locals.get(local);
      if (source) exported.set(name, source);
    }
  }
  return exported;
}

/**
 * Imports each Mantine component, hook or API from its own file instead of its package's index
 * (the "lighter Mantine imports"). Through an index, a module that imports one component
 * reaches all of them, so the bundler cannot tell what a chunk really needs: floating-ui and
 * components only lazy pages use ended up in the first page's chunks, and `notifications.show`
 * brought the whole notifications UI. Nothing else changes: the files are the ones the index
 * itself imports, so each module still exists once.
 */
export function directMantineImports(): Plugin {
  const barrels = new Map<string, Map<string, { file: string; name: string }>>();
  return {
    name: 'cinder-console:direct-mantine-imports',
    apply: 'build',
    async transform(code, id) {
      if (!code.includes('@mantine/') || BARRELS.some((name) => id.includes(`/${name}/esm/index.mjs`))) return null;
      const wanted = [...new Set([...code.matchAll(NAMED_IMPORT)].map((match) => match[2]!))];
      for (const name of wanted) {
        if (barrels.has(name)) continue;
        const resolved = await this.resolve(name, id);
        if (resolved) barrels.set(name, barrelMap(resolved.id, readFileSync(resolved.id, 'utf8')));
      }
      let changed = false;
      const rewritten = code.replace(NAMED_IMPORT, (whole, list: string, from: string) => {
        const names = barrels.get(from);
        const imports = parts(list).map(aliasOf);
        if (!names || imports.some(([name]) => !names.has(name))) return whole;
        changed = true;
        return imports
          .map(([name, local]) => {
            const source = names.get(name)!;
            return `import { ${source.name} as ${local} } from ${JSON.stringify(source.file)};`;
          })
          .join('\n');
      });
      return changed ? { code: rewritten, map: null } : null;
    },
  };
}
