// The table every benchmark adds rows to, printed and written to docs/benchmarks.md between its
// markers, with the machine the figures came from. Results of each benchmark are kept in
// bench/results.json, so running one benchmark by name refreshes its rows and keeps the others'.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from './stack.js';

export interface Row {
  measure: string;
  /** "≤ 2 ms", "≥ 0.85", or "—" for a figure reported without a budget. */
  budget: string;
  /** The figure as printed: median, with the spread of runs where there are several. */
  result: string;
  /** Result ÷ budget: ≤ 1 meets a "≤" budget, ≥ 1 a "≥" one. */
  ratio: string;
  pass: boolean | null;
}

/** A row for a figure with a budget: `value` is compared with `limit` by `op`. */
export function budgeted(
  measure: string,
  value: number,
  op: '≤' | '≥',
  limit: number,
  unit: string,
  result: string,
): Row {
  return {
    measure,
    budget: `${op} ${limit}${unit}`,
    result,
    ratio: Number.isFinite(value) ? (value / limit).toFixed(2) : '—',
    pass: Number.isFinite(value) && (op === '≤' ? value <= limit : value >= limit),
  };
}

/** A row reported without a budget (a curve point, a throughput for scale). */
export const info = (measure: string, result: string): Row => ({
  measure,
  budget: '—',
  result,
  ratio: '—',
  pass: null,
});

export interface BenchResult {
  name: string;
  title: string;
  at: string;
  seconds: number;
  rows: Row[];
  notes?: string[];
}

const RESULTS = path.join(ROOT, 'bench/results.json');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function machine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  // The load average says how much else ran: figures from a shared machine are noisier and slower.
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${gib} GiB RAM, Linux ${os.release()}, Node ${process.version}; load average at the end ${load}`;
}

const mark = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'pass' : 'FAIL');

export function table(results: BenchResult[]): string {
  const lines = ['| Benchmark | Measure | Budget | Result | Ratio | Pass |', '| --- | --- | --- | --- | --- | --- |'];
  for (const result of results) {
    for (const row of result.rows) {
      lines.push(
        `| ${result.title} | ${row.measure} | ${row.budget} | ${row.result} | ${row.ratio} | ${mark(row.pass)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Prints a benchmark's rows as they come. */
export function printRows(result: BenchResult): void {
  const width = Math.max(...result.rows.map((r) => r.measure.length));
  console.log(`\n${result.title} (${result.seconds.toFixed(0)} s)`);
  for (const row of result.rows) {
    console.log(
      `  ${mark(row.pass).padEnd(4)}  ${row.measure.padEnd(width)}  ${row.result.padEnd(28)} budget ${row.budget.padEnd(10)} ratio ${row.ratio}`,
    );
  }
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
}

/** Writes a file as Prettier would format it, so `npm run lint` stays green after a run. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

export interface FullRun {
  at: string;
  seconds: number;
  soakMinutes: number;
}

/**
 * Merges fresh results into bench/results.json and rewrites the table in docs/benchmarks.md.
 * `fullRun` is given when every benchmark ran, in one `npm run bench`.
 */
export async function save(fresh: BenchResult[], order: string[], fullRun?: FullRun): Promise<BenchResult[]> {
  const stored: { machine?: string; fullRun?: FullRun; results: BenchResult[] } = existsSync(RESULTS)
    ? JSON.parse(readFileSync(RESULTS, 'utf8'))
    : { results: [] };
  const byName = new Map(stored.results.map((r) => [r.name, r]));
  for (const result of fresh) byName.set(result.name, result);
  const results = order.map((name) => byName.get(name)).filter((r): r is BenchResult => r !== undefined);
  const lastFull = fullRun ?? stored.fullRun;
  await writeFormatted(RESULTS, JSON.stringify({ machine: machine(), fullRun: lastFull, results }));

  const when = results.map((r) => `${r.name} ${r.at.slice(0, 16).replace('T', ' ')} UTC (${r.seconds.toFixed(0)} s)`);
  const block = [
    START,
    '',
    `Machine: ${machine()}.`,
    ...(lastFull
      ? [
          '',
          `Last full \`npm run bench\`: ${(lastFull.seconds / 60).toFixed(1)} min, ${lastFull.at.slice(0, 16).replace('T', ' ')} UTC, soak ${lastFull.soakMinutes} min.`,
        ]
      : []),
    '',
    table(results),
    '',
    `Taken: ${when.join('; ')}.`,
    '',
    ...results.flatMap((r) => (r.notes ?? []).map((note) => `- ${r.title}: ${note}`)),
    '',
    END,
  ].join('\n');
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  await writeFormatted(
    DOC,
    from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + END.length) : `${doc}\n${block}\n`,
  );
  return results;
}
