// `npm run bench [-- <name>...] [--soak-minutes N]`: runs the benchmarks of issue #8 one after
// another (each starts its own emulator and BFF on free ports and stops them), prints the figures
// and writes the table to docs/benchmarks.md. Benchmarks report; they never fail a build, so this
// exits 0 whatever the figures, except when a benchmark could not run at all.
import { parseArgs } from 'node:util';
import { printRows, save, table, type BenchResult, type Row } from './lib/report.js';

export interface BenchOptions {
  soakMinutes: number;
}

export interface Bench {
  title: string;
  run(options: BenchOptions): Promise<{ rows: Row[]; notes?: string[] }>;
}

/** In the order they run: the cheap and deterministic first. */
const BENCHES: Record<string, () => Promise<{ default: Bench }>> = {
  bundle: () => import('./bundle.js'),
  emulator: () => import('./emulator.js'),
  proxy: () => import('./proxy.js'),
  live: () => import('./live.js'),
  outside: () => import('./outside.js'),
  fanout: () => import('./fanout.js'),
  large: () => import('./large.js'),
  footprint: () => import('./footprint.js'),
  'page-load': () => import('./page-load.js'),
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'soak-minutes': { type: 'string', default: '2' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(`Usage: npm run bench [-- <name>...] [--soak-minutes N]\nBenchmarks: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(0);
}
const unknown = positionals.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const soakMinutes = Number(values['soak-minutes']);
const names = positionals.length ? positionals : Object.keys(BENCHES);
const started = Date.now();
const fresh: BenchResult[] = [];
let broken = false;
for (const name of names) {
  const bench = (await BENCHES[name]!()).default;
  const at = new Date();
  console.log(`\n::: bench ${name}: ${bench.title}`);
  try {
    const { rows, notes } = await bench.run({ soakMinutes });
    const result: BenchResult = {
      name,
      title: bench.title,
      at: at.toISOString(),
      seconds: (Date.now() - at.getTime()) / 1000,
      rows,
      ...(notes?.length ? { notes } : {}),
    };
    printRows(result);
    fresh.push(result);
  } catch (error) {
    broken = true;
    console.error(`::: bench ${name} could not run: ${(error as Error).stack ?? error}`);
  }
}
const seconds = (Date.now() - started) / 1000;
const complete = names.length === Object.keys(BENCHES).length && fresh.length === names.length;
const all = await save(
  fresh,
  Object.keys(BENCHES),
  complete ? { at: new Date(started).toISOString(), seconds, soakMinutes } : undefined,
);
console.log(`\nWhole run: ${seconds.toFixed(0)} s.`);
console.log(`\n${table(all)}\n\nWritten to docs/benchmarks.md and bench/results.json.`);
process.exit(broken ? 1 : 0);
