// 5. Bundle: what the first route and the whole app download, gzip, from a fresh production build
// (scripts/check-bundle.mjs, the same rule `npm test` enforces).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { budgeted, info } from './lib/report.js';
import { ROOT } from './lib/stack.js';
import type { Bench } from './run.js';

interface Sizes {
  routes: Record<string, { gzip: number; files: string[] }>;
  heaviestRoute: string;
  initialRouteJs: number;
  wholeApp: number;
  wholeAppJs: number;
  budgets: { initialRouteJs: number; wholeApp: number };
  failures: string[];
}

/** The last published Skyline console build, gzip (issue #8), for scale. */
const SKYLINE_GZIP_KB = 2700;

const bench: Bench = {
  title: '5. Bundle',
  async run() {
    let output: string;
    try {
      output = execFileSync(process.execPath, [path.join(ROOT, 'scripts/check-bundle.mjs'), '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    } catch (error) {
      // Over budget: the check exits 1 but has printed its figures all the same.
      output = (error as { stdout: string }).stdout;
    }
    const sizes = JSON.parse(output.trim().split('\n').at(-1)!) as Sizes;
    const kb = (bytes: number) => bytes / 1000;
    const rows = [
      budgeted(
        `initial route JS, gzip (heaviest of /login, /overview: ${sizes.heaviestRoute})`,
        kb(sizes.initialRouteJs),
        '≤',
        kb(sizes.budgets.initialRouteJs),
        ' kB',
        `${kb(sizes.initialRouteJs).toFixed(1)} kB`,
      ),
      ...Object.entries(sizes.routes).map(([route, { gzip, files }]) =>
        info(`${route} JS, gzip`, `${kb(gzip).toFixed(1)} kB in ${files.length} files`),
      ),
      budgeted(
        'whole app JS + CSS, gzip',
        kb(sizes.wholeApp),
        '≤',
        kb(sizes.budgets.wholeApp),
        ' kB',
        `${kb(sizes.wholeApp).toFixed(1)} kB (Skyline ≈ ${SKYLINE_GZIP_KB} kB: ${(kb(sizes.wholeApp) / SKYLINE_GZIP_KB).toFixed(2)}×)`,
      ),
    ];
    return { rows };
  },
};
export default bench;
