#!/usr/bin/env node
// `npm run test:bundle`: builds the SPA into a temporary folder and fails when it is over its
// budget (scripts/bundle-budget.mjs). Sizes are deterministic, so unlike times they are asserted.
// `--json` prints the figures for bench/; `--out-dir DIR` keeps the build there (never apps/web/dist,
// which `npm start` and the e2e suite serve). Every budget is strict: there is no ceiling above it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { BUDGETS, judge, kb, measureBuild } from './bundle-budget.mjs';
import { missingMantineStyles } from './check-mantine-styles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { json: { type: 'boolean' }, 'out-dir': { type: 'string' } },
});
const outDir = values['out-dir'] ? path.resolve(values['out-dir']) : mkdtempSync(path.join(tmpdir(), 'bundle-'));

try {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    // Source maps are not downloaded by visitors and only slow this check down.
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  const sizes = measureBuild(outDir);
  const { failures } = judge(sizes);
  for (const [file, classes] of missingMantineStyles(outDir)) {
    failures.push(
      `Mantine classes ${classes.join(', ')} are set but unstyled: import @mantine/core/styles/${file} in apps/web/src/app/mantine-styles.ts`,
    );
  }
  if (values.json) {
    console.log(JSON.stringify({ ...sizes, budgets: BUDGETS, failures }));
  } else {
    for (const [route, { gzip, files }] of Object.entries(sizes.routes)) {
      console.log(`  ${route.padEnd(10)} ${kb(gzip).padStart(9)} gzip JS in ${files.length} files`);
    }
    console.log(`  whole app  ${kb(sizes.wholeApp).padStart(9)} gzip JS+CSS (JS alone ${kb(sizes.wholeAppJs)})`);
    console.log(
      `  budgets: initial route ≤ ${kb(BUDGETS.initialRouteJs)} (heaviest: ${sizes.heaviestRoute}), whole app ≤ ${kb(BUDGETS.wholeApp)}`,
    );
  }
  if (failures.length) {
    console.error(
      `\nBundle over budget or unstyled:\n  ${failures.join('\n  ')}\nSee docs/benchmarks.md (Bundle) for what to do.`,
    );
    process.exitCode = 1;
  } else if (!values.json) {
    console.log('  bundle within budget');
  }
} finally {
  if (!values['out-dir']) rmSync(outDir, { recursive: true, force: true });
}
