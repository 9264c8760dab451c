// The SPA's bundle budget (issue #8): what each route downloads, from Vite's build manifest.
// Pure functions over a manifest and the files' gzip sizes, so the rule is unit-tested apart from
// the build (scripts/bundle-budget.test.ts) and shared by `scripts/check-bundle.mjs` and `bench/`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes of gzip (kB = 1000 bytes, the stricter reading of "KB"). */
export const BUDGETS = {
  /** JavaScript of the heaviest landing route: the entry, its modulepreloads and the route's page. */
  initialRouteJs: 250_000,
  /** Every JavaScript and CSS file of the build. */
  wholeApp: 700_000,
};

/** The signed-in shell, a lazy route of its own (apps/web/src/app/router.tsx). */
const SHELL = 'src/app/require-session.tsx';

/**
 * Routes a visitor lands on first, with the lazy modules each loads besides the entry: the sign-in
 * page, and the overview, where `/` redirects after sign-in. The volumes page, the one opened
 * most, is measured and reported but not budgeted (see docs/benchmarks.md).
 */
export const LANDING_ROUTES = {
  '/login': ['src/features/session/login-page.tsx'],
  '/overview': [SHELL, 'src/features/overview/overview-page.tsx'],
  '/volumes': [SHELL, 'src/features/volumes/volumes-page.tsx'],
};

/** Routes whose JavaScript the initial-route budget applies to. */
export const BUDGETED_ROUTES = ['/login', '/overview'];

/** The gzip size of a file, as a server with default compression sends it. */
export function gzipBytes(file) {
  return gzipSync(readFileSync(file)).length;
}

/**
 * Files a route needs before it can render: the manifest entries named, and every chunk they
 * import statically, transitively (what index.html modulepreloads, or a lazy route's import pulls in).
 */
export function staticClosure(manifest, keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no entry for ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen].map((key) => manifest[key].file);
}

/** The manifest key of the HTML entry. */
export function entryKey(manifest) {
  const keys = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  if (keys.length !== 1) throw new Error(`Expected one entry in the build manifest, found ${keys.length}`);
  return keys[0];
}

/**
 * Sizes of a build in `outDir` (built with `build.manifest: true`): JS per landing route and the
 * whole app. `sizeOf(file)` gives a file's gzip bytes (injected so tests need no files).
 */
export function measureBundle(manifest, sizeOf) {
  const entry = entryKey(manifest);
  const routes = Object.fromEntries(
    Object.entries(LANDING_ROUTES).map(([route, pages]) => {
      const files = staticClosure(manifest, [entry, ...pages]).filter((file) => file.endsWith('.js'));
      return [route, { files, gzip: files.reduce((sum, file) => sum + sizeOf(file), 0) }];
    }),
  );
  const all = new Set();
  for (const chunk of Object.values(manifest)) {
    all.add(chunk.file);
    for (const css of chunk.css ?? []) all.add(css);
  }
  const assets = [...all].filter((file) => /\.(js|css)$/.test(file));
  const wholeApp = assets.reduce((sum, file) => sum + sizeOf(file), 0);
  const wholeAppJs = assets.filter((f) => f.endsWith('.js')).reduce((sum, file) => sum + sizeOf(file), 0);
  const heaviest = Object.entries(routes)
    .filter(([route]) => BUDGETED_ROUTES.includes(route))
    .reduce((a, b) => (b[1].gzip > a[1].gzip ? b : a));
  return { routes, heaviestRoute: heaviest[0], initialRouteJs: heaviest[1].gzip, wholeApp, wholeAppJs };
}

/** Measures a build directory on disk. */
export function measureBuild(outDir) {
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'));
  return measureBundle(manifest, (file) => gzipBytes(path.join(outDir, file)));
}

/** Measures against the budgets: every budget exceeded is a failure, with nothing tolerated above it. */
export function judge(sizes) {
  const failures = [];
  const compare = (key, what, value) => {
    if (value <= BUDGETS[key]) return;
    failures.push(`${what}: ${kb(value)} gzip, budget ${kb(BUDGETS[key])} (over by ${kb(value - BUDGETS[key])})`);
  };
  compare('initialRouteJs', `JavaScript of the initial route ${sizes.heaviestRoute}`, sizes.initialRouteJs);
  compare('wholeApp', 'JS and CSS of the whole app', sizes.wholeApp);
  return { failures };
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
