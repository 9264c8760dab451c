import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One chunk of Vite's build manifest (`.vite/manifest.json`), as far as preloading needs it. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The signed-in shell and the sign-in page, lazy routes of their own (apps/web/src/app/routes.tsx). */
const SHELL = 'src/app/require-session.tsx';
const LOGIN = 'src/features/session/login-page.tsx';
const OVERVIEW = 'src/features/overview/overview-page.tsx';
/** English strings every page but the overview loads beside its code (apps/web/src/lib/i18n/en-later.ts). */
const LATER_STRINGS = 'src/lib/i18n/en-later.ts';

/**
 * The page module of an address, by the SPA's naming: `/<feature>` is
 * `src/features/<feature>/<feature>-page.tsx`, `/<feature>/<id>` its one `*-detail-page.tsx`, and
 * `/` redirects to the overview. An address that fits no module gets the shell alone.
 */
function pageModule(manifest: Manifest, pathname: string): string | undefined {
  const [feature, id, ...rest] = pathname.split('/').filter(Boolean);
  if (!feature) return OVERVIEW;
  if (rest.length || !/^[a-z-]+$/.test(feature)) return undefined;
  const folder = `src/features/${feature}/`;
  if (id === undefined) return `${folder}${feature}-page.tsx`;
  return Object.keys(manifest).find((key) => key.startsWith(folder) && key.endsWith('-detail-page.tsx'));
}

/** Every chunk the named modules import statically, transitively, with the modules themselves. */
function closure(manifest: Manifest, keys: string[]): ManifestChunk[] {
  const seen = new Map<string, ManifestChunk>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.set(key, chunk);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return [...seen.values()];
}

/**
 * `<link>`s that fetch the code of the page at `pathname` while the entry script still loads. The
 * page's code is a lazy import of the entry's, so without them the browser learns of it only once
 * the entry has run: one more round trip, and on a cold load the slowest. What `index.html`
 * already loads (the entry and its imports) is left out. `drawn`: the page comes drawn (the first
 * paint), so its styles are linked, not just fetched.
 */
export function routePreloads(
  manifest: Manifest,
  pathname: string,
  signedIn: boolean,
  { drawn = false }: { drawn?: boolean } = {},
): string {
  const entry = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const loaded = new Set(closure(manifest, entry).map((chunk) => chunk.file));
  const page = signedIn ? pageModule(manifest, pathname) : undefined;
  const pageModules = page ? [page, ...(page === OVERVIEW ? [] : [LATER_STRINGS])] : [];
  const modules = signedIn ? [SHELL, ...pageModules] : [LOGIN];
  const chunks = closure(manifest, modules).filter((chunk) => !loaded.has(chunk.file));
  const scripts = chunks.map((chunk) => `<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
  // A page drawn by the first paint needs its styles applied from the start; the app, finding
  // them linked, does not load them again.
  const styles = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].map((file) =>
    drawn
      ? `<link rel="stylesheet" crossorigin href="/${file}">`
      : `<link rel="preload" as="style" crossorigin href="/${file}">`,
  );
  return [...scripts, ...styles].join('');
}

/**
 * The build manifest in `staticDir`, read again when a build in place changes it; empty when the
 * build has none (then nothing is preloaded, which costs time, not correctness).
 */
export function buildManifest(staticDir: string): () => Manifest {
  const file = path.join(staticDir, '.vite', 'manifest.json');
  let mtime = -1;
  let manifest: Manifest = {};
  return () => {
    try {
      const current = statSync(file).mtimeMs;
      if (current !== mtime) {
        manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
        mtime = current;
      }
    } catch {
      // No manifest, or mid-build: keep what there was.
    }
    return manifest;
  };
}
