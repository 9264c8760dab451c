// Every Mantine class the built code can set has its rules in the built CSS. The app imports
// Mantine's styles per component (apps/web/src/app/mantine-styles.ts), not the whole library's:
// a component newly used, or one that a used component is built on, would otherwise render
// unstyled with nothing failing. Mantine names its classes `m_` and 8 hex digits, stable per
// release, so the check reads both sides from the build and from the library's full stylesheet.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLASS = /\bm_[0-9a-f]{8}\b/g;
const WEB_APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web');
const MANTINE = '@mantine/core';

/** Mantine's classes set by the built JS and defined nowhere in the built CSS, by the component file defining them. */
export function missingMantineStyles(outDir) {
  const assets = path.join(outDir, 'assets');
  const files = readdirSync(assets);
  const read = (suffix) =>
    files.filter((f) => f.endsWith(suffix)).map((f) => readFileSync(path.join(assets, f), 'utf8'));
  const used = new Set(read('.js').flatMap((code) => code.match(CLASS) ?? []));
  const styled = new Set(read('.css').flatMap((css) => css.match(CLASS) ?? []));
  const library = libraryStylesByClass();
  const missing = new Map();
  for (const name of used) {
    const file = library.get(name);
    // Not in Mantine's stylesheet at all: a class without rules of its own (nothing to miss).
    if (!file || styled.has(name)) continue;
    missing.set(file, [...(missing.get(file) ?? []), name]);
  }
  return missing;
}

/** Each class of @mantine/core's per-component stylesheets, mapped to the file that defines it. */
function libraryStylesByClass() {
  // The web app's own copy (a dependency of apps/web, not of these scripts), which exports its
  // stylesheets one by one, not their folder: found through the full stylesheet.
  const webRequire = createRequire(path.join(WEB_APP, 'package.json'));
  const folder = path.join(path.dirname(webRequire.resolve(`${MANTINE}/styles.css`)), 'styles');
  const byClass = new Map();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css'))) {
    for (const name of readFileSync(path.join(folder, file), 'utf8').match(CLASS) ?? []) {
      if (!byClass.has(name)) byClass.set(name, file);
    }
  }
  return byClass;
}
